using System.Runtime.CompilerServices;

namespace Assay.Numerics;

/// <remarks>
/// Scalar building blocks shared by <see cref="ErrorFunction"/> and <see cref="Normal"/>: error-free
/// transformations (Dekker's product with Veltkamp's split, Knuth's and Møller's sums), an exponential of a
/// double-double argument that returns a double-double mantissa and a power of two, a faster exponential with a
/// 4-entry table for normal results, and the evaluation of the fitted piecewise tables. The vector kernels in
/// <c>ErrorFunction.Vector256.cs</c> perform exactly these operations, in this order, per lane.
/// </remarks>
public static partial class ErrorFunction
{
    /// <summary>Width of one table piece is 1/<see cref="PiecesPerUnit"/>.</summary>
    internal const double PiecesPerUnit = 4.0;

    /// <summary>Doubles per table row: hi and lo of the value at the centre, then 12 coefficients.</summary>
    internal const int RowLength = 14;

    /// <summary>Doubles per tail row: hi and lo of the constant term, then 10 coefficients.</summary>
    internal const int TailLength = 12;

    /// <summary>erfcx uses its table below this argument and the asymptotic tail in 1/y² above.</summary>
    internal const double ErfcxTableLimit = 8.5;

    /// <summary>Veltkamp's splitting constant 2^27 + 1.</summary>
    internal const double SplitFactor = 134217729.0;

    /// <summary>1.5·2^52: adding and subtracting it rounds a double of magnitude below 2^51 to an integer.</summary>
    internal const double RoundShift = 6755399441055744.0;

    internal const double Log2E = 1.4426950408889634;

    /// <summary>ln 2 to 32 bits, so that k·Ln2Hi is exact for |k| &lt; 2^21.</summary>
    internal const double Ln2Hi = 0.6931471803691238;

    /// <summary>ln 2 − <see cref="Ln2Hi"/>.</summary>
    internal const double Ln2Lo = 1.9082149292705877e-10;

    /// <summary>4/ln 2: the fast exponential removes multiples of ln2/4.</summary>
    internal const double QuarterLog2E = 5.770780163555854;

    /// <summary><see cref="Ln2Hi"/>/4 (exact), so that k·QuarterLn2Hi is exact for |k| &lt; 2^21.</summary>
    internal const double QuarterLn2Hi = Ln2Hi / 4;

    /// <summary><see cref="Ln2Lo"/>/4 (exact).</summary>
    internal const double QuarterLn2Lo = Ln2Lo / 4;

    /// <summary>Added to the bits of k + <see cref="RoundShift"/> it gives k + 4·1023, whose bits hold k mod 4 and ⌊k/4⌋ + 1023.</summary>
    internal const long QuarterBias = 4092 - 0x4338000000000000;

    /// <summary>erfc(x) = 2Φ(−x√2) takes the fast Φ path for x below this (x√2 ≤ 8.49); erfc(6) ≈ 2.2e−17.</summary>
    internal const double FastErfcLimit = 6.0;

    /// <summary>√2 rounded to 26 bits, so that its product with a 27-bit number is exact.</summary>
    internal const double Sqrt2Hi = 1.4142135679721832;

    /// <summary>√2 − <see cref="Sqrt2Hi"/>.</summary>
    internal const double Sqrt2Lo = -5.599088178737374e-09;

    /// <summary>erfcx takes the fast table for x in [<see cref="ErfcxFastLow"/>, <see cref="ErfcxFastLimit"/>).</summary>
    internal const double ErfcxFastLow = -1.0;

    /// <summary>Upper end of the fast erfcx table (its last centre); the wide kernel's tail takes over from here.</summary>
    internal const double ErfcxFastLimit = 8.5;

    /// <summary>erfcx(x) = 2e^(x²) − erfcx(−x) takes the fast exponential for x in [−26, −1) (2e^676 is far from overflow).</summary>
    internal const double ErfcxNegativeFastLimit = -26.0;

    /// <summary>The fast erfcx table has centres j/32 below this argument (127/64) and j/16 from it on.</summary>
    internal const double ErfcxSegmentSwitch = 1.984375;

    /// <summary>Row of the fine centre j/32 is j + 32 (j = −32…63).</summary>
    internal const double ErfcxFineRowOffset = 32.0;

    /// <summary>Row of the coarse centre j/16 is j + 64 (j = 32…136).</summary>
    internal const double ErfcxCoarseRowOffset = 64.0;

    /// <summary>Doubles per row of the fast erfcx table: hi and lo of erfcx(c), then 8 coefficients.</summary>
    internal const int ErfcxFastRowLength = 10;

    private const double ErfcClamp = 28.0;
    private const double ErfcxNegativeClamp = 27.5;
    private const double HugeArgument = 3.273390607896142e150; // 2^500
    private const double HugeScaleDown = 2.409919865102884e-181; // 2^-600
    private const double HugeScaleUp = 4.149515568880993e180; // 2^600

