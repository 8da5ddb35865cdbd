using System.Globalization;
using System.Numerics;
using Assay.Proofs.Delay;

namespace Assay.Proofs.Tests.Delay;

/// <summary>Baillie–PSW: exhaustive agreement with a sieve on small ranges, the published pseudoprime lists, and 256-bit labels from mpmath and OpenSSL.</summary>
public class PrimalityTests
{
    // OEIS A001262, strong pseudoprimes to base 2 (terms below 100 000).
    private static readonly int[] StrongBase2Pseudoprimes = [2047, 3277, 4033, 4681, 8321, 15841, 29341, 42799, 49141, 52633, 65281, 74665, 80581, 85489, 88357, 90751];

    // OEIS A217255, strong Lucas pseudoprimes with Selfridge's parameters (terms below 100 000).
    private static readonly int[] StrongLucasPseudoprimes = [5459, 5777, 10877, 16109, 18971, 22499, 24569, 25199, 40309, 58519, 75077, 97439];

    [Fact]
    public void Agrees_with_a_sieve_below_two_million_on_sampled_ranges()
    {
        const int Limit = 1_060_000;
        var composite = new bool[Limit];
        composite[0] = composite[1] = true;
        for (var i = 2; (long)i * i < Limit; i++)
        {
            if (!composite[i])
            {
                for (var j = i * i; j < Limit; j += i)
                {
                    composite[j] = true;
                }
            }
        }

        for (var n = 0; n < 20_000; n++)
        {
            Assert.True(!composite[n] == Primality.IsProbablePrime(n), $"n = {n}");
        }

        // Above 10^6 trial division no longer decides: these go through Miller–Rabin and Lucas.
        for (var n = 1_000_001; n < Limit; n += 2)
        {
            Assert.True(!composite[n] == Primality.IsProbablePrime(n), $"n = {n}");
        }
    }

    [Fact]
    public void Each_half_of_the_test_is_fooled_exactly_by_its_published_pseudoprimes()
    {
        var spsp = new HashSet<int>(StrongBase2Pseudoprimes);
        var slpsp = new HashSet<int>(StrongLucasPseudoprimes);
        const int Limit = 30_000;
        for (var n = 5; n < Limit; n += 2)
        {
            var prime = IsPrimeByTrialDivision(n);
            var mr = Primality.IsStrongProbablePrime(n, 2);
            var lucas = Primality.IsStrongLucasProbablePrime(n);
            Assert.True(mr == (prime || spsp.Contains(n)), $"Miller–Rabin base 2 at n = {n}: {mr}");
            Assert.True(lucas == (prime || slpsp.Contains(n)), $"strong Lucas at n = {n}: {lucas}");
            Assert.True(Primality.IsProbablePrime(n) == prime, $"BPSW at n = {n}");
        }

        foreach (var n in StrongBase2Pseudoprimes.Where(n => n >= Limit))
        {
            Assert.True(Primality.IsStrongProbablePrime(n, 2) && !Primality.IsStrongLucasProbablePrime(n) && !IsPrimeByTrialDivision(n), $"n = {n}");
        }

        foreach (var n in StrongLucasPseudoprimes.Where(n => n >= Limit))
        {
            Assert.True(Primality.IsStrongLucasProbablePrime(n) && !Primality.IsStrongProbablePrime(n, 2) && !IsPrimeByTrialDivision(n), $"n = {n}");
        }
    }

    [Fact]
    public void Labels_of_256_bit_candidates_from_mpmath_and_openssl_match()
    {
        // tests/data/proofs/vdf/generate_vdf_vectors.py: mpmath 1.2.1 isprime, each confirmed by `openssl prime`.
        var path = Path.Combine(AppContext.BaseDirectory, "data", "proofs", "vdf", "primality_vectors.csv");
        var rows = 0;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Split(',');
            var n = BigInteger.Parse(parts[0], CultureInfo.InvariantCulture);
            Assert.True((parts[1] == "1") == Primality.IsProbablePrime(n), $"n = {n}, expected prime = {parts[1]}");
            rows++;
        }

        Assert.True(rows >= 80, $"only {rows} rows");
    }

    [Fact]
    public void Known_large_primes_and_composites()
    {
        Assert.True(Primality.IsProbablePrime((BigInteger.One << 521) - 1));
        Assert.True(Primality.IsProbablePrime((BigInteger.One << 255) - 19));
        Assert.False(Primality.IsProbablePrime((BigInteger.One << 128) + 1));
        Assert.False(Primality.IsProbablePrime(BigInteger.Pow((BigInteger.One << 61) - 1, 2)));
        Assert.False(Primality.IsProbablePrime(3215031751)); // strong pseudoprime to bases 2, 3, 5 and 7
        Assert.False(Primality.IsProbablePrime(-7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Primality.IsStrongProbablePrime(10, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Primality.IsStrongLucasProbablePrime(1));
    }

    private static bool IsPrimeByTrialDivision(int n)
    {
        for (var d = 2; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return n >= 2;
    }
}
