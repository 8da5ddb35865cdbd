using System.Numerics;
using Assay.Proofs.Delay;

namespace Assay.Proofs.Tests.Delay;

/// <summary>The embedded RSA-2048 constant has the published size and properties.</summary>
public class RsaChallengeNumbersTests
{
    [Fact]
    public void Rsa2048_has_617_digits_2048_bits_digit_sum_2738_and_is_composite_without_small_factors()
    {
        // RSA Laboratories factoring challenge: RSA-2048, 617 decimal digits, 2048 bits; digit sum 2738.
        var n = RsaChallengeNumbers.Rsa2048;
        Assert.Equal(617, RsaChallengeNumbers.Rsa2048Decimal.Length);
        Assert.Equal(2048, n.GetBitLength());
        Assert.Equal(2738, RsaChallengeNumbers.Rsa2048Decimal.Sum(c => c - '0'));
        Assert.StartsWith("2519590847565789349402718324", RsaChallengeNumbers.Rsa2048Decimal, StringComparison.Ordinal);
        Assert.EndsWith("97122822120720357", RsaChallengeNumbers.Rsa2048Decimal, StringComparison.Ordinal);

        // Fermat base 2 proves it composite; a semiprime of two 1024-bit primes has no factor below 10^5.
        Assert.NotEqual(BigInteger.One, BigInteger.ModPow(2, n - 1, n));
        for (var p = 2; p < 100_000; p++)
        {
            Assert.False((n % p).IsZero, $"divisible by {p}");
        }
    }
}
