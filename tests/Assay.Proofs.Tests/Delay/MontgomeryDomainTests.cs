using System.Numerics;
using Assay.Proofs.Delay;

namespace Assay.Proofs.Tests.Delay;

/// <summary>The Montgomery kernel agrees with BigInteger bit for bit on random and worst-case operands.</summary>
public class MontgomeryDomainTests
{
    [Fact]
    public void Products_and_powers_equal_biginteger_results()
    {
        const int Seed = 314159;
        var random = new Random(Seed);
        foreach (var bits in new[] { 2, 3, 63, 64, 65, 127, 128, 129, 255, 256, 257, 1000, 2048, 2049 })
        {
            var moduli = new List<BigInteger>
            {
                (BigInteger.One << bits) - 1,           // all-ones limbs: the largest carries
                (BigInteger.One << (bits - 1)) + 1,     // a top limb that barely exists
                RandomOdd(random, bits),
                RandomOdd(random, bits),
            };
            foreach (var n in moduli.Where(n => n >= 3))
            {
                var domain = new MontgomeryDomain(n);
                var operands = new List<BigInteger> { 0, 1, 2, n - 1, n - 2, n / 2 };
                for (var i = 0; i < 6; i++)
                {
                    operands.Add(RandomBelow(random, n));
                }

                var ma = domain.NewElement();
                var mb = domain.NewElement();
                var product = domain.NewElement();
                foreach (var a in operands)
                {
                    foreach (var b in operands.Take(6))
                    {
                        domain.ToMontgomery(a, ma);
                        domain.ToMontgomery(b, mb);
                        domain.Multiply(ma, mb, product);
                        Assert.True(a * b % n == domain.FromMontgomery(product), $"seed {Seed}, n {n}, a {a}, b {b}");
                        domain.Add(ma, mb, product);
                        Assert.True((a + b) % n == domain.FromMontgomery(product), $"seed {Seed}, n {n}, {a} + {b}");
                        domain.Subtract(ma, mb, product);
                        Assert.True(((a - b) % n + n) % n == domain.FromMontgomery(product), $"seed {Seed}, n {n}, {a} - {b}");
                        domain.Half(ma, product);
                        Assert.True(a == 2 * domain.FromMontgomery(product) % n, $"seed {Seed}, n {n}, {a} / 2");
                    }

                    Assert.True(a == domain.FromMontgomery(Round(domain, a)), $"seed {Seed}, n {n}, round trip {a}");
                    var e = RandomBelow(random, BigInteger.One << 300);
                    Assert.True(BigInteger.ModPow(a, e, n) == domain.Pow(a, e), $"seed {Seed}, n {n}, {a}^{e}");
                    var b2 = operands[^1];
                    var f = RandomBelow(random, BigInteger.One << 200);
                    Assert.True(BigInteger.ModPow(a, e, n) * BigInteger.ModPow(b2, f, n) % n == domain.PowProduct(a, e, b2, f), $"seed {Seed}, n {n}, {a}^{e} {b2}^{f}");
                }

                Assert.True(BigInteger.One == domain.Pow(5 % n, 0), $"n {n}: x^0");
            }
        }
    }

    [Fact]
    public void Even_or_tiny_moduli_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MontgomeryDomain(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MontgomeryDomain(1 << 20));
    }

    private static ulong[] Round(MontgomeryDomain domain, BigInteger a)
    {
        var m = domain.NewElement();
        domain.ToMontgomery(a, m);
        return m;
    }

    private static BigInteger RandomOdd(Random random, int bits) => RandomBelow(random, BigInteger.One << bits) | (BigInteger.One << (bits - 1)) | 1;

    private static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        var bytes = new byte[bound.GetByteCount(isUnsigned: true) + 8];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) % bound;
    }
}