    /// <summary>a·b = p + e exactly (Dekker 1971, with Veltkamp's split); |a|, |b| must be below 2^995.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double TwoProduct(double a, double b, out double e)
    {
        var p = a * b;
        var ca = SplitFactor * a;
        var ah = ca - (ca - a);
        var al = a - ah;
        var cb = SplitFactor * b;
        var bh = cb - (cb - b);
        var bl = b - bh;
        e = (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);
        return p;
    }

    /// <summary>a + b = s + e exactly for any a, b (Knuth's TwoSum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double TwoSum(double a, double b, out double e)
    {
        var s = a + b;
        var bb = s - a;
        e = (a - (s - bb)) + (b - bb);
        return s;
    }

    /// <summary>2^n for an integer-valued n in [−1022, 1023], built from its bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Pow2(double n) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(n + (RoundShift + 1023.0)) << 52);

    /// <summary>e^(ah + al) = (mh + ml)·2^k with mh + ml in [0.7, 1.42] to about 2^-60 relative.</summary>
    /// <remarks>|ah| ≤ 800; al is the low part of a double-double (|al| ≤ ulp(ah)). k is returned integer-valued.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ExpCore(double ah, double al, out double ml, out double k)
    {
        k = ((ah * Log2E) + RoundShift) - RoundShift;
        var u = ah - (k * Ln2Hi);
        var v = k * Ln2Lo;
        var rh = TwoSum(u, al - v, out var rl);
        var qh = TwoProduct(rh, rh, out var ql);
        var t = ExpReduced;
        var p = t[10];
        p = (p * rh) + t[9];
        p = (p * rh) + t[8];
        p = (p * rh) + t[7];
        p = (p * rh) + t[6];
        p = (p * rh) + t[5];
        p = (p * rh) + t[4];
        p = (p * rh) + t[3];
        p = (p * rh) + t[2];
        p = (p * rh) + t[1];
        p = (p * rh) + t[0];
        var c = (rh * qh) * p;
        var a1 = 1.0 + rh;
        var e1 = (1.0 - a1) + rh;
        var a2 = TwoSum(a1, 0.5 * qh, out var e2);
        var lo = ((((e1 + e2) + (0.5 * ql)) + c) + (rl * a2));
        var mh = a2 + lo;
        ml = (a2 - mh) + lo;
        return mh;
    }

    /// <summary>T_j·e^(s + w) in double, for a 4-entry table T_j = 2^(j/4)·c given as T_j rounded and ln(T_j/rounded).</summary>
    /// <remarks>
    /// s is the head of the exponent and w a small tail (|w| ≲ 0.02); −709 &lt; s &lt; 709 and the result must be
    /// normal (the power of two is applied exactly, in one step). k = round(kEstimate), where kEstimate is within
    /// about 0.5 + 2^−20 of 4s/ln2, so callers may form it from a rounded argument, off the critical path.
    /// r = (s − k·ln2hi/4) + ((w − k·ln2lo/4) + τ_j) with the first difference exact (Sterbenz) and τ_j the
    /// logarithm of T_j's rounding factor; e^r − 1 = r + r²·Q(r) on |r| ≤ ln2/8 + 2^−20, grouped by powers of r
    /// (Estrin) for a short dependency chain, so consecutive calls overlap in the pipeline; with j = k mod 4 and
    /// T' = T_j rounded·2^⌊k/4⌋ (exact) the result T' + T'·(e^r − 1) is rounded once.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ExpQuarter(double s, double w, double kEstimate, double[] tableHi, double[] tableTau)
    {
        var th = ExpQuarterParts(s, w, kEstimate, tableHi, tableTau, out var p);
        return th + (th * p);
    }

    /// <summary>The two parts of <see cref="ExpQuarter(double, double, double, double[], double[])"/>: returns T' (exact) and e^r − 1 in p.</summary>
    /// <remarks>T_j·e^(s + w) = T' + T'·p; callers that subtract something from the result add it to T'·p first.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ExpQuarterParts(double s, double w, double kEstimate, double[] tableHi, double[] tableTau, out double p)
    {
        // Math.Round rounds half to even, as the shift by 1.5·2^52 does, so kd is the integer held in the bits of t.
        var t = kEstimate + RoundShift;
        var kd = Math.Round(kEstimate);
        var kb = BitConverter.DoubleToInt64Bits(t) + QuarterBias;
        var j = (int)(kb & 3);
        var scale = BitConverter.Int64BitsToDouble((long)((ulong)kb >> 2) << 52);
        var u = s - (kd * QuarterLn2Hi);
        var v = (w - (kd * QuarterLn2Lo)) + tableTau[j];
        var r = u + v;
        var c = FastExp;
        var r2 = r * r;
        var r4 = r2 * r2;
        var q01 = c[0] + (c[1] * r);
        var q23 = c[2] + (c[3] * r);
        var q45 = c[4] + (c[5] * r);
        var q67 = c[6] + (c[7] * r);
        p = (r + (r2 * q01)) + (r4 * ((q23 + (r2 * q45)) + (r4 * q67)));
        return tableHi[j] * scale;
    }

