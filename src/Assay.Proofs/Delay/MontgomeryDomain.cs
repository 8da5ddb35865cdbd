using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Assay.Proofs.Delay;

/// <summary>Multiplication modulo a fixed odd modulus in Montgomery form on 64-bit limbs (no allocation per product).</summary>
/// <remarks>
/// P. L. Montgomery, "Modular multiplication without trial division", Math. Comp. 44 (1985) 519–521; the loop is the
/// coarsely integrated operand scanning (CIOS) method of Ç. K. Koç, T. Acar and B. S. Kaliski, "Analyzing and comparing
/// Montgomery multiplication algorithms", IEEE Micro 16(3), 1996. With R = 2^(64k), an element a is held as aR mod n in k
/// little-endian limbs, and Multiply(aR, bR) = abR mod n. Pure integer arithmetic: the results are exact and identical on
/// every machine. Not constant-time (all inputs here are public).
/// </remarks>
internal sealed class MontgomeryDomain
{
    private readonly ulong[] _modulus;
    private readonly ulong _negativeInverse;
    private readonly ulong[] _rSquared;

    /// <summary>Prepares the domain of an odd modulus n ≥ 3.</summary>
    public MontgomeryDomain(BigInteger modulus)
    {
        if (modulus < 3 || modulus.IsEven)
        {
            throw new ArgumentOutOfRangeException(nameof(modulus), "A Montgomery modulus is odd and at least 3.");
        }

        Modulus = modulus;
        LimbCount = (int)((modulus.GetBitLength() + 63) / 64);
        _modulus = ToLimbs(modulus);

        // −n⁻¹ mod 2⁶⁴ by Newton–Hensel lifting: each step doubles the number of correct low bits (n·n ≡ 1 mod 8 to start).
        var inverse = _modulus[0];
        for (var i = 0; i < 5; i++)
        {
            inverse *= 2 - (_modulus[0] * inverse);
        }

        _negativeInverse = 0 - inverse;
        var r = (BigInteger.One << (64 * LimbCount)) % modulus;
        _rSquared = ToLimbs(r * r % modulus);
    }

    /// <summary>The modulus n.</summary>
    public BigInteger Modulus { get; }

    /// <summary>Limbs per element, k.</summary>
    public int LimbCount { get; }

    /// <summary>A new zeroed element buffer.</summary>
    public ulong[] NewElement() => new ulong[LimbCount];

    /// <summary>Writes aR mod n for 0 ≤ a &lt; n.</summary>
    public void ToMontgomery(BigInteger value, Span<ulong> result)
    {
        Span<ulong> plain = stackalloc ulong[LimbCount];
        WriteLimbs(value, plain);
        Multiply(plain, _rSquared, result);
    }

    /// <summary>The integer a in [0, n) held as aR mod n.</summary>
    public BigInteger FromMontgomery(ReadOnlySpan<ulong> element)
    {
        Span<ulong> one = stackalloc ulong[LimbCount];
        one.Clear();
        one[0] = 1;
        Span<ulong> plain = stackalloc ulong[LimbCount];
        Multiply(element, one, plain);
        return ToBigInteger(plain);
    }

    /// <summary>result = a·b·R⁻¹ mod n; <paramref name="result"/> may alias either input.</summary>
    public void Multiply(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> result)
    {
        var k = LimbCount;
        var n = _modulus;
        Span<ulong> t = stackalloc ulong[k + 2];
        t.Clear();
        for (var i = 0; i < k; i++)
        {
            // t ← t + a·b[i]
            var bi = b[i];
            ulong carry = 0;
            for (var j = 0; j < k; j++)
            {
                carry = MultiplyAdd(a[j], bi, t[j], carry, out t[j]);
            }

            var sum = t[k] + carry;
            t[k + 1] = sum < carry ? 1UL : 0UL;
            t[k] = sum;

            // t ← (t + m·n) / 2⁶⁴ with m chosen so the low limb vanishes.
            var m = t[0] * _negativeInverse;
            carry = MultiplyAdd(m, n[0], t[0], 0, out _);
            for (var j = 1; j < k; j++)
            {
                carry = MultiplyAdd(m, n[j], t[j], carry, out t[j - 1]);
            }

            sum = t[k] + carry;
            t[k + 1] += sum < carry ? 1UL : 0UL;
            t[k - 1] = sum;
            t[k] = t[k + 1];
            t[k + 1] = 0;
        }

        // t < 2n: one conditional subtraction.
        if (t[k] != 0 || !IsBelowModulus(t[..k]))
        {
            SubtractModulus(t[..k]);
        }

        t[..k].CopyTo(result);
    }

