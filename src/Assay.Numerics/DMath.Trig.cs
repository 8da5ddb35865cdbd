using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Numerics;

/// <summary>Deterministic sine, cosine and arctangent built only from IEEE-754 <c>+ - * /</c> and comparisons.</summary>
/// <remarks>
/// Sine and cosine reduce the argument by Cody–Waite with π/2 split into three 33-bit parts and a 53-bit tail
/// (so <c>k·Pi</c> is exact for |k| &lt; 2^20), keep the reduced argument as a double-double and evaluate Taylor
/// polynomials on |r| ≤ π/4 (Muller, <i>Elementary Functions</i>, 3rd ed., ch. 11). Arctangent uses a table of
/// atan(j/32) as double-doubles and a short Taylor polynomial for atan((y − c)/(1 + y·c)). All constants come from
/// <c>tests/data/numerics/trig/generate_trig_constants.py</c> (mpmath). Accuracy, measured against mpmath on
/// <c>tests/data/numerics/trig/trig_reference.csv</c>: see <c>docs/pricing-heston.md</c>.
/// </remarks>
public static partial class DMath
{
    /// <summary>Largest |x| for which sine and cosine keep their ≤ 1 ulp accuracy: 2^20 = 1048576.</summary>
    /// <remarks>
    /// Beyond it x is first replaced by x mod fl(2π) (the IEEE remainder operator, which is exact, so the result stays
    /// deterministic and in [−1, 1]); that differs from x mod 2π by about |x|·3.9e−17, so the absolute error grows
    /// like |x|·4e−17 and the value carries no information once |x| exceeds about 1e15. Callers needing accuracy there
    /// must reduce the argument themselves.
    /// </remarks>
    public const double TrigAccurateLimit = 1048576.0;

    // The double nearest 2π, used only to fold arguments beyond TrigAccurateLimit.
    private const double TwoPiDouble = 6.283185307179586;

    // Cody–Waite split of π/2: three 33-bit parts (k·Part1..3 exact for |k| < 2^20) and a 53-bit tail;
    // |π/2 − (P1 + P2 + P3 + P4)| ≈ 7.4e−49.
    private const double PiOver2Part1 = 1.5707963267341256;
    private const double PiOver2Part2 = 6.077100506303966e-11;
    private const double PiOver2Part3 = 2.0222662487111665e-21;
    private const double PiOver2Part4 = 8.4784276603689e-32;
    private const double TwoOverPi = 0.6366197723675814;

    private const double PiHi = 3.141592653589793;
    private const double PiLo = 1.2246467991473532e-16;
    private const double PiOver2Hi = 1.5707963267948966;
    private const double PiOver2Lo = 6.123233995736766e-17;
    private const double PiOver4Hi = 0.7853981633974483;
    private const double ThreePiOver4Hi = 2.356194490192345;

    // sin(r) = r + r·z·(S1 + z·(S2 + …)), z = r², Taylor to r^17; truncation ≤ 1.2e−19 relative on |r| ≤ π/4.
    private const double Sin1 = -0.16666666666666666;
    private const double Sin2 = 0.008333333333333333;
    private const double Sin3 = -0.0001984126984126984;
    private const double Sin4 = 2.7557319223985893e-06;
    private const double Sin5 = -2.505210838544172e-08;
    private const double Sin6 = 1.6059043836821613e-10;
    private const double Sin7 = -7.647163731819816e-13;
    private const double Sin8 = 2.8114572543455206e-15;

    // cos(r) = 1 − z/2 + z²·(C2 + z·(C3 + …)), Taylor to r^16; truncation ≤ 2.9e−18 relative on |r| ≤ π/4.
    private const double Cos2 = 0.041666666666666664;
    private const double Cos3 = -0.001388888888888889;
    private const double Cos4 = 2.48015873015873e-05;
    private const double Cos5 = -2.755731922398589e-07;
    private const double Cos6 = 2.08767569878681e-09;
    private const double Cos7 = -1.1470745597729725e-11;
    private const double Cos8 = 4.779477332387385e-14;

