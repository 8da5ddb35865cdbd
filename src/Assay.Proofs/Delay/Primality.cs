using System.Numerics;

namespace Assay.Proofs.Delay;

/// <summary>Deterministic probable-prime tests: trial division, then Baillie–PSW (strong base-2 Miller–Rabin and strong Lucas).</summary>
/// <remarks>
/// Baillie–PSW: R. Baillie and S. S. Wagstaff Jr., "Lucas pseudoprimes", Math. Comp. 35 (1980) 1391–1417, with
/// Selfridge's parameter choice "method A" (D the first of 5, −7, 9, −11, … with Jacobi symbol (D/n) = −1, P = 1,
/// Q = (1 − D)/4), as in FIPS 186-4 Appendix C.3.3. No composite passing it is known; it is exact below 2⁶⁴
/// (J. Feitsma and W. Galway's base-2 pseudoprime tables). The result is a pure function of n.
/// </remarks>
public static class Primality
{
    private const int TrialDivisionLimit = 1000;

    private static readonly int[] SmallPrimes = Sieve(TrialDivisionLimit);

    private static readonly ulong[] SmallPrimeProducts = GroupProducts(SmallPrimes);

    /// <summary>Whether <paramref name="n"/> is a Baillie–PSW probable prime (exact for n &lt; 2⁶⁴).</summary>
    public static bool IsProbablePrime(BigInteger n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n < TrialDivisionLimit)
        {
            return Array.BinarySearch(SmallPrimes, (int)n) >= 0;
        }

        // One BigInteger remainder per group of small primes whose product fits in 64 bits, then word arithmetic.
        var next = 0;
        foreach (var product in SmallPrimeProducts)
        {
            var residue = (ulong)(n % product);
            for (var remaining = product; remaining > 1; next++)
            {
                var p = (ulong)SmallPrimes[next];
                if (residue % p == 0)
                {
                    return false;
                }

                remaining /= p;
            }
        }

        if (n < TrialDivisionLimit * TrialDivisionLimit)
        {
            return true;
        }

