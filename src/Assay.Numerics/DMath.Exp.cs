using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Numerics;

// Exponential kernels: e^x and e^x − 1.
public static partial class DMath
{
    // Beyond these bounds e^x rounds to +inf (above 709.78...) or to +0 (below -745.13...); clamping keeps the
    // reduction integer k = round(x / ln 2) in [-1076, 1024] and leaves NaN untouched (it fails both tests).
    private const double ExpUpperClamp = 710.0;
    private const double ExpLowerClamp = -746.0;

    // Below -40, e^x < 2^-57 and e^x - 1 rounds to -1; clamping keeps k >= -58.
    private const double Expm1LowerClamp = -40.0;

    // 2^-kc is formed for kc = min(k, 1000); for k above that 1 - 2^-k and 1 - 2^-1000 round alike.
    private const double Expm1TermClamp = 1000.0;

    // R(r) = r (e^r + 1) / (e^r - 1) ~ 2 + z (P1 + z (P2 + ... + z P5)), z = r^2, |r| <= ln2 / 2; minimax for the
    // absolute error of R (2^-58.9 with these doubles), derived by derive_coefficients.py. Both polynomials are
    // evaluated in Estrin's scheme (pairs first, then powers of z or r) to shorten the dependency chain.
    private const double P1 = 0.16666666666666602;       // 0x3FC555555555553E
    private const double P2 = -0.002777777777701553;     // 0xBF66C16C16BEBD84
    private const double P3 = 6.613756321482255e-05;     // 0x3F11566AAF265DEB
    private const double P4 = -1.6533902281548055e-06;   // 0xBEBBBD41C7F6A7F1
    private const double P5 = 4.138140064298579e-08;     // 0x3E66376A9908198F

    // e^r - 1 - r - r^2 / 2 ~ r^3 (Q0 + r (Q1 + ... + r Q9)), |r| <= ln2 / 2; minimax for the absolute error
    // (2^-60.6 with these doubles), derived by derive_coefficients.py.
    private const double Q0 = 0.16666666666666682;       // 0x3FC555555555555B
    private const double Q1 = 0.0416666666666667;        // 0x3FA555555555555A
    private const double Q2 = 0.008333333333316857;      // 0x3F8111111110EBF7
    private const double Q3 = 0.0013888888888865156;     // 0x3F56C16C16C14156
    private const double Q4 = 0.00019841269896821485;    // 0x3F2A01A01B3A5A75
    private const double Q5 = 2.480158736513615e-05;     // 0x3EFA01A01B1FD2EF
    private const double Q6 = 2.755723443597993e-06;     // 0x3EC71DDEFC0DCAE1
    private const double Q7 = 2.7557238640777765e-07;    // 0x3E927E4C2C2F56AF
    private const double Q8 = 2.51121798636763e-08;      // 0x3E5AF6C88F818CBE
    private const double Q9 = 2.0925691637317152e-09;    // 0x3E21F99BB697CA6E

    /// <summary>e^x.</summary>
    /// <param name="x">Exponent; +∞ gives +∞, −∞ gives +0, NaN gives NaN.</param>
    /// <returns>e^x within 1 ulp; +∞ above 709.782712893384, subnormal or +0 below −708.4.</returns>
    /// <remarks>
    /// x = k·ln2 + r with |r| ≤ ln2/2 (k by the 1.5·2^52 shifter, r = hi − lo in two parts); with
    /// c = r − r²·P(r²) and d = r·c/(2 − c) = e^r − 1 − r, e^r = 1 + hi + (d − lo) is summed with the exact error of
    /// 1 + hi, and a once-rounded scaling by 2^k follows.
    /// </remarks>
    public static double Exp(double x)
    {
        if (x > ExpUpperClamp)
        {
            x = ExpUpperClamp;
        }

        if (x < ExpLowerClamp)
        {
            x = ExpLowerClamp;
        }

        var k = ((x * InvLn2) + Shifter) - Shifter;
        var hi = x - (k * Ln2Hi);
        var lo = k * Ln2Lo;
        var r = hi - lo;
        var z = r * r;
        var z2 = z * z;
        var c = r - (z * ((P1 + (z * P2)) + (z2 * ((P3 + (z * P4)) + (z2 * P5)))));
        var d = (r * c) / (2.0 - c);
        var u = 1.0 + hi;
        var y = u + ((hi - (u - 1.0)) + (d - lo));
        return ScaleByPowerOfTwo(y, k);
    }

    /// <summary>Lane-wise e^x.</summary>
    /// <param name="x">Exponents.</param>
    /// <returns>e^x per lane, bit-identical to <see cref="Exp(double)"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        var upper = Vector256.Create(ExpUpperClamp);
        var lower = Vector256.Create(ExpLowerClamp);
        x = Vector256.ConditionalSelect(Vector256.GreaterThan(x, upper), upper, x);
        x = Vector256.ConditionalSelect(Vector256.LessThan(x, lower), lower, x);