    // atan(t) = t + t·z·(A1 + z·(A2 + …)), z = t²: to t^15 on |t| ≤ 1/16 (truncation 3.2e−21 relative) and to
    // t^9 on |t| ≤ 1/64 (truncation 7.9e−20 relative).
    private const double Atan1 = -0.3333333333333333;
    private const double Atan2Coefficient = 0.2;
    private const double Atan3 = -0.14285714285714285;
    private const double Atan4 = 0.1111111111111111;
    private const double Atan5 = -0.09090909090909091;
    private const double Atan6 = 0.07692307692307693;
    private const double Atan7 = -0.06666666666666667;

    /// <summary>sin(x) for double x.</summary>
    /// <remarks>
    /// Measured ≤ 1 ulp for |x| ≤ <see cref="TrigAccurateLimit"/>; NaN and ±∞ give NaN; sin(±0) = ±0.
    /// </remarks>
    public static double Sin(double x)
    {
        var ax = Math.Abs(x);
        if (ax < 3.725290298461914e-9)
        {
            // |x| < 2^−28: x − x³/6 rounds to x (the cubic term is below 2^−57·|x|).
            return x;
        }

        if (ax <= PiOver4Hi)
        {
            return SinKernel(x, 0.0);
        }

        if (!double.IsFinite(x))
        {
            return double.NaN;
        }

        var quadrant = ReducePiOver2(ax < TrigAccurateLimit ? x : x % TwoPiDouble, out var rh, out var rl);
        return SinOfQuadrant(quadrant, rh, rl);
    }

    /// <summary>cos(x) for double x.</summary>
    /// <remarks>Measured ≤ 1 ulp for |x| ≤ <see cref="TrigAccurateLimit"/>; NaN and ±∞ give NaN.</remarks>
    public static double Cos(double x)
    {
        var ax = Math.Abs(x);
        if (ax < 3.725290298461914e-9)
        {
            // 1 − x²/2 with x² < 2^−56 rounds to 1.
            return 1.0;
        }

        if (ax <= PiOver4Hi)
        {
            return CosKernel(x, 0.0);
        }

        if (!double.IsFinite(x))
        {
            return double.NaN;
        }

        var quadrant = ReducePiOver2(ax < TrigAccurateLimit ? x : x % TwoPiDouble, out var rh, out var rl);

        // cos(x) = sin(x + π/2): one quadrant further on.
        return SinOfQuadrant(quadrant + 1, rh, rl);
    }

    /// <summary>sin(q·π/2 + r) for the reduced argument r = rh + rl, |r| ≤ π/4.</summary>
    private static double SinOfQuadrant(int quadrant, double rh, double rl) => (quadrant & 3) switch
    {
        0 => SinKernel(rh, rl),
        1 => CosKernel(rh, rl),
        2 => -SinKernel(rh, rl),
        _ => -CosKernel(rh, rl),
    };

    /// <summary>sin(x) and cos(x) with one shared argument reduction; bit-identical to <see cref="Sin(double)"/> and <see cref="Cos(double)"/>.</summary>
    public static (double Sin, double Cos) SinCos(double x)
    {
        var ax = Math.Abs(x);
        if (ax < 3.725290298461914e-9)
        {
            return (x, 1.0);
        }

        if (ax <= PiOver4Hi)
        {
            return (SinKernel(x, 0.0), CosKernel(x, 0.0));
        }

        if (!double.IsFinite(x))
        {
            return (double.NaN, double.NaN);
        }

        var quadrant = ReducePiOver2(ax < TrigAccurateLimit ? x : x % TwoPiDouble, out var rh, out var rl);
        var s = SinKernel(rh, rl);
        var c = CosKernel(rh, rl);
        return quadrant switch
        {
            0 => (s, c),
            1 => (c, -s),
            2 => (-s, -c),
            _ => (-c, s),
        };
    }

    /// <summary>arctan(x) in [−π/2, π/2].</summary>
    /// <remarks>Measured ≤ 1 ulp; atan(±0) = ±0, atan(±∞) = ±π/2, NaN gives NaN.</remarks>
    public static double Atan(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        var ax = Math.Abs(x);
        double result;
        if (ax <= 1.0)
        {
            AtanCore(ax, out var hi, out var lo);
            result = hi + lo;
        }
        else
        {
            // atan(x) = π/2 − atan(1/x); 1/∞ = 0 gives π/2.
            AtanCore(1.0 / ax, out var hi, out var lo);
            result = Combine(PiOver2Hi, PiOver2Lo, -hi, -lo);
        }

        return Math.CopySign(result, x);
    }