    /// <summary>Evaluates a fitted piece at y: returns hi, with the low part in lo.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Piece(double[] table, double lastPiece, double y, out double lo)
    {
        var f = Math.Min(Math.Floor(y * PiecesPerUnit), lastPiece);
        var t = y - ((f * (1.0 / PiecesPerUnit)) + (0.5 / PiecesPerUnit));
        var row = table.AsSpan((int)f * RowLength, RowLength);
        var p = row[13];
        p = (p * t) + row[12];
        p = (p * t) + row[11];
        p = (p * t) + row[10];
        p = (p * t) + row[9];
        p = (p * t) + row[8];
        p = (p * t) + row[7];
        p = (p * t) + row[6];
        p = (p * t) + row[5];
        p = (p * t) + row[4];
        p = (p * t) + row[3];
        p = (p * t) + row[2];
        var s = p * t;
        var hi = row[0] + s;
        lo = ((row[0] - hi) + s) + row[1];
        return hi;
    }

    /// <summary>Evaluates an asymptotic tail K(z)/y with z = 1/y² as a double-double quotient.</summary>
    /// <remarks>y must be finite and at least 1; for y ≥ 2^500 the product q·y is formed as (q·2^600)·(y·2^−600), which is exact.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Tail(double[] tail, double y, out double lo)
    {
        var z = 1.0 / (y * y);
        var p = tail[11];
        p = (p * z) + tail[10];
        p = (p * z) + tail[9];
        p = (p * z) + tail[8];
        p = (p * z) + tail[7];
        p = (p * z) + tail[6];
        p = (p * z) + tail[5];
        p = (p * z) + tail[4];
        p = (p * z) + tail[3];
        p = (p * z) + tail[2];
        var s = p * z;
        var kh = tail[0] + s;
        var kl = ((tail[0] - kh) + s) + tail[1];
        var qh = kh / y;
        var huge = y >= HugeArgument;
        var ys = huge ? y * HugeScaleDown : y;
        var qs = huge ? qh * HugeScaleUp : qh;
        var ph = TwoProduct(qs, ys, out var pl);
        lo = (((kh - ph) - pl) + kl) / ys;
        lo = huge ? lo * HugeScaleDown : lo;
        return qh;
    }

    /// <summary>erfcx(y) for y ≥ 0 (finite) as a double-double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ErfcxPositive(double y, out double lo) =>
        y < ErfcxTableLimit ? Piece(ErfcxPieces, 33.0, y, out lo) : Tail(ErfcxTail, y, out lo);

    private static double ErfcScalar(double x)
    {
        if (!(x < FastErfcLimit))
        {
            return ErfcWideScalar(x);
        }

        // For x ≤ −6 the clamp changes nothing: 2 − erfc(6) rounds to 2.
        var ax = Math.Abs(x);
        var y = ax < FastErfcLimit ? ax : FastErfcLimit;
        var z = ScaleBySqrt2(y, out var zl);
        var u = z * Normal.FastPiecesPerUnit;
        var q = Normal.LowerTailFastCore(u, (u - Math.Round(u)) + (zl * Normal.FastPiecesPerUnit));
        return x < 0 ? 2.0 * (1.0 - q) : 2.0 * q;
    }

