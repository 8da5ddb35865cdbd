using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Numerics;

// Logarithm kernels: ln x and ln(1 + x).
public static partial class DMath
{
    // Adding 0x3FF0000000000000 - bits(sqrt(1/2)) to the bits of a positive normal x moves the exponent boundary
    // from 1 to sqrt(1/2): the exponent field of the sum is k + 1023 and its mantissa, re-based on bits(sqrt(1/2)),
    // is m in [sqrt(1/2), sqrt(2)) with x = 2^k m.
    private const long ExponentRebias = 0x00095F619980C433;
    private const long SqrtHalfBits = 0x3FE6A09E667F3BCD;
    private const long MantissaMask = 0x000FFFFFFFFFFFFF;

    // OR-ing a biased exponent e < 2^12 into the bits of 2^52 gives the double 2^52 + e; subtracting
    // 2^52 + 1023 then yields the unbiased exponent exactly.
    private const long TwoPow52Bits = 0x4330000000000000;
    private const double TwoPow52PlusBias = 4503599627371519.0;

    private const double MinNormal = 2.2250738585072014e-308;
    private const double TwoPow54 = 18014398509481984.0;

    // R(z) = (ln((1 + s) / (1 - s)) - 2 s) / s ~ z (L1 + z (L2 + ... + z L7)), z = s^2,
    // 0 <= s <= (sqrt2 - 1) / (sqrt2 + 1); minimax for the absolute error of R (2^-57.9 with these doubles),
    // derived by derive_coefficients.py.
    private const double L1 = 0.6666666666666734;        // 0x3FE5555555555592
    private const double L2 = 0.39999999999413965;       // 0x3FD999999997FD37
    private const double L3 = 0.2857142874256228;        // 0x3FD24924941F8D37
    private const double L4 = 0.22222198553774525;       // 0x3FCC71C5202B1C4A
    private const double L5 = 0.18183565407691404;       // 0x3FC7466405C0E924
    private const double L6 = 0.15314021109881099;       // 0x3FC39A19332F9B62
    private const double L7 = 0.14796261236390024;       // 0x3FC2F0705A911C52

    /// <summary>Natural logarithm.</summary>
    /// <param name="x">Argument; +0 and −0 give −∞, negative values and NaN give NaN, +∞ gives +∞.</param>
    /// <returns>ln x within 1 ulp, subnormal x included.</returns>
    /// <remarks>
    /// x = 2^k·m with m in [√½, √2); with f = m − 1 and s = f/(2 + f),
    /// ln x = k·ln2 + f − f²/2 + s·(f²/2 + R(s²)), evaluated with ln2 in two parts.
    /// </remarks>
    public static double Log(double x)
    {
        if (!(x >= 0.0))
        {
            return double.NaN;
        }

        if (x == 0.0)
        {
            return double.NegativeInfinity;
        }

        if (x == double.PositiveInfinity)
        {
            return x;
        }

        var kAdjust = 0.0;
        if (x < MinNormal)
        {
            x *= TwoPow54;
            kAdjust = 54.0;
        }

        return LogOfNormal(x, kAdjust, 0.0);
    }