    /// <summary>The angle of the point (x, y) in (−π, π], with the IEEE/C99 conventions for zeros and infinities.</summary>
    /// <remarks>
    /// atan2(±0, +0) = ±0, atan2(±0, −0) = ±π, atan2(±0, x &lt; 0) = ±π, atan2(y ≠ 0, ±0) = ±π/2,
    /// atan2(±∞, +∞) = ±π/4, atan2(±∞, −∞) = ±3π/4; NaN in either argument gives NaN. Measured ≤ 2 ulp.
    /// </remarks>
    public static double Atan2(double y, double x)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return x + y;
        }

        if (y == 0.0)
        {
            return x > 0.0 || (x == 0.0 && !double.IsNegative(x)) ? y : Math.CopySign(PiHi, y);
        }

        if (double.IsInfinity(x))
        {
            if (double.IsInfinity(y))
            {
                return Math.CopySign(x > 0.0 ? PiOver4Hi : ThreePiOver4Hi, y);
            }

            return x > 0.0 ? Math.CopySign(0.0, y) : Math.CopySign(PiHi, y);
        }

        if (x == 0.0 || double.IsInfinity(y))
        {
            return Math.CopySign(PiOver2Hi, y);
        }

        var ax = Math.Abs(x);
        var ay = Math.Abs(y);
        double result;
        if (ay <= ax)
        {
            AtanCore(ay / ax, out var hi, out var lo);
            result = x > 0.0 ? hi + lo : Combine(PiHi, PiLo, -hi, -lo);
        }
        else
        {
            AtanCore(ax / ay, out var hi, out var lo);
            result = x > 0.0 ? Combine(PiOver2Hi, PiOver2Lo, -hi, -lo) : Combine(PiOver2Hi, PiOver2Lo, hi, lo);
        }

        return Math.CopySign(result, y);
    }

    /// <summary>Lane-wise sin(x) and cos(x); bit-identical per lane to <see cref="SinCos(double)"/>.</summary>
    /// <remarks>
    /// Lanes with |x| below <see cref="TrigAccurateLimit"/> go through the same Cody–Waite reduction and polynomials as
    /// the scalar kernel (for |x| ≤ π/4 the reduction yields k = 0 and the reduced argument x exactly, so the scalar
    /// shortcut and the vector path agree); if any lane is larger, infinite or NaN the whole vector is computed lane by lane.
    /// </remarks>
    /// <param name="x">Arguments in radians.</param>
    /// <returns>sin(x) and cos(x) per lane.</returns>
    public static (Vector256<double> Sin, Vector256<double> Cos) SinCos(Vector256<double> x)
    {
        var ax = Vector256.Abs(x);
        if (!Vector256.LessThanAll(ax, Vector256.Create(TrigAccurateLimit)))
        {
            return SinCosByLane(x);
        }

        var k = Vector256.Round(x * TwoOverPi);
        var a = x - (k * PiOver2Part1);
        var b = k * PiOver2Part2;
        var s1 = a - b;
        var e1 = TwoDifferenceError(a, b, s1);
        var c = k * PiOver2Part3;
        var s2 = s1 - c;
        var e2 = TwoDifferenceError(s1, c, s2);
        var lo = (e1 + e2) - (k * PiOver2Part4);
        var rh = s2 + lo;
        var rl = (s2 - rh) + lo;
        var quadrant = k - (Vector256.Create(4.0) * Vector256.Floor(k * 0.25));

        var sinKernel = SinKernel(rh, rl);
        var cosKernel = CosKernel(rh, rl);
        var odd = Vector256.Equals(quadrant, Vector256<double>.One) | Vector256.Equals(quadrant, Vector256.Create(3.0));
        var sin = Vector256.ConditionalSelect(odd, cosKernel, sinKernel);
        var cos = Vector256.ConditionalSelect(odd, sinKernel, cosKernel);
        sin = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(quadrant, Vector256.Create(2.0)), -sin, sin);
        var cosNegative = Vector256.Equals(quadrant, Vector256<double>.One) | Vector256.Equals(quadrant, Vector256.Create(2.0));
        cos = Vector256.ConditionalSelect(cosNegative, -cos, cos);

        // |x| < 2^−28: sin x = x (keeping the sign of zero) and cos x = 1, as in the scalar kernel.
        var tiny = Vector256.LessThan(ax, Vector256.Create(3.725290298461914e-9));
        return (Vector256.ConditionalSelect(tiny, x, sin), Vector256.ConditionalSelect(tiny, Vector256<double>.One, cos));
    }

    /// <summary>Lane-wise atan2(y, x); bit-identical per lane to <see cref="Atan2(double, double)"/>.</summary>
    /// <remarks>
    /// Lanes with finite, non-zero x and y take the vector path (the atan(j/32) table is read lane by lane); if any lane
    /// holds a zero, an infinity or a NaN the whole vector is computed lane by lane with the scalar special-case rules.
    /// </remarks>
    /// <param name="y">Ordinates.</param>
    /// <param name="x">Abscissae.</param>
    /// <returns>The angle of (x, y) in (−π, π] per lane.</returns>
    public static Vector256<double> Atan2(Vector256<double> y, Vector256<double> x)
    {
        var ax = Vector256.Abs(x);
        var ay = Vector256.Abs(y);
        var maxFinite = Vector256.Create(double.MaxValue);
        var ordinary = Vector256.GreaterThan(ax, Vector256<double>.Zero) & Vector256.GreaterThan(ay, Vector256<double>.Zero)
            & Vector256.LessThanOrEqual(ax, maxFinite) & Vector256.LessThanOrEqual(ay, maxFinite);
        if (!Vector256.EqualsAll(ordinary.AsInt64(), Vector256<long>.AllBitsSet))
        {
            return Vector256.Create(Atan2(y[0], x[0]), Atan2(y[1], x[1]), Atan2(y[2], x[2]), Atan2(y[3], x[3]));
        }

        var steep = Vector256.GreaterThan(ay, ax);
        var ratio = Vector256.ConditionalSelect(steep, ax, ay) / Vector256.ConditionalSelect(steep, ay, ax);
        AtanCore(ratio, out var hi, out var lo);
        var positive = Vector256.GreaterThan(x, Vector256<double>.Zero);
        var flat = Vector256.ConditionalSelect(positive, hi + lo, Combine(Vector256.Create(PiHi), Vector256.Create(PiLo), -hi, -lo));
        var piOver2Hi = Vector256.Create(PiOver2Hi);
        var piOver2Lo = Vector256.Create(PiOver2Lo);
        var signedHi = Vector256.ConditionalSelect(positive, -hi, hi);
        var signedLo = Vector256.ConditionalSelect(positive, -lo, lo);
        var result = Vector256.ConditionalSelect(steep, Combine(piOver2Hi, piOver2Lo, signedHi, signedLo), flat);
        var signBit = Vector256.Create(-0.0);
        return Vector256.ConditionalSelect(signBit, y, result);
    }

    private static (Vector256<double> Sin, Vector256<double> Cos) SinCosByLane(Vector256<double> x)
    {
        var (s0, c0) = SinCos(x[0]);
        var (s1, c1) = SinCos(x[1]);
        var (s2, c2) = SinCos(x[2]);
        var (s3, c3) = SinCos(x[3]);
        return (Vector256.Create(s0, s1, s2, s3), Vector256.Create(c0, c1, c2, c3));
    }

    /// <summary>Lane-wise <see cref="SinKernel(double, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SinKernel(Vector256<double> rh, Vector256<double> rl)
    {
        var z = rh * rh;
        var p = z * (Vector256.Create(Sin1) + (z * (Vector256.Create(Sin2) + (z * (Vector256.Create(Sin3) + (z * (Vector256.Create(Sin4)
            + (z * (Vector256.Create(Sin5) + (z * (Vector256.Create(Sin6) + (z * (Vector256.Create(Sin7) + (z * Sin8))))))))))))));
        return rh + ((rh * p) + (rl * (Vector256<double>.One - (Vector256.Create(0.5) * z))));
    }

    /// <summary>Lane-wise <see cref="CosKernel(double, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> CosKernel(Vector256<double> rh, Vector256<double> rl)
    {
        var one = Vector256<double>.One;
        var z = rh * rh;
        var hz = Vector256.Create(0.5) * z;
        var w = one - hz;
        var q = z * z * (Vector256.Create(Cos2) + (z * (Vector256.Create(Cos3) + (z * (Vector256.Create(Cos4) + (z * (Vector256.Create(Cos5)
            + (z * (Vector256.Create(Cos6) + (z * (Vector256.Create(Cos7) + (z * Cos8))))))))))));
        return w + (((one - w) - hz) + (q - (rh * rl)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> TwoDifferenceError(Vector256<double> a, Vector256<double> b, Vector256<double> s)
    {
        var bv = s - a;
        var av = s - bv;
        return (a - av) - (b + bv);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Combine(Vector256<double> hi1, Vector256<double> lo1, Vector256<double> hi2, Vector256<double> lo2)
    {
        var s = hi1 + hi2;
        var bv = s - hi1;
        var av = s - bv;
        var error = (hi1 - av) + (hi2 - bv);
        return s + ((lo1 + lo2) + error);
    }

    /// <summary>Lane-wise <see cref="AtanCore(double, out double, out double)"/> for y in (0, 1]: both branches, then a blend.</summary>
    private static void AtanCore(Vector256<double> y, out Vector256<double> hi, out Vector256<double> lo)
    {
        var z = y * y;
        var smallLo = y * z * (Vector256.Create(Atan1) + (z * (Vector256.Create(Atan2Coefficient) + (z * (Vector256.Create(Atan3)
            + (z * (Vector256.Create(Atan4) + (z * (Vector256.Create(Atan5) + (z * (Vector256.Create(Atan6) + (z * Atan7))))))))))));

        var j = Vector256.Round(y * 32.0);
        var c = j * 0.03125;
        var t = (y - c) / (Vector256<double>.One + (y * c));
        var tz = t * t;
        var p = t * tz * (Vector256.Create(Atan1) + (tz * (Vector256.Create(Atan2Coefficient) + (tz * (Vector256.Create(Atan3) + (tz * Atan4))))));
        var tableHi = AtanTableHi;
        var tableLo = AtanTableLo;
        int j0 = (int)j[0], j1 = (int)j[1], j2 = (int)j[2], j3 = (int)j[3];
        var largeHi = Vector256.Create(tableHi[j0], tableHi[j1], tableHi[j2], tableHi[j3]);
        var largeLo = Vector256.Create(tableLo[j0], tableLo[j1], tableLo[j2], tableLo[j3]) + (t + p);

        var small = Vector256.LessThanOrEqual(y, Vector256.Create(0.0625));
        hi = Vector256.ConditionalSelect(small, y, largeHi);
        lo = Vector256.ConditionalSelect(small, smallLo, largeLo);
    }

    /// <summary>sin(rh + rl) for |rh| ≤ π/4 (plus a rounding margin), |rl| ≤ ulp(rh)/2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SinKernel(double rh, double rl)
    {
        var z = rh * rh;
        var p = z * (Sin1 + (z * (Sin2 + (z * (Sin3 + (z * (Sin4 + (z * (Sin5 + (z * (Sin6 + (z * (Sin7 + (z * Sin8))))))))))))));

        // sin(rh + rl) ≈ sin(rh) + rl·cos(rh), with cos(rh) ≈ 1 − z/2 (the next term is below 2^−60 relative).
        return rh + ((rh * p) + (rl * (1.0 - (0.5 * z))));
    }

    /// <summary>cos(rh + rl) for |rh| ≤ π/4 (plus a rounding margin), |rl| ≤ ulp(rh)/2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double CosKernel(double rh, double rl)
    {
        var z = rh * rh;
        var hz = 0.5 * z;
        var w = 1.0 - hz;
        var q = z * z * (Cos2 + (z * (Cos3 + (z * (Cos4 + (z * (Cos5 + (z * (Cos6 + (z * (Cos7 + (z * Cos8))))))))))));

        // (1 − w) − hz is the exact rounding error of w (both subtractions are exact by Sterbenz's lemma), and
        // cos(rh + rl) ≈ cos(rh) − rl·rh.
        return w + (((1.0 - w) - hz) + (q - (rh * rl)));
    }

    /// <summary>Reduces x to rh + rl = x − k·π/2 with |rh + rl| ≲ π/4 and returns k mod 4.</summary>
    private static int ReducePiOver2(double x, out double rh, out double rl)
    {
        var k = Math.Round(x * TwoOverPi);

        // k·P1, k·P2 and k·P3 are exact for |k| < 2^20, and x − k·P1 is exact by Sterbenz's lemma.
        var a = x - (k * PiOver2Part1);
        var b = k * PiOver2Part2;
        var s1 = a - b;
        var e1 = TwoDifferenceError(a, b, s1);
        var c = k * PiOver2Part3;
        var s2 = s1 - c;
        var e2 = TwoDifferenceError(s1, c, s2);
        var lo = (e1 + e2) - (k * PiOver2Part4);
        rh = s2 + lo;
        rl = (s2 - rh) + lo;

        // k mod 4 in {0, 1, 2, 3} without an integer conversion that could overflow for huge k.
        return (int)(k - (4.0 * Math.Floor(k * 0.25)));
    }

    /// <summary>The exact error of s = fl(a − b) (Knuth's TwoSum with −b): a − b = s + error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double TwoDifferenceError(double a, double b, double s)
    {
        var bv = s - a;
        var av = s - bv;
        return (a - av) - (b + bv);
    }

    /// <summary>Rounds (hi1 + lo1) + (hi2 + lo2) to a double, adding the high parts exactly first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Combine(double hi1, double lo1, double hi2, double lo2)
    {
        var s = hi1 + hi2;
        var bv = s - hi1;
        var av = s - bv;
        var error = (hi1 - av) + (hi2 - bv);
        return s + ((lo1 + lo2) + error);
    }

    /// <summary>atan(y) = hi + lo for y in [0, 1], with |lo| small against hi.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AtanCore(double y, out double hi, out double lo)
    {
        if (y <= 0.0625)
        {
            var z = y * y;
            hi = y;
            lo = y * z * (Atan1 + (z * (Atan2Coefficient + (z * (Atan3 + (z * (Atan4 + (z * (Atan5 + (z * (Atan6 + (z * Atan7))))))))))));
            return;
        }

        // atan(y) = atan(c) + atan(t), t = (y − c)/(1 + y·c), c = j/32; y − c is exact (Sterbenz) and |t| ≤ 1/64.
        var j = (int)Math.Round(y * 32.0);
        var c = j * 0.03125;
        var t = (y - c) / (1.0 + (y * c));
        var tz = t * t;
        var p = t * tz * (Atan1 + (tz * (Atan2Coefficient + (tz * (Atan3 + (tz * Atan4))))));
        hi = AtanTableHi[j];
        lo = AtanTableLo[j] + (t + p);
    }

    /// <summary>atan(j/32) rounded to double, j = 0..32.</summary>
    private static ReadOnlySpan<double> AtanTableHi =>
    [
        0.0, 0.031239833430268277, 0.06241880999595735, 0.09347678115858947, 0.12435499454676144,
        0.15499674192394097, 0.18534794999569476, 0.21535769969773805, 0.24497866312686414, 0.2741674511196588,
        0.3028848683749714, 0.3310960767041321, 0.35877067027057225, 0.38588266939807375, 0.4124104415973873,
        0.43833655985795783, 0.4636476090008061, 0.48833395105640554, 0.5123894603107377, 0.5358112379604637,
        0.5585993153435624, 0.5807563535676704, 0.6022873461349642, 0.6231993299340659, 0.6435011087932844,
        0.6632029927060933, 0.6823165548747481, 0.7008544078844502, 0.7188299996216245, 0.7362574289814281,
        0.7531512809621944, 0.7695264804056583, 0.7853981633974483,
    ];

    /// <summary>atan(j/32) − AtanTableHi[j] rounded to double, j = 0..32.</summary>
    private static ReadOnlySpan<double> AtanTableLo =>
    [
        0.0, -1.188442711587748e-18, -1.5490756308295046e-18, -6.2844725995420954e-18, -3.1253241424539383e-18,
        9.585415594114324e-18, 4.180692268843079e-18, 4.738160130078733e-19, 1.0698755618734451e-17,
        8.261353575163773e-18, -1.1010827903001369e-17, -7.952610375793799e-18, -2.4623815582638635e-17,
        2.378822732491941e-17, -1.587652227770689e-17, -2.494277030626541e-17, 2.2698777452961687e-17,
        -1.1373236189329585e-17, -2.5462781472855804e-17, -4.0637956834825575e-18, -5.4556305485916264e-18,
        -1.441464378193067e-17, 2.950430737228402e-17, 2.672403885140095e-17, 1.5834785051444286e-17,
        -3.076054864429649e-17, 6.943223671560008e-18, -1.987626234335816e-17, -2.1478388444456983e-17,
        3.473937648299457e-17, -2.4256934659182068e-17, -3.704991905602721e-17, 3.061616997868383e-17,
    ];
}
