using System.Numerics;

namespace Assay.Numerics.Tests.FixedPoint;

/// <summary>Exact big-integer references for double ↔ fixed-point conversions, independent of the code under test.</summary>
internal static class ExactDouble
{
    /// <summary>Splits a finite double into sign·mantissa·2^exponent with an integer mantissa.</summary>
    public static (int Sign, BigInteger Mantissa, int Exponent) Decompose(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var sign = bits < 0 ? -1 : 1;
        var biased = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0x000F_FFFF_FFFF_FFFFL;
        return biased == 0
            ? (sign, fraction, -1074)
            : (sign, fraction | (1L << 52), biased - 1075);
    }

    /// <summary>round-half-even(x·2^k) computed with big integers.</summary>
    public static BigInteger ScaledRoundHalfEven(double x, int k)
    {
        var (sign, mantissa, exponent) = Decompose(x);
        var shift = exponent + k;
        if (shift >= 0)
        {
            return sign * (mantissa << shift);
        }

        var quotient = mantissa >> -shift;
        var remainder = mantissa - (quotient << -shift);
        var half = BigInteger.One << (-shift - 1);
        if (remainder > half || (remainder == half && !quotient.IsEven))
        {
            quotient++;
        }

        return sign * quotient;
    }

    /// <summary>Whether <paramref name="candidate"/> is the double nearest to n·2^−k, ties to even (exact comparison).</summary>
    public static bool IsCorrectlyRounded(BigInteger n, int k, double candidate)
    {
        // Compare everything as integers in units of 2^−Shift.
        const int Shift = 1200;
        var target = n << (Shift - k);
        var error = BigInteger.Abs(target - Exact(candidate, Shift));
        foreach (var neighbour in new[] { Math.BitIncrement(candidate), Math.BitDecrement(candidate) })
        {
            var other = BigInteger.Abs(target - Exact(neighbour, Shift));
            if (other < error)
            {
                return false;
            }

            if (other == error && (BitConverter.DoubleToInt64Bits(candidate) & 1) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static BigInteger Exact(double x, int shift)
    {
        var (sign, mantissa, exponent) = Decompose(x);
        return sign * (mantissa << (exponent + shift));
    }
}