    /// <summary>y·√2 = z + zl to about 2^−78 relative, for finite y ≥ 0: y's top 26 bits times √2's top 26 bits, and y's low 27 bits times them, are exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ScaleBySqrt2(double y, out double zl)
    {
        var yh = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(y) & Normal.SplitMask);
        var a = yh * Sqrt2Hi;
        var bc = ((y - yh) * Sqrt2Hi) + (y * Sqrt2Lo);
        var z = a + bc;
        zl = (a - z) + bc;
        return z;
    }

    /// <summary>erfc on the whole line from the erfcx table and tail (the fast path hands over x ≥ 6 and NaN).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double ErfcWideScalar(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        var y = Math.Min(Math.Abs(x), ErfcClamp);
        var sh = TwoProduct(y, y, out var sl);
        var mh = ExpCore(-sh, -sl, out var ml, out var k);
        var fh = ErfcxPositive(y, out var fl);
        var ph = TwoProduct(mh, fh, out var pl);
        pl += (mh * fl) + (ml * fh);
        var rh = ph + pl;
        var rl = (ph - rh) + pl;
        var ka = Math.Floor(k * 0.5);
        var sa = Pow2(ka);
        var sb = Pow2(k - ka);
        var qh = (rh * sa) * sb;
        if (x >= 0)
        {
            return qh;
        }

        var ql = (rl * sa) * sb;
        var two = 2.0 - qh;
        var e = (2.0 - two) - qh;
        return two + (e - ql);
    }

    private static double ErfcxScalar(double x)
    {
        if (x >= ErfcxFastLow && x < ErfcxFastLimit)
        {
            return ErfcxFastScalar(x);
        }

        return ErfcxOutsideScalar(x);
    }

    /// <summary>
    /// erfcx(x) for x in [−1, 8.5] as erfcx(c) + τ·P(τ) around the nearest centre c = j/N of the fast table
    /// (N = 32 below 127/64, 16 from there on), τ = N·x − j (exact).
    /// </summary>
    /// <remarks>
    /// The result erfcx(c)_hi + (τ·P(τ) + erfcx(c)_lo) is rounded once; |τ·P| ≤ 0.036·erfcx(c). P (degree 7) is grouped
    /// by powers of τ (Estrin) for a short dependency chain. The switch to the coarse grid is at 127/64, the midpoint
    /// below the centre 2 = 32/16, so that row 96 (c = 2) is only used with the coarse scale.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ErfcxFastScalar(double x)
    {
        var coarse = x >= ErfcxSegmentSwitch;
        var u = x * (coarse ? 16.0 : 32.0);
        var j = Math.Round(u);
        var tau = u - j;
        var row = ErfcxFastPieces.AsSpan((int)(j + (coarse ? ErfcxCoarseRowOffset : ErfcxFineRowOffset)) * ErfcxFastRowLength, ErfcxFastRowLength);
        var t2 = tau * tau;
        var p = ((row[2] + (row[3] * tau)) + ((row[4] + (row[5] * tau)) * t2)) +
            (((row[6] + (row[7] * tau)) + ((row[8] + (row[9] * tau)) * t2)) * (t2 * t2));
        return row[0] + ((p * tau) + row[1]);
    }

    /// <summary>erfcx(x) = 2e^(x²) − erfcx(−x) for x in [−26, −1), given f = erfcx(min(−x, 8.5)) from the fast table.</summary>
    /// <remarks>
    /// x² = hi + lo with hi exact (the top 26 bits of |x| squared); 2e^(x²) = T' + T'·p from
    /// <see cref="ExpQuarterParts(double, double, double, double[], double[], out double)"/> with T_j = 2·2^(j/4), and
    /// the result T' + (T'·p − f) is rounded once. f ≤ erfcx(1) ≈ 0.43 is at most 8 % of 2e^(x²), so the
    /// subtraction loses nothing; for −x &gt; 8.5 the clamped f (like the true one) is below 2^−108 of the result and changes nothing.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ErfcxNegativeScalar(double x, double f)
    {
        var y = -x;
        var yh = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(y) & Normal.SplitMask);
        var yl = y - yh;
        var th = ExpQuarterParts(yh * yh, yl * (y + yh), (x * x) * QuarterLog2E, ErfcxQuarterHi, ErfcxQuarterTau, out var p);
        return th + ((th * p) - f);
    }

    /// <summary>erfcx outside the fast table's range [−1, 8.5): the exponential path on [−26, −1), else the wide kernel.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double ErfcxOutsideScalar(double x)
    {
        if (x < ErfcxFastLow && x >= ErfcxNegativeFastLimit)
        {
            return ErfcxNegativeScalar(x, ErfcxFastScalar(Math.Min(-x, ErfcxFastLimit)));
        }

        return ErfcxWideScalar(x);
    }

    /// <summary>erfcx on the whole line from the wide table and tail (the fast paths hand over x ≥ 8.5, x &lt; −26 and NaN).</summary>
    private static double ErfcxWideScalar(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x >= 0)
        {
            if (x == double.PositiveInfinity)
            {
                return 0.0;
            }

            var fh = ErfcxPositive(x, out var fl);
            return fh + fl;
        }

        // erfcx(−y) = 2·e^(y²) − erfcx(y), with e^(y²) as (mh + ml)·2^k and the subtraction done before scaling.
        var y = Math.Min(-x, ErfcxNegativeClamp);
        var sh = TwoProduct(y, y, out var sl);
        var mh = ExpCore(sh, sl, out var ml, out var k);
        var gh = ErfcxPositive(y, out var gl);
        var ka = Math.Floor(k * 0.5);
        var ia = Pow2(-ka);
        var ib = Pow2(ka - k);
        var s = TwoSum(2.0 * mh, -((gh * ia) * ib), out var se);
        var r = s + (se + ((2.0 * ml) - ((gl * ia) * ib)));
        return (r * Pow2(ka)) * Pow2(k - ka);
    }
}