    /// <summary>result = a + b mod n (the same in Montgomery form); <paramref name="result"/> may alias either input.</summary>
    public void Add(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> result)
    {
        ulong carry = 0;
        for (var j = 0; j < LimbCount; j++)
        {
            var s = a[j] + b[j];
            var c1 = s < a[j] ? 1UL : 0UL;
            var t = s + carry;
            var c2 = t < s ? 1UL : 0UL;
            result[j] = t;
            carry = c1 | c2;
        }

        if (carry != 0 || !IsBelowModulus(result))
        {
            SubtractModulus(result);
        }
    }

    /// <summary>result = a − b mod n (the same in Montgomery form); <paramref name="result"/> may alias either input.</summary>
    public void Subtract(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> result)
    {
        ulong borrow = 0;
        for (var j = 0; j < LimbCount; j++)
        {
            var d = a[j] - b[j];
            var b1 = a[j] < b[j] ? 1UL : 0UL;
            var t = d - borrow;
            var b2 = d < borrow ? 1UL : 0UL;
            result[j] = t;
            borrow = b1 | b2;
        }

        if (borrow != 0)
        {
            // Wrapped below zero: adding n once brings the value back into [0, n) (the final carry out is discarded).
            ulong carry = 0;
            for (var j = 0; j < LimbCount; j++)
            {
                var s = result[j] + _modulus[j];
                var c1 = s < result[j] ? 1UL : 0UL;
                var t = s + carry;
                var c2 = t < s ? 1UL : 0UL;
                result[j] = t;
                carry = c1 | c2;
            }
        }
    }

    /// <summary>result = a / 2 mod n, i.e. a·2⁻¹ (the same in Montgomery form); <paramref name="result"/> may alias <paramref name="a"/>.</summary>
    public void Half(ReadOnlySpan<ulong> a, Span<ulong> result)
    {
        ulong top = 0;
        if ((a[0] & 1) == 0)
        {
            a.CopyTo(result);
        }
        else
        {
            // a + n is even and below 2n < 2^(64k+1): keep the carry as bit 64k.
            ulong carry = 0;
            for (var j = 0; j < LimbCount; j++)
            {
                var s = a[j] + _modulus[j];
                var c1 = s < a[j] ? 1UL : 0UL;
                var t = s + carry;
                var c2 = t < s ? 1UL : 0UL;
                result[j] = t;
                carry = c1 | c2;
            }

            top = carry;
        }

        for (var j = 0; j < LimbCount - 1; j++)
        {
            result[j] = (result[j] >> 1) | (result[j + 1] << 63);
        }

        result[LimbCount - 1] = (result[LimbCount - 1] >> 1) | (top << 63);
    }

    /// <summary>b^e mod n for 0 ≤ b &lt; n and e ≥ 0, by left-to-right binary exponentiation.</summary>
    public BigInteger Pow(BigInteger value, BigInteger exponent)
    {
        Span<ulong> acc = stackalloc ulong[LimbCount];
        Span<ulong> baseElement = stackalloc ulong[LimbCount];
        ToMontgomery(value, baseElement);
        ToMontgomery(BigInteger.One, acc);
        var bits = exponent.ToByteArray(isUnsigned: true, isBigEndian: false);
        for (var bit = (8 * bits.Length) - 1; bit >= 0; bit--)
        {
            Multiply(acc, acc, acc);
            if (((bits[bit >> 3] >> (bit & 7)) & 1) != 0)
            {
                Multiply(acc, baseElement, acc);
            }
        }

        return FromMontgomery(acc);
    }

