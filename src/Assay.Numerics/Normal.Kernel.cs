using System.Runtime.CompilerServices;
using static Assay.Numerics.ErrorFunction;

namespace Assay.Numerics;

/// <remarks>
/// Scalar kernels. Fast paths: Φ(−y) for y ≤ 8.5 as Φ(−c)·e^(τ·P(τ)) from the table of Φ at the centres j/32, and
/// φ through <see cref="ErrorFunction.ExpQuarter(double, double, double, double[], double[])"/>. Wide kernels (the
/// rest of the line): Φ(−y) as e^(−y²/2)·G(y) with y² formed exactly as a double-double, the exponential as a
/// double-double mantissa and a power of two applied last (a subnormal result is rounded once), and G from 48
/// fitted pieces on [0, 12) or the asymptotic tail H(1/y²)/y. The vector kernels in <c>Normal.Vector256.cs</c>
/// perform the same operations per lane.
/// </remarks>
public static partial class Normal
{
    /// <summary>1/√(2π), high part.</summary>
    internal const double InvSqrt2PiHi = 0.3989422804014327;

    /// <summary>1/√(2π) − <see cref="InvSqrt2PiHi"/>.</summary>
    internal const double InvSqrt2PiLo = -2.49232720227773e-17;

    /// <summary>√(2π), rounded.</summary>
    internal const double Sqrt2Pi = 2.5066282746310002;

    /// <summary>Φ is evaluated on |x| clamped here: Φ(−40) and φ(40) are below half the smallest subnormal.</summary>
    internal const double Clamp = 40.0;

    /// <summary>G uses its table below this argument and the tail above.</summary>
    internal const double TableLimit = 12.0;

    /// <summary>Φ takes the fast path for −8.5 &lt; x; Φ(x) rounds to 1 from 8.3 on, so |x| is clamped here.</summary>
    internal const double FastCdfLimit = 8.5;

    /// <summary>φ takes the fast path for |x| below this, where e^(−x²/2)/√(2π) is a normal double.</summary>
    internal const double FastPdfLimit = 37.5;

    /// <summary>The fast Φ table has centres j/<see cref="FastPiecesPerUnit"/>, j = 0…272 (the last one is 8.5).</summary>
    internal const double FastPiecesPerUnit = 32.0;

    /// <summary>log2 of <see cref="FastRowLength"/>.</summary>
    internal const int FastRowShift = 3;

    /// <summary>Doubles per row of the fast Φ table: hi and lo of Φ(−c), then 6 coefficients.</summary>
    internal const int FastRowLength = 1 << FastRowShift;

    /// <summary>Φ⁻¹ refines with the centre series when |p − 1/2| is at most this (|x| ≤ 0.489).</summary>
    internal const double CentreLimit = 0.1875;

    /// <summary>Clears the low 27 bits of a double's significand, leaving its top 26 bits.</summary>
    internal const long SplitMask = unchecked((long)0xFFFFFFFFF8000000);

    /// <summary>−(2/ln 2): k for φ is estimated as round(y²·<see cref="PdfKScale"/>) from the rounded square.</summary>
    internal const double PdfKScale = -0.5 * QuarterLog2E;

