using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using V = System.Runtime.Intrinsics.Vector256<double>;

namespace Assay.Numerics;

/// <remarks>
/// Vector256 twins of the scalar building blocks in <c>ErrorFunction.Kernel.cs</c>: the same operations in the
/// same order per lane, with branches replaced by blends. Table coefficients are loaded per lane.
/// </remarks>
public static partial class ErrorFunction
{
    /// <summary>Whether some lane of the mask is set.</summary>
    /// <remarks>
    /// Lane tests go through the sign-bit mask on purpose: written as <c>mask != AllBitsSet</c> around
    /// <c>r = ConditionalSelect(mask, r, Rare(x))</c>, the .NET 10 JIT dropped the branch (the select is the identity
    /// when the test fails) and evaluated the rare path for every vector.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool AnyLane(V mask) => Vector256.ExtractMostSignificantBits(mask) != 0;

    /// <summary>Whether every lane of the mask is set (see <see cref="AnyLane(V)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool AllLanes(V mask) => Vector256.ExtractMostSignificantBits(mask) == 0b1111;

    /// <summary>a &lt; b ? a : b per lane (b if either is NaN), as <c>vminpd</c> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V Min(V a, V b) => Avx.IsSupported ? Avx.Min(a, b) : Vector256.ConditionalSelect(Vector256.LessThan(a, b), a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V TwoProduct(V a, V b, out V e)
    {
        var split = Vector256.Create(SplitFactor);
        var p = a * b;
        var ca = split * a;
        var ah = ca - (ca - a);
        var al = a - ah;
        var cb = split * b;
        var bh = cb - (cb - b);
        var bl = b - bh;
        e = (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V TwoSum(V a, V b, out V e)
    {
        var s = a + b;
        var bb = s - a;
        e = (a - (s - bb)) + (b - bb);
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V Pow2(V n) =>
        Vector256.ShiftLeft((n + Vector256.Create(RoundShift + 1023.0)).AsInt64(), 52).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V ExpCore(V ah, V al, out V ml, out V k)
    {
        var shift = Vector256.Create(RoundShift);
        k = ((ah * Vector256.Create(Log2E)) + shift) - shift;
        var u = ah - (k * Vector256.Create(Ln2Hi));
        var v = k * Vector256.Create(Ln2Lo);
        var rh = TwoSum(u, al - v, out var rl);
        var qh = TwoProduct(rh, rh, out var ql);
        var t = ExpReduced;
        var p = Vector256.Create(t[10]);
        p = (p * rh) + Vector256.Create(t[9]);
        p = (p * rh) + Vector256.Create(t[8]);
        p = (p * rh) + Vector256.Create(t[7]);
        p = (p * rh) + Vector256.Create(t[6]);
        p = (p * rh) + Vector256.Create(t[5]);
        p = (p * rh) + Vector256.Create(t[4]);
        p = (p * rh) + Vector256.Create(t[3]);
        p = (p * rh) + Vector256.Create(t[2]);
        p = (p * rh) + Vector256.Create(t[1]);
        p = (p * rh) + Vector256.Create(t[0]);
        var c = (rh * qh) * p;
        var one = Vector256<double>.One;
        var half = Vector256.Create(0.5);
        var a1 = one + rh;
        var e1 = (one - a1) + rh;
        var a2 = TwoSum(a1, half * qh, out var e2);
        var lo = (((e1 + e2) + (half * ql)) + c) + (rl * a2);
        var mh = a2 + lo;
        ml = (a2 - mh) + lo;
        return mh;
    }

    /// <summary>Lane-wise <see cref="ExpQuarter(double, double, double, double[], double[])"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V ExpQuarter(V s, V w, V kEstimate, V tableHi, V tableTau)
    {
        var th = ExpQuarterParts(s, w, kEstimate, tableHi, tableTau, out var p);
        return th + (th * p);
    }

    /// <summary>Lane-wise <see cref="ExpQuarterParts(double, double, double, double[], double[], out double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V ExpQuarterParts(V s, V w, V kEstimate, V tableHi, V tableTau, out V p)
    {
        var t = kEstimate + Vector256.Create(RoundShift);
        var kd = Vector256.Round(kEstimate);
        var kb = t.AsInt64() + Vector256.Create(QuarterBias);
        var scale = Vector256.ShiftLeft(Vector256.ShiftRightLogical(kb, 2), 52).AsDouble();
        V th, tau;
        if (Avx2.IsSupported)
        {
            // vpermps picks 32-bit halves: lane i takes halves 2j and 2j + 1, j = k mod 4 (the low two bits of kb).
            var index = Avx2.Shuffle(Avx2.ShiftLeftLogical(kb, 1).AsInt32(), 0b10_10_00_00) | Vector256.Create(0, 1, 0, 1, 0, 1, 0, 1);
            th = Avx2.PermuteVar8x32(tableHi.AsSingle(), index).AsDouble();
            tau = Avx2.PermuteVar8x32(tableTau.AsSingle(), index).AsDouble();
        }
        else
        {
            var j = kb & Vector256.Create(3L);
            th = Vector256.Shuffle(tableHi, j);
            tau = Vector256.Shuffle(tableTau, j);
        }

        var u = s - (kd * Vector256.Create(QuarterLn2Hi));
        var v = (w - (kd * Vector256.Create(QuarterLn2Lo))) + tau;
        var r = u + v;
        var c = FastExp;
        var r2 = r * r;
        var r4 = r2 * r2;
        var q01 = Vector256.Create(c[0]) + (Vector256.Create(c[1]) * r);
        var q23 = Vector256.Create(c[2]) + (Vector256.Create(c[3]) * r);
        var q45 = Vector256.Create(c[4]) + (Vector256.Create(c[5]) * r);
        var q67 = Vector256.Create(c[6]) + (Vector256.Create(c[7]) * r);
        p = (r + (r2 * q01)) + (r4 * ((q23 + (r2 * q45)) + (r4 * q67)));
        return th * scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V Column(double[] table, int i0, int i1, int i2, int i3, int k)
    {
        // The row indices come from a piece number clamped to [0, last piece], so every read is in range; reading
        // through a reference drops 56 bounds checks per call of Piece.
        ref var t0 = ref MemoryMarshal.GetArrayDataReference(table);
        return Vector256.Create(Unsafe.Add(ref t0, i0 + k), Unsafe.Add(ref t0, i1 + k), Unsafe.Add(ref t0, i2 + k), Unsafe.Add(ref t0, i3 + k));
    }

    /// <summary>Lane-wise <see cref="Piece(double[], double, double, out double)"/>; lanes must hold y ≥ 0 or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V Piece(double[] table, double lastPiece, V y, out V lo)
    {
        var f = Min(Vector256.Floor(y * Vector256.Create(PiecesPerUnit)), Vector256.Create(lastPiece));
        var t = y - ((f * Vector256.Create(1.0 / PiecesPerUnit)) + Vector256.Create(0.5 / PiecesPerUnit));
        var i0 = (int)f.GetElement(0) * RowLength;
        var i1 = (int)f.GetElement(1) * RowLength;
        var i2 = (int)f.GetElement(2) * RowLength;
        var i3 = (int)f.GetElement(3) * RowLength;
        var p = Column(table, i0, i1, i2, i3, 13);
        p = (p * t) + Column(table, i0, i1, i2, i3, 12);
        p = (p * t) + Column(table, i0, i1, i2, i3, 11);
        p = (p * t) + Column(table, i0, i1, i2, i3, 10);
        p = (p * t) + Column(table, i0, i1, i2, i3, 9);
        p = (p * t) + Column(table, i0, i1, i2, i3, 8);
        p = (p * t) + Column(table, i0, i1, i2, i3, 7);
        p = (p * t) + Column(table, i0, i1, i2, i3, 6);
        p = (p * t) + Column(table, i0, i1, i2, i3, 5);
        p = (p * t) + Column(table, i0, i1, i2, i3, 4);
        p = (p * t) + Column(table, i0, i1, i2, i3, 3);
        p = (p * t) + Column(table, i0, i1, i2, i3, 2);
        var s = p * t;
        var c0 = Column(table, i0, i1, i2, i3, 0);
        var hi = c0 + s;
        lo = ((c0 - hi) + s) + Column(table, i0, i1, i2, i3, 1);
        return hi;
    }

    /// <summary>Lane-wise <see cref="Tail(double[], double, out double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V Tail(double[] tail, V y, out V lo)
    {
        var z = Vector256<double>.One / (y * y);
        var p = Vector256.Create(tail[11]);
        p = (p * z) + Vector256.Create(tail[10]);
        p = (p * z) + Vector256.Create(tail[9]);
        p = (p * z) + Vector256.Create(tail[8]);
        p = (p * z) + Vector256.Create(tail[7]);
        p = (p * z) + Vector256.Create(tail[6]);
        p = (p * z) + Vector256.Create(tail[5]);
        p = (p * z) + Vector256.Create(tail[4]);
        p = (p * z) + Vector256.Create(tail[3]);
        p = (p * z) + Vector256.Create(tail[2]);
        var s = p * z;
        var t0 = Vector256.Create(tail[0]);
        var kh = t0 + s;
        var kl = ((t0 - kh) + s) + Vector256.Create(tail[1]);
        var qh = kh / y;
        var huge = Vector256.GreaterThanOrEqual(y, Vector256.Create(HugeArgument));
        var down = Vector256.Create(HugeScaleDown);
        var up = Vector256.Create(HugeScaleUp);
        var ys = Vector256.ConditionalSelect(huge, y * down, y);
        var qs = Vector256.ConditionalSelect(huge, qh * up, qh);
        var ph = TwoProduct(qs, ys, out var pl);
        lo = (((kh - ph) - pl) + kl) / ys;
        lo = Vector256.ConditionalSelect(huge, lo * down, lo);
        return qh;
    }

    /// <summary>Lane-wise erfcx(y) for y ≥ 0 as a double-double; the tail is evaluated only if a lane needs it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V ErfcxPositive(V y, out V lo) => PieceOrTail(ErfcxPieces, 33.0, ErfcxTail, ErfcxTableLimit, y, out lo);

    /// <summary>
    /// Lane-wise double-double from a piecewise table below <paramref name="tableLimit"/> and from the asymptotic
    /// tail at and above it; the tail is evaluated only if some lane needs it (the scalar kernels branch the same way).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V PieceOrTail(double[] pieces, double lastPiece, double[] tail, double tableLimit, V y, out V lo)
    {
        var hi = Piece(pieces, lastPiece, y, out lo);
        var inTail = Vector256.GreaterThanOrEqual(y, Vector256.Create(tableLimit));
        if (AnyLane(inTail))
        {
            var th = Tail(tail, y, out var tl);
            hi = Vector256.ConditionalSelect(inTail, th, hi);
            lo = Vector256.ConditionalSelect(inTail, tl, lo);
        }

        return hi;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V ErfcVector(V x)
    {
        // The common case (every lane below 6) runs without a call; the rare path returns two halves in registers
        // so that the result stays in a register on the common path (see Normal's CdfVector).
        var fast = Vector256.LessThan(x, Vector256.Create(FastErfcLimit));
        if (AllLanes(fast))
        {
            return ErfcFastVector(x);
        }

        var lower = ErfcMixedVector(x, fast, out var upper);
        return Vector256.Create(lower, upper);
    }

    /// <summary>Lane-wise <see cref="ScaleBySqrt2(double, out double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V ScaleBySqrt2(V y, out V zl)
    {
        var yh = y & Vector256.Create(Normal.SplitMask).AsDouble();
        var sh = Vector256.Create(Sqrt2Hi);
        var a = yh * sh;
        var bc = ((y - yh) * sh) + (y * Vector256.Create(Sqrt2Lo));
        var z = a + bc;
        zl = (a - z) + bc;
        return z;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V ErfcFastVector(V x)
    {
        var y = Min(Vector256.Abs(x), Vector256.Create(FastErfcLimit));
        var z = ScaleBySqrt2(y, out var zl);
        var scale = Vector256.Create(Normal.FastPiecesPerUnit);
        var u = z * scale;
        var q = Normal.LowerTailFastCore(u, (u - Vector256.Round(u)) + (zl * scale));
        var two = Vector256.Create(2.0);
        return Vector256.ConditionalSelect(Vector256.LessThan(x, V.Zero), two * (V.One - q), two * q);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<double> ErfcMixedVector(V x, V fast, out Vector128<double> upper)
    {
        var result = Vector256.ConditionalSelect(fast, ErfcFastVector(x), ErfcWideVector(x));
        upper = result.GetUpper();
        return result.GetLower();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static V ErfcWideVector(V x)
    {
        var y = Min(Vector256.Abs(x), Vector256.Create(ErfcClamp));
        var sh = TwoProduct(y, y, out var sl);
        var mh = ExpCore(-sh, -sl, out var ml, out var k);
        var fh = ErfcxPositive(y, out var fl);
        var ph = TwoProduct(mh, fh, out var pl);
        pl += (mh * fl) + (ml * fh);
        var rh = ph + pl;
        var rl = (ph - rh) + pl;
        var ka = Vector256.Floor(k * Vector256.Create(0.5));
        var sa = Pow2(ka);
        var sb = Pow2(k - ka);
        var qh = (rh * sa) * sb;
        var ql = (rl * sa) * sb;
        var two = Vector256.Create(2.0);
        var t = two - qh;
        var e = (two - t) - qh;
        var negative = t + (e - ql);
        var result = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, V.Zero), qh, negative);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    /// <summary>a &gt; b ? a : b per lane (b if either is NaN), as <c>vmaxpd</c> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V Max(V a, V b) => Avx.IsSupported ? Avx.Max(a, b) : Vector256.ConditionalSelect(Vector256.GreaterThan(a, b), a, b);

    /// <summary>Loads doubles k and k + 1 of the rows r0…r3 as two vectors (lane i from row i).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V RowPair(ref double r0, ref double r1, ref double r2, ref double r3, nuint k, out V odd)
    {
        if (Avx.IsSupported)
        {
            // [a_k a_k+1 | c_k c_k+1] and [b_k b_k+1 | d_k d_k+1] interleave into [a_k b_k c_k d_k] and [a_k+1 …].
            var ac = Vector256.Create(Vector128.LoadUnsafe(ref r0, k), Vector128.LoadUnsafe(ref r2, k));
            var bd = Vector256.Create(Vector128.LoadUnsafe(ref r1, k), Vector128.LoadUnsafe(ref r3, k));
            odd = Avx.UnpackHigh(ac, bd);
            return Avx.UnpackLow(ac, bd);
        }

        var i = (int)k;
        odd = Vector256.Create(Unsafe.Add(ref r0, i + 1), Unsafe.Add(ref r1, i + 1), Unsafe.Add(ref r2, i + 1), Unsafe.Add(ref r3, i + 1));
        return Vector256.Create(Unsafe.Add(ref r0, i), Unsafe.Add(ref r1, i), Unsafe.Add(ref r2, i), Unsafe.Add(ref r3, i));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V ErfcxVector(V x)
    {
        // The common case (every lane in [−1, 8.5)) runs without a call; the rare path returns two halves in
        // registers so that the result stays in a register on the common path (see Normal's CdfVector).
        var fast = Vector256.GreaterThanOrEqual(x, Vector256.Create(ErfcxFastLow)) & Vector256.LessThan(x, Vector256.Create(ErfcxFastLimit));
        if (AllLanes(fast))
        {
            return ErfcxFastVector(x);
        }

        var lower = ErfcxMixedVector(x, out var upper);
        return Vector256.Create(lower, upper);
    }

    /// <summary>Lane-wise <see cref="ErfcxFastScalar(double)"/>; lanes must hold x in [−1, 8.5].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V ErfcxFastVector(V x)
    {
        var coarse = Vector256.GreaterThanOrEqual(x, Vector256.Create(ErfcxSegmentSwitch));
        var u = x * Vector256.ConditionalSelect(coarse, Vector256.Create(16.0), Vector256.Create(32.0));
        var rowOffset = Vector256.ConditionalSelect(coarse, Vector256.Create(ErfcxCoarseRowOffset), Vector256.Create(ErfcxFineRowOffset));
        int o0, o1, o2, o3;
        if (Avx2.IsSupported)
        {
            // vcvtpd2dq rounds half to even under the default MXCSR, as Math.Round does; converting u directly keeps
            // the row index off the Round → add chain. The row offsets depend on x only.
            var rows = Avx.ConvertToVector128Int32(u) + Avx.ConvertToVector128Int32(rowOffset);
            var offsets = Sse41.MultiplyLow(rows, Vector128.Create(ErfcxFastRowLength));
            o0 = offsets.ToScalar();
            o1 = offsets.GetElement(1);
            o2 = offsets.GetElement(2);
            o3 = offsets.GetElement(3);
        }
        else
        {
            var rows = Vector256.Round(u) + rowOffset;
            o0 = (int)rows.GetElement(0) * ErfcxFastRowLength;
            o1 = (int)rows.GetElement(1) * ErfcxFastRowLength;
            o2 = (int)rows.GetElement(2) * ErfcxFastRowLength;
            o3 = (int)rows.GetElement(3) * ErfcxFastRowLength;
        }

        var tau = u - Vector256.Round(u);
        ref var table = ref MemoryMarshal.GetArrayDataReference(ErfcxFastPieces);
        ref var r0 = ref Unsafe.Add(ref table, o0);
        ref var r1 = ref Unsafe.Add(ref table, o1);
        ref var r2 = ref Unsafe.Add(ref table, o2);
        ref var r3 = ref Unsafe.Add(ref table, o3);
        var ch = RowPair(ref r0, ref r1, ref r2, ref r3, 0, out var cl);
        var c2 = RowPair(ref r0, ref r1, ref r2, ref r3, 2, out var c3);
        var c4 = RowPair(ref r0, ref r1, ref r2, ref r3, 4, out var c5);
        var c6 = RowPair(ref r0, ref r1, ref r2, ref r3, 6, out var c7);
        var c8 = RowPair(ref r0, ref r1, ref r2, ref r3, 8, out var c9);
        var t2 = tau * tau;
        var p = ((c2 + (c3 * tau)) + ((c4 + (c5 * tau)) * t2)) +
            (((c6 + (c7 * tau)) + ((c8 + (c9 * tau)) * t2)) * (t2 * t2));
        return ch + ((p * tau) + cl);
    }

    /// <summary>Lane-wise <see cref="ErfcxNegativeScalar(double, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V ErfcxNegativeVector(V x, V f)
    {
        var y = -x;
        var yh = y & Vector256.Create(Normal.SplitMask).AsDouble();
        var yl = y - yh;
        var th = ExpQuarterParts(yh * yh, yl * (y + yh), (x * x) * Vector256.Create(QuarterLog2E), ErfcxQuarterHiVector, ErfcxQuarterTauVector, out var p);
        return th + ((th * p) - f);
    }

    /// <summary>Some lane is outside [−1, 8.5): every lane gets the fast table, then the exponential path or the wide kernel where needed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<double> ErfcxMixedVector(V x, out Vector128<double> upper)
    {
        var low = Vector256.Create(ErfcxFastLow);
        var high = Vector256.Create(ErfcxFastLimit);
        var negative = Vector256.LessThan(x, low);

        // The table argument: x itself on the fast range, min(−x, 8.5) below −1 (the scalar's Math.Min), and some
        // in-range value (−1 for NaN, 8.5 above) on lanes that the wide kernel replaces, so every row read is in range.
        var a = Vector256.ConditionalSelect(negative, Min(-x, high), x);
        var result = ErfcxFastVector(Min(Max(a, low), high));
        var negativeFast = negative & Vector256.GreaterThanOrEqual(x, Vector256.Create(ErfcxNegativeFastLimit));
        if (AnyLane(negativeFast))
        {
            result = Vector256.ConditionalSelect(negativeFast, ErfcxNegativeVector(x, result), result);
        }

        var wide = ~(Vector256.GreaterThanOrEqual(x, Vector256.Create(ErfcxNegativeFastLimit)) & Vector256.LessThan(x, high));
        if (AnyLane(wide))
        {
            result = Vector256.ConditionalSelect(wide, ErfcxWideVector(x), result);
        }

        upper = result.GetUpper();
        return result.GetLower();
    }

    /// <summary>erfcx on the whole line from the wide table and tail (the fast paths hand over x ≥ 8.5, x &lt; −26 and NaN).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static V ErfcxWideVector(V x)
    {
        var isNegative = Vector256.LessThan(x, V.Zero);
        var ax = Vector256.Abs(x);
        var y = Vector256.ConditionalSelect(isNegative, Min(ax, Vector256.Create(ErfcxNegativeClamp)), ax);
        var gh = ErfcxPositive(y, out var gl);
        var result = gh + gl;
        if (AnyLane(isNegative))
        {
            var sh = TwoProduct(y, y, out var sl);
            var mh = ExpCore(sh, sl, out var ml, out var k);
            var ka = Vector256.Floor(k * Vector256.Create(0.5));
            var ia = Pow2(-ka);
            var ib = Pow2(ka - k);
            var two = Vector256.Create(2.0);
            var s = TwoSum(two * mh, -((gh * ia) * ib), out var se);
            var r = s + (se + ((two * ml) - ((gl * ia) * ib)));
            var negative = (r * Pow2(ka)) * Pow2(k - ka);
            result = Vector256.ConditionalSelect(isNegative, negative, result);
        }

        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(double.PositiveInfinity)), V.Zero, result);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }
}