        var y = ExpReducedLanes(x, out var k);
        return ScaleByPowerOfTwo(y, k);
    }

    /// <summary>The shared body of the lane-wise exponentials: k = round(x/ln 2) and e^r for r = x − k·ln 2, before the scaling by 2^k.</summary>
    /// <remarks>Lanes must hold clamped or moderate exponents; the callers scale the result by 2^k their own way.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExpReducedLanes(Vector256<double> x, out Vector256<double> k)
    {
        var shifter = Vector256.Create(Shifter);
        k = ((x * InvLn2) + shifter) - shifter;
        var hi = x - (k * Ln2Hi);
        var lo = k * Ln2Lo;
        var r = hi - lo;
        var z = r * r;
        var z2 = z * z;
        var c = r - (z * ((Vector256.Create(P1) + (z * P2)) + (z2 * ((Vector256.Create(P3) + (z * P4)) + (z2 * P5)))));
        var one = Vector256<double>.One;
        var d = (r * c) / (Vector256.Create(2.0) - c);
        var u = one + hi;
        return u + ((hi - (u - one)) + (d - lo));
    }

    /// <summary>Lane-wise e^x for exponents known to lie in [−700, 700].</summary>
    /// <param name="x">Exponents with |x| ≤ 700; not checked.</param>
    /// <returns>e^x per lane, bit-identical to <see cref="Exp(Vector256{double})"/> for such exponents; unspecified for others.</returns>
    /// <remarks>
    /// The operations of <see cref="Exp(Vector256{double})"/> (the same reduction and polynomial; a test compares the two)
    /// without the clamps, which do nothing in this range, and with the scaling by 2^k as one multiplication: here
    /// |k| ≤ 1010 and e^r lies in [0.7, 1.42], so y·2^k, y·2^k1 and (y·2^k1)·2^k2 are all normal and exact, and the
    /// split scaling of the full kernel (there for subnormal and overflowing results) gives the same double. For hot
    /// loops whose caller has checked |x| ≤ 700 (one compare per vector).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ExpOfModerate(Vector256<double> x)
    {
        var y = ExpReducedLanes(x, out var k);
        return y * PowerOfTwo(k + Vector256.Create(ExponentShifter));
    }

    /// <summary>Lane-wise e^x.</summary>
    /// <param name="x">Exponents.</param>
    /// <returns>e^x per lane, bit-identical to <see cref="Exp(double)"/>.</returns>
    public static Vector512<double> Exp(Vector512<double> x)
    {
        var upper = Vector512.Create(ExpUpperClamp);
        var lower = Vector512.Create(ExpLowerClamp);
        x = Vector512.ConditionalSelect(Vector512.GreaterThan(x, upper), upper, x);
        x = Vector512.ConditionalSelect(Vector512.LessThan(x, lower), lower, x);

        var shifter = Vector512.Create(Shifter);
        var k = ((x * InvLn2) + shifter) - shifter;
        var hi = x - (k * Ln2Hi);
        var lo = k * Ln2Lo;
        var r = hi - lo;
        var z = r * r;
        var z2 = z * z;
        var c = r - (z * ((Vector512.Create(P1) + (z * P2)) + (z2 * ((Vector512.Create(P3) + (z * P4)) + (z2 * P5)))));
        var one = Vector512<double>.One;
        var d = (r * c) / (Vector512.Create(2.0) - c);
        var u = one + hi;
        var y = u + ((hi - (u - one)) + (d - lo));
        return ScaleByPowerOfTwo(y, k);
    }

    /// <summary>e^x − 1, accurate for small |x|.</summary>
    /// <param name="x">Exponent; ±0 gives ±0, +∞ gives +∞, −∞ gives −1, NaN gives NaN.</param>
    /// <returns>e^x − 1 within 1 ulp; −1 below about −37.4, +∞ above 709.782712893384.</returns>
    /// <remarks>
    /// With x = k·ln2 + r as in <see cref="Exp(double)"/>, e^x − 1 = 2^k·((1 − 2^−k) + (e^r − 1)); the sum in
    /// brackets is accumulated with exact two-sum error terms, so the cancellation for small k costs nothing,
    /// and e^r − 1 = r + r²/2 + r³·Q(r) plus the rounding error of r times e^r.
    /// </remarks>
    public static double Expm1(double x)
    {
        if (x == 0.0)
        {
            return x;
        }

        if (x > ExpUpperClamp)
        {
            x = ExpUpperClamp;
        }

        if (x < Expm1LowerClamp)
        {
            x = Expm1LowerClamp;
        }

        var k = ((x * InvLn2) + Shifter) - Shifter;
        var hi = x - (k * Ln2Hi);
        var lo = k * Ln2Lo;
        var r = hi - lo;
        var rc = (hi - r) - lo;
        var r2 = r * r;
        var hr2 = 0.5 * r2;
        var r4 = r2 * r2;
        var q03 = (Q0 + (r * Q1)) + (r2 * (Q2 + (r * Q3)));
        var q47 = (Q4 + (r * Q5)) + (r2 * (Q6 + (r * Q7)));
        var q = q03 + (r4 * (q47 + (r4 * (Q8 + (r * Q9)))));
        var tail = (r2 * r) * q;
        var corr = rc + (rc * r);

        var kc = k > Expm1TermClamp ? Expm1TermClamp : k;
        var b = PowerOfTwo(ExponentShifter - kc);
        var th = 1.0 - b;
        var bb = th - 1.0;
        var tl = (1.0 - (th - bb)) + ((-b) - bb);

        var s = r + hr2;
        var sErr = hr2 - (s - r);
        var u = th + s;
        var uErr = s - (u - th);
        var w = u + (uErr + (sErr + (tail + (tl + corr))));
        return ScaleByPowerOfTwo(w, k);
    }

    /// <summary>Lane-wise e^x − 1.</summary>
    /// <param name="x">Exponents.</param>
    /// <returns>e^x − 1 per lane, bit-identical to <see cref="Expm1(double)"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Expm1(Vector256<double> x)
    {
        var x0 = x;
        var upper = Vector256.Create(ExpUpperClamp);
        var lower = Vector256.Create(Expm1LowerClamp);
        x = Vector256.ConditionalSelect(Vector256.GreaterThan(x, upper), upper, x);
        x = Vector256.ConditionalSelect(Vector256.LessThan(x, lower), lower, x);

        var one = Vector256<double>.One;
        var shifter = Vector256.Create(Shifter);
        var k = ((x * InvLn2) + shifter) - shifter;
        var hi = x - (k * Ln2Hi);
        var lo = k * Ln2Lo;
        var r = hi - lo;
        var rc = (hi - r) - lo;
        var r2 = r * r;
        var hr2 = Vector256.Create(0.5) * r2;
        var r4 = r2 * r2;
        var q03 = (Vector256.Create(Q0) + (r * Q1)) + (r2 * (Vector256.Create(Q2) + (r * Q3)));
        var q47 = (Vector256.Create(Q4) + (r * Q5)) + (r2 * (Vector256.Create(Q6) + (r * Q7)));
        var q = q03 + (r4 * (q47 + (r4 * (Vector256.Create(Q8) + (r * Q9)))));
        var tail = (r2 * r) * q;
        var corr = rc + (rc * r);

        var termClamp = Vector256.Create(Expm1TermClamp);
        var kc = Vector256.ConditionalSelect(Vector256.GreaterThan(k, termClamp), termClamp, k);
        var b = PowerOfTwo(Vector256.Create(ExponentShifter) - kc);
        var th = one - b;
        var bb = th - one;
        var tl = (one - (th - bb)) + ((-b) - bb);

        var s = r + hr2;
        var sErr = hr2 - (s - r);
        var u = th + s;
        var uErr = s - (u - th);
        var w = u + (uErr + (sErr + (tail + (tl + corr))));
        var result = ScaleByPowerOfTwo(w, k);
        return Vector256.ConditionalSelect(Vector256.Equals(x0, Vector256<double>.Zero), x0, result);
    }

    /// <summary>Lane-wise e^x − 1.</summary>
    /// <param name="x">Exponents.</param>
    /// <returns>e^x − 1 per lane, bit-identical to <see cref="Expm1(double)"/>.</returns>
    public static Vector512<double> Expm1(Vector512<double> x)
    {
        var x0 = x;
        var upper = Vector512.Create(ExpUpperClamp);
        var lower = Vector512.Create(Expm1LowerClamp);
        x = Vector512.ConditionalSelect(Vector512.GreaterThan(x, upper), upper, x);
        x = Vector512.ConditionalSelect(Vector512.LessThan(x, lower), lower, x);

        var one = Vector512<double>.One;
        var shifter = Vector512.Create(Shifter);
        var k = ((x * InvLn2) + shifter) - shifter;
        var hi = x - (k * Ln2Hi);
        var lo = k * Ln2Lo;
        var r = hi - lo;
        var rc = (hi - r) - lo;
        var r2 = r * r;
        var hr2 = Vector512.Create(0.5) * r2;
        var r4 = r2 * r2;
        var q03 = (Vector512.Create(Q0) + (r * Q1)) + (r2 * (Vector512.Create(Q2) + (r * Q3)));
        var q47 = (Vector512.Create(Q4) + (r * Q5)) + (r2 * (Vector512.Create(Q6) + (r * Q7)));
        var q = q03 + (r4 * (q47 + (r4 * (Vector512.Create(Q8) + (r * Q9)))));
        var tail = (r2 * r) * q;
        var corr = rc + (rc * r);

        var termClamp = Vector512.Create(Expm1TermClamp);
        var kc = Vector512.ConditionalSelect(Vector512.GreaterThan(k, termClamp), termClamp, k);
        var b = PowerOfTwo(Vector512.Create(ExponentShifter) - kc);
        var th = one - b;
        var bb = th - one;
        var tl = (one - (th - bb)) + ((-b) - bb);

        var s = r + hr2;
        var sErr = hr2 - (s - r);
        var u = th + s;
        var uErr = s - (u - th);
        var w = u + (uErr + (sErr + (tail + (tl + corr))));
        var result = ScaleByPowerOfTwo(w, k);
        return Vector512.ConditionalSelect(Vector512.Equals(x0, Vector512<double>.Zero), x0, result);
    }
}