    /// <summary>−y²/2 = hi + lo with hi exact: y = yh + yl with yh the top 26 bits of y, hi = −yh²/2, lo = −(yl/2)·(y + yh).</summary>
    /// <remarks>|lo| ≤ 2^−25·y², rounded to about 2^−52 of itself; y finite.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double NegativeHalfSquare(double y, out double lo)
    {
        var yh = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(y) & SplitMask);
        var yl = y - yh;
        lo = (yl * -0.5) * (y + yh);
        return (yh * yh) * -0.5;
    }

    /// <summary>Φ(−y) for y in [0, 8.5] as Φ(−c)·e^(τ·P(τ)) around the nearest centre c = j/32, τ = 32y − j (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double LowerTailFastScalar(double y)
    {
        var u = y * FastPiecesPerUnit;
        return LowerTailFastCore(u, u - Math.Round(u));
    }

    /// <summary>Φ(−(u + ε)/32) for u in [0, 272], given τ = (u − round(u)) + ε with |ε| tiny (an argument's low part).</summary>
    /// <remarks>
    /// With j = round(u) and c = j/32, Φ(−c − τ/32) = Φ(−c)·e^d with d = τ·P(τ) from the row of c; |d| ≤ 0.135, so
    /// e^d − 1 needs no argument reduction, and the result Φ(−c)_hi + (Φ(−c)_hi·(e^d − 1) + Φ(−c)_lo) is rounded
    /// once. P is grouped by powers of τ (Estrin) for a short dependency chain, so consecutive calls overlap in the
    /// pipeline. u must be finite and non-negative; the row index is clamped by the callers' clamp of u.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double LowerTailFastCore(double u, double tau)
    {
        var row = CdfFastPieces.AsSpan((int)Math.Round(u) * FastRowLength, FastRowLength);
        var t2 = tau * tau;
        var d = (((row[2] + (row[3] * tau)) + ((row[4] + (row[5] * tau)) * t2)) + ((row[6] + (row[7] * tau)) * (t2 * t2))) * tau;
        var m = Expm1Small(d);
        var eh = row[0];
        return eh + ((eh * m) + row[1]);
    }

    /// <summary>e^d − 1 for |d| ≤ 0.1375 as d + d²·M(d), grouped by powers of d (Estrin) for a short dependency chain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Expm1Small(double d)
    {
        var c = FastExpm1;
        var d2 = d * d;
        var d4 = d2 * d2;
        var m01 = c[0] + (c[1] * d);
        var m23 = c[2] + (c[3] * d);
        var m45 = c[4] + (c[5] * d);
        var m678 = (c[6] + (c[7] * d)) + (c[8] * d2);
        return (d + (d2 * m01)) + (d4 * ((m23 + (d2 * m45)) + (d4 * m678)));
    }

    /// <summary>G(y) = e^(y²/2)·Φ(−y) for finite y in [0, 40] as a double-double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double GScalar(double y, out double lo) =>
        y < TableLimit ? Piece(CdfPieces, 47.0, y, out lo) : Tail(CdfTail, y, out lo);

    /// <summary>Φ(−y) = (rh + rl)·2^k for y in [0, 40]; also returns G(y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double LowerTailScalar(double y, out double rl, out double k, out double gh)
    {
        var sh = TwoProduct(y, y, out var sl);
        var mh = ExpCore(-0.5 * sh, -0.5 * sl, out var ml, out k);
        gh = GScalar(y, out var gl);
        var ph = TwoProduct(mh, gh, out var pl);
        pl += (mh * gl) + (ml * gh);
        var rh = ph + pl;
        rl = (ph - rh) + pl;
        return rh;
    }

    private static double CdfScalar(double x)
    {
        if (!(x > -FastCdfLimit))
        {
            return CdfWideScalar(x);
        }

        var ax = Math.Abs(x);
        var q = LowerTailFastScalar(ax < FastCdfLimit ? ax : FastCdfLimit);
        return x <= 0 ? q : 1.0 - q;
    }

    private static double PdfScalar(double x)
    {
        var y = Math.Abs(x);
        if (!(y < FastPdfLimit))
        {
            return PdfWideScalar(x);
        }

        var hi = NegativeHalfSquare(y, out var lo);
        return ExpQuarter(hi, lo, (x * x) * PdfKScale, PdfQuarterHi, PdfQuarterTau);
    }

    /// <summary>Φ on the whole line from the G table and tail (the fast path hands over x ≤ −8.5 and NaN).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double CdfWideScalar(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        var y = Math.Min(Math.Abs(x), Clamp);
        var rh = LowerTailScalar(y, out var rl, out var k, out _);
        var ka = Math.Floor(k * 0.5);
        var sa = Pow2(ka);
        var sb = Pow2(k - ka);
        var qh = (rh * sa) * sb;
        if (x <= 0)
        {
            return qh;
        }

        var ql = (rl * sa) * sb;
        var one = 1.0 - qh;
        var e = (1.0 - one) - qh;
        return one + (e - ql);
    }

    /// <summary>φ on the whole line with a double-double exponential (the fast path hands over |x| ≥ 37.5 and NaN).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double PdfWideScalar(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        var y = Math.Min(Math.Abs(x), Clamp);
        var sh = TwoProduct(y, y, out var sl);
        var mh = ExpCore(-0.5 * sh, -0.5 * sl, out var ml, out var k);
        var ph = TwoProduct(mh, InvSqrt2PiHi, out var pl);
        pl += (mh * InvSqrt2PiLo) + (ml * InvSqrt2PiHi);
        var r = ph + pl;
        var ka = Math.Floor(k * 0.5);
        return (r * Pow2(ka)) * Pow2(k - ka);
    }

    /// <summary>Wichura's PPND16 (AS 241) starting value for the lower-tail probability r = min(p, 1 − p).</summary>
    /// <remarks>Returns |Φ⁻¹| to about 1e-16 relative; q = p − 1/2.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double InitialScalar(double q, double r)
    {
        var central = Math.Abs(q) <= 0.425;
        var s = DMath.Sqrt(-DMath.Log(central ? 0.25 : r));
        var far = s > 5.0;
        var v = central ? 0.180625 - (q * q) : far ? s - 5.0 : s - 1.6;
        var c = central ? PpndCentral : far ? PpndFar : PpndIntermediate;
        var num = c[7];
        var den = c[15];
        for (var i = 6; i >= 0; i--)
        {
            num = (num * v) + c[i];
            den = (den * v) + c[8 + i];
        }

        var ratio = num / den;
        return central ? Math.Abs(q) * ratio : ratio;
    }

    private static double InverseCdfScalar(double p)
    {
        if (!(p >= 0.0 && p <= 1.0))
        {
            return double.NaN;
        }

        if (p == 0.0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1.0)
        {
            return double.PositiveInfinity;
        }

        var q = p - 0.5;
        var r = q <= 0 ? p : 1.0 - p;
        var y0 = Math.Min(InitialScalar(q, r), Clamp);

        // One Newton step. Away from the centre it is taken on log Φ(−y): y1 = y0 + ln(Φ(−y0)/r)·Φ(−y0)/φ(y0),
        // with Φ(−y0) = (rh + rl)·2^k kept unscaled and r scaled by 2^−k (exact), so the step stays accurate for
        // subnormal r. Near the centre it is taken on D(y) = Φ(y) − 1/2 from its series, so that the residual
        // is relative to |q| rather than to 1/2.
        var rh = LowerTailScalar(y0, out var rl, out var k, out var gh);
        var ka = Math.Floor(k * 0.5);
        var rs = (r * Pow2(-ka)) * Pow2(ka - k);
        var eps = ((rh - rs) + rl) / rs;
        var tailStep = DMath.Log1p(eps) * (gh * Sqrt2Pi);

        var s = y0 * y0;
        var c = CentreSeries;
        var sp = c[13];
        for (var i = 12; i >= 2; i--)
        {
            sp = (sp * s) + c[i];
        }

        sp *= s;
        var sh = c[0] + sp;
        var sl = ((c[0] - sh) + sp) + c[1];
        var dh = TwoProduct(y0, sh, out var dl);
        dl += y0 * sl;
        var residual = (dh - Math.Abs(q)) + dl;
        var density = (InvSqrt2PiHi * (rh / gh)) * (Pow2(ka) * Pow2(k - ka));
        var centreStep = -(residual / density);

        var y1 = y0 + (Math.Abs(q) <= CentreLimit ? centreStep : tailStep);
        return q < 0 ? -y1 : y1;
    }
}