    /// <summary>Lane-wise natural logarithm.</summary>
    /// <param name="x">Arguments.</param>
    /// <returns>ln x per lane, bit-identical to <see cref="Log(double)"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        var subnormal = Vector256.LessThan(x, Vector256.Create(MinNormal));
        var xs = Vector256.ConditionalSelect(subnormal, x * TwoPow54, x);
        var kAdjust = subnormal & Vector256.Create(54.0);
        var result = LogOfNormal(xs, kAdjust, Vector256<double>.Zero);
        var infinity = Vector256.Create(double.PositiveInfinity);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, infinity), infinity, result);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<double>.Zero), -infinity, result);
        return Vector256.ConditionalSelect(
            Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero), result, Vector256.Create(double.NaN));
    }

    /// <summary>Lane-wise natural logarithm of arguments known to be positive, normal and finite.</summary>
    /// <param name="x">Arguments in [2^−1022, +∞); not checked.</param>
    /// <returns>ln x per lane, bit-identical to <see cref="Log(Vector256{double})"/> for such arguments; unspecified for others.</returns>
    /// <remarks>
    /// <see cref="Log(Vector256{double})"/> without its subnormal scaling and its ±0, +∞, negative and NaN fix-ups (the
    /// same <c>LogOfNormal</c> arithmetic, about 14 instructions fewer): for hot loops whose caller has checked the
    /// range, e.g. with one compare pair per vector.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LogOfPositiveNormal(Vector256<double> x) =>
        LogOfNormal(x, Vector256<double>.Zero, Vector256<double>.Zero);

    /// <summary>Lane-wise natural logarithm.</summary>
    /// <param name="x">Arguments.</param>
    /// <returns>ln x per lane, bit-identical to <see cref="Log(double)"/>.</returns>
    public static Vector512<double> Log(Vector512<double> x)
    {
        var subnormal = Vector512.LessThan(x, Vector512.Create(MinNormal));
        var xs = Vector512.ConditionalSelect(subnormal, x * TwoPow54, x);
        var kAdjust = subnormal & Vector512.Create(54.0);
        var result = LogOfNormal(xs, kAdjust, Vector512<double>.Zero);
        var infinity = Vector512.Create(double.PositiveInfinity);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, infinity), infinity, result);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<double>.Zero), -infinity, result);
        return Vector512.ConditionalSelect(
            Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), result, Vector512.Create(double.NaN));
    }

    /// <summary>ln(1 + x), accurate for small |x|.</summary>
    /// <param name="x">Argument; ±0 gives ±0, −1 gives −∞, values below −1 and NaN give NaN, +∞ gives +∞.</param>
    /// <returns>ln(1 + x) within 1 ulp.</returns>
    /// <remarks>
    /// u = 1 + x is rounded, and the exact rounding error e of that sum (a two-sum) enters as ln(u + e) =
    /// ln u + e/u; ln u is then evaluated as in <see cref="Log(double)"/>.
    /// </remarks>
    public static double Log1p(double x)
    {
        if (!(x >= -1.0))
        {
            return double.NaN;
        }

        if (x == -1.0)
        {
            return double.NegativeInfinity;
        }

        if (x == double.PositiveInfinity || x == 0.0)
        {
            return x;
        }

        var u = 1.0 + x;
        var bb = u - 1.0;
        var err = (1.0 - (u - bb)) + (x - bb);
        return LogOfNormal(u, 0.0, err / u);
    }

    /// <summary>Lane-wise ln(1 + x).</summary>
    /// <param name="x">Arguments.</param>
    /// <returns>ln(1 + x) per lane, bit-identical to <see cref="Log1p(double)"/>.</returns>
    public static Vector256<double> Log1p(Vector256<double> x)
    {
        var one = Vector256<double>.One;
        var u = one + x;
        var bb = u - one;
        var err = (one - (u - bb)) + (x - bb);
        var result = LogOfNormal(u, Vector256<double>.Zero, err / u);
        var infinity = Vector256.Create(double.PositiveInfinity);
        var keep = Vector256.Equals(x, infinity) | Vector256.Equals(x, Vector256<double>.Zero);
        result = Vector256.ConditionalSelect(keep, x, result);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, -one), -infinity, result);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, -one), result, Vector256.Create(double.NaN));
    }

    /// <summary>Lane-wise ln(1 + x).</summary>
    /// <param name="x">Arguments.</param>
    /// <returns>ln(1 + x) per lane, bit-identical to <see cref="Log1p(double)"/>.</returns>
    public static Vector512<double> Log1p(Vector512<double> x)
    {
        var one = Vector512<double>.One;
        var u = one + x;
        var bb = u - one;
        var err = (one - (u - bb)) + (x - bb);
        var result = LogOfNormal(u, Vector512<double>.Zero, err / u);
        var infinity = Vector512.Create(double.PositiveInfinity);
        var keep = Vector512.Equals(x, infinity) | Vector512.Equals(x, Vector512<double>.Zero);
        result = Vector512.ConditionalSelect(keep, x, result);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, -one), -infinity, result);
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, -one), result, Vector512.Create(double.NaN));
    }

    /// <summary>ln(u) + low − kAdjust·ln2 for a positive normal finite u and a correction |low| ≤ 2^−52.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LogOfNormal(double u, double kAdjust, double low)
    {
        var v = BitConverter.DoubleToInt64Bits(u) + ExponentRebias;
        var k = (BitConverter.Int64BitsToDouble((long)((ulong)v >> 52) | TwoPow52Bits) - TwoPow52PlusBias) - kAdjust;
        var m = BitConverter.Int64BitsToDouble((v & MantissaMask) + SqrtHalfBits);
        var f = m - 1.0;
        var s = f / (2.0 + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (L2 + (w * (L4 + (w * L6))));
        var t2 = z * (L1 + (w * (L3 + (w * (L5 + (w * L7))))));
        var r = t2 + t1;
        var hfsq = (0.5 * f) * f;
        return (k * Ln2Hi) - ((hfsq - ((s * (hfsq + r)) + ((k * Ln2Lo) + low))) - f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LogOfNormal(Vector256<double> u, Vector256<double> kAdjust, Vector256<double> low)
    {
        var v = u.AsInt64() + Vector256.Create(ExponentRebias);
        var biased = Vector256.ShiftRightLogical(v, 52) | Vector256.Create(TwoPow52Bits);
        var k = (biased.AsDouble() - Vector256.Create(TwoPow52PlusBias)) - kAdjust;
        var m = ((v & Vector256.Create(MantissaMask)) + Vector256.Create(SqrtHalfBits)).AsDouble();
        var one = Vector256<double>.One;
        var f = m - one;
        var s = f / (Vector256.Create(2.0) + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Vector256.Create(L2) + (w * (Vector256.Create(L4) + (w * L6))));
        var t2 = z * (Vector256.Create(L1) + (w * (Vector256.Create(L3) + (w * (Vector256.Create(L5) + (w * L7))))));
        var r = t2 + t1;
        var hfsq = (Vector256.Create(0.5) * f) * f;
        return (k * Ln2Hi) - ((hfsq - ((s * (hfsq + r)) + ((k * Ln2Lo) + low))) - f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> LogOfNormal(Vector512<double> u, Vector512<double> kAdjust, Vector512<double> low)
    {
        var v = u.AsInt64() + Vector512.Create(ExponentRebias);
        var biased = Vector512.ShiftRightLogical(v, 52) | Vector512.Create(TwoPow52Bits);
        var k = (biased.AsDouble() - Vector512.Create(TwoPow52PlusBias)) - kAdjust;
        var m = ((v & Vector512.Create(MantissaMask)) + Vector512.Create(SqrtHalfBits)).AsDouble();
        var one = Vector512<double>.One;
        var f = m - one;
        var s = f / (Vector512.Create(2.0) + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Vector512.Create(L2) + (w * (Vector512.Create(L4) + (w * L6))));
        var t2 = z * (Vector512.Create(L1) + (w * (Vector512.Create(L3) + (w * (Vector512.Create(L5) + (w * L7))))));
        var r = t2 + t1;
        var hfsq = (Vector512.Create(0.5) * f) * f;
        return (k * Ln2Hi) - ((hfsq - ((s * (hfsq + r)) + ((k * Ln2Lo) + low))) - f);
    }
}