        return IsStrongProbablePrime(n, 2) && IsStrongLucasProbablePrime(n);
    }

    /// <summary>The Miller–Rabin test of odd n &gt; 2 to one base: whether n is a strong probable prime to base <paramref name="witness"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is even or below 3, or the base is not in [2, n − 2].</exception>
    public static bool IsStrongProbablePrime(BigInteger n, BigInteger witness)
    {
        if (n < 3 || n.IsEven)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "The Miller–Rabin test needs an odd n ≥ 3.");
        }

        if (witness < 2 || witness > n - 2)
        {
            throw new ArgumentOutOfRangeException(nameof(witness), "The Miller–Rabin base must be in [2, n − 2].");
        }

        var nMinusOne = n - 1;
        var s = (int)BigInteger.TrailingZeroCount(nMinusOne);
        var d = nMinusOne >> s;
        var x = new MontgomeryDomain(n).Pow(witness, d);
        if (x.IsOne || x == nMinusOne)
        {
            return true;
        }

        for (var r = 1; r < s; r++)
        {
            x = BigInteger.ModPow(x, 2, n);
            if (x == nMinusOne)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The strong Lucas probable-prime test of odd n ≥ 3 with Selfridge's parameters (method A).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is even or below 3.</exception>
    public static bool IsStrongLucasProbablePrime(BigInteger n)
    {
        if (n < 3 || n.IsEven)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "The Lucas test needs an odd n ≥ 3.");
        }

        // A perfect square has (D/n) ≠ −1 for every D, so the search below would not end.
        if (IsPerfectSquare(n))
        {
            return false;
        }

        BigInteger discriminant = 5;
        while (true)
        {
            var jacobi = Jacobi(discriminant, n);
            if (jacobi == -1)
            {
                break;
            }

            if (jacobi == 0 && BigInteger.Abs(discriminant) != n)
            {
                return false;
            }

            discriminant = discriminant.Sign > 0 ? -(discriminant + 2) : -discriminant + 2;
        }

        // P = 1, Q = (1 − D)/4. The ladder runs in Montgomery form: U, V and Q^k are held as ·R mod n.
        var domain = new MontgomeryDomain(n);
        var q = (1 - discriminant) / 4;
        var dM = domain.NewElement();
        var qM = domain.NewElement();
        domain.ToMontgomery(Mod(discriminant, n), dM);
        domain.ToMontgomery(Mod(q, n), qM);
        var nPlusOne = n + 1;
        var s = (int)BigInteger.TrailingZeroCount(nPlusOne);
        var k = (nPlusOne >> s).ToByteArray(isUnsigned: true, isBigEndian: false);
        var topBit = (8 * k.Length) - 1;
        while (((k[topBit >> 3] >> (topBit & 7)) & 1) == 0)
        {
            topBit--;
        }

        // Left-to-right binary ladder for (U_k, V_k, Q^k) mod n, from U_1 = 1, V_1 = P = 1:
        // U_2j = U_j V_j, V_2j = V_j² − 2Q^j; U_j+1 = (P U_j + V_j)/2, V_j+1 = (D U_j + P V_j)/2.
        var u = domain.NewElement();
        var v = domain.NewElement();
        var qk = (ulong[])qM.Clone();
        var scratch = domain.NewElement();
        domain.ToMontgomery(BigInteger.One, u);
        domain.ToMontgomery(BigInteger.One, v);
        for (var bit = topBit - 1; bit >= 0; bit--)
        {
            domain.Multiply(u, v, u);
            domain.Multiply(v, v, v);
            domain.Add(qk, qk, scratch);
            domain.Subtract(v, scratch, v);
            domain.Multiply(qk, qk, qk);
            if (((k[bit >> 3] >> (bit & 7)) & 1) != 0)
            {
                domain.Multiply(dM, u, scratch);
                domain.Add(scratch, v, scratch);
                domain.Add(u, v, u);
                domain.Half(u, u);
                domain.Half(scratch, v);
                domain.Multiply(qk, qM, qk);
            }
        }

        if (IsZero(u) || IsZero(v))
        {
            return true;
        }

        for (var r = 1; r < s; r++)
        {
            domain.Multiply(v, v, v);
            domain.Add(qk, qk, scratch);
            domain.Subtract(v, scratch, v);
            domain.Multiply(qk, qk, qk);
            if (IsZero(v))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Jacobi symbol (a/n) for odd n &gt; 0.</summary>
    internal static int Jacobi(BigInteger a, BigInteger n)
    {
        a = Mod(a, n);
        var result = 1;
        while (!a.IsZero)
        {
            var twos = (int)BigInteger.TrailingZeroCount(a);
            a >>= twos;
            var nMod8 = (int)(n & 7);
            if ((twos & 1) == 1 && (nMod8 == 3 || nMod8 == 5))
            {
                result = -result;
            }

            (a, n) = (n, a);
            if ((int)(a & 3) == 3 && (int)(n & 3) == 3)
            {
                result = -result;
            }

            a %= n;
        }

        return n.IsOne ? result : 0;
    }

    private static bool IsPerfectSquare(BigInteger n)
    {
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + (n / x)) >> 1;
            if (y >= x)
            {
                return x * x == n;
            }

            x = y;
        }
    }

    private static bool IsZero(ReadOnlySpan<ulong> limbs) => !limbs.ContainsAnyExcept(0UL);

    private static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        var r = value % modulus;
        return r.Sign < 0 ? r + modulus : r;
    }

    private static ulong[] GroupProducts(int[] primes)
    {
        var products = new List<ulong>();
        var product = 1UL;
        foreach (var p in primes)
        {
            if (product > ulong.MaxValue / (ulong)p)
            {
                products.Add(product);
                product = 1;
            }

            product *= (ulong)p;
        }

        products.Add(product);
        return [.. products];
    }

    private static int[] Sieve(int limit)
    {
        var composite = new bool[limit];
        var primes = new List<int>();
        for (var i = 2; i < limit; i++)
        {
            if (composite[i])
            {
                continue;
            }

            primes.Add(i);
            for (var j = i * i; j < limit; j += i)
            {
                composite[j] = true;
            }
        }

        return [.. primes];
    }
}