    /// <summary>a^e · b^f mod n with one shared chain of squarings (Shamir's simultaneous exponentiation).</summary>
    public BigInteger PowProduct(BigInteger a, BigInteger e, BigInteger b, BigInteger f)
    {
        Span<ulong> acc = stackalloc ulong[LimbCount];
        Span<ulong> am = stackalloc ulong[LimbCount];
        Span<ulong> bm = stackalloc ulong[LimbCount];
        Span<ulong> abm = stackalloc ulong[LimbCount];
        ToMontgomery(a, am);
        ToMontgomery(b, bm);
        Multiply(am, bm, abm);
        ToMontgomery(BigInteger.One, acc);
        var eBits = e.ToByteArray(isUnsigned: true, isBigEndian: false);
        var fBits = f.ToByteArray(isUnsigned: true, isBigEndian: false);
        for (var bit = (8 * Math.Max(eBits.Length, fBits.Length)) - 1; bit >= 0; bit--)
        {
            Multiply(acc, acc, acc);
            var eSet = (bit >> 3) < eBits.Length && ((eBits[bit >> 3] >> (bit & 7)) & 1) != 0;
            var fSet = (bit >> 3) < fBits.Length && ((fBits[bit >> 3] >> (bit & 7)) & 1) != 0;
            if (eSet && fSet)
            {
                Multiply(acc, abm, acc);
            }
            else if (eSet)
            {
                Multiply(acc, am, acc);
            }
            else if (fSet)
            {
                Multiply(acc, bm, acc);
            }
        }

        return FromMontgomery(acc);
    }

    /// <summary>Writes 0 ≤ value &lt; 2^(64k) as k little-endian limbs (independent of the machine's byte order).</summary>
    public void WriteLimbs(BigInteger value, Span<ulong> limbs)
    {
        Span<byte> bytes = stackalloc byte[8 * LimbCount];
        bytes.Clear();
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        for (var j = 0; j < LimbCount; j++)
        {
            limbs[j] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * j)..]);
        }
    }

    /// <summary>The integer whose k little-endian limbs are given.</summary>
    public static BigInteger ToBigInteger(ReadOnlySpan<ulong> limbs)
    {
        Span<byte> bytes = stackalloc byte[8 * limbs.Length];
        for (var j = 0; j < limbs.Length; j++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes[(8 * j)..], limbs[j]);
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyAdd(ulong a, ulong b, ulong c, ulong d, out ulong low)
    {
        // a·b + c + d ≤ (2⁶⁴ − 1)² + 2(2⁶⁴ − 1) = 2¹²⁸ − 1, so the high word cannot overflow.
        var high = Math.BigMul(a, b, out var lo);
        lo += c;
        high += lo < c ? 1UL : 0UL;
        lo += d;
        high += lo < d ? 1UL : 0UL;
        low = lo;
        return high;
    }

    private ulong[] ToLimbs(BigInteger value)
    {
        var limbs = new ulong[LimbCount];
        WriteLimbs(value, limbs);
        return limbs;
    }

    private void SubtractModulus(Span<ulong> t)
    {
        ulong borrow = 0;
        for (var j = 0; j < LimbCount; j++)
        {
            var d = t[j] - _modulus[j];
            var nextBorrow = (t[j] < _modulus[j] || d < borrow) ? 1UL : 0UL;
            t[j] = d - borrow;
            borrow = nextBorrow;
        }
    }

    private bool IsBelowModulus(ReadOnlySpan<ulong> t)
    {
        for (var j = LimbCount - 1; j >= 0; j--)
        {
            if (t[j] != _modulus[j])
            {
                return t[j] < _modulus[j];
            }
        }

        return false;
    }
}
