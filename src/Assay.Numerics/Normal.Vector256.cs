using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static Assay.Numerics.ErrorFunction;
using V = System.Runtime.Intrinsics.Vector256<double>;

namespace Assay.Numerics;

/// <remarks>
/// Vector256 twins of the scalar kernels in <c>Normal.Kernel.cs</c>: the same operations in the same order per
/// lane, with branches replaced by blends; a rare region is evaluated only when some lane needs it.
/// </remarks>
public static partial class Normal
{
    /// <summary>Lane-wise <see cref="LowerTailFastScalar(double)"/>; lanes must hold y in [0, 8.5].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V LowerTailFastVector(V y)
    {
        var u = y * Vector256.Create(FastPiecesPerUnit);
        return LowerTailFastCore(u, u - Vector256.Round(u));
    }

    /// <summary>Lane-wise <see cref="LowerTailFastCore(double, double)"/>; lanes must hold u in [0, 272].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V LowerTailFastCore(V u, V tau)
    {
        int o0, o1, o2, o3;
        if (Avx2.IsSupported)
        {
            // vcvtpd2dq rounds half to even under the default MXCSR, as Math.Round does; converting u directly keeps
            // the row index off the Round → multiply chain.
            var offsets = Sse2.ShiftLeftLogical(Avx.ConvertToVector128Int32(u), FastRowShift);
            o0 = offsets.ToScalar();
            o1 = offsets.GetElement(1);
            o2 = offsets.GetElement(2);
            o3 = offsets.GetElement(3);
        }
        else
        {
            var j = Vector256.Round(u);
            o0 = (int)j.GetElement(0) * FastRowLength;
            o1 = (int)j.GetElement(1) * FastRowLength;
            o2 = (int)j.GetElement(2) * FastRowLength;
            o3 = (int)j.GetElement(3) * FastRowLength;
        }

        ref var table = ref MemoryMarshal.GetArrayDataReference(CdfFastPieces);
        ref var r0 = ref Unsafe.Add(ref table, o0);
        ref var r1 = ref Unsafe.Add(ref table, o1);
        ref var r2 = ref Unsafe.Add(ref table, o2);
        ref var r3 = ref Unsafe.Add(ref table, o3);
        var eh = RowPair(ref r0, ref r1, ref r2, ref r3, 0, out var el);
        var c2 = RowPair(ref r0, ref r1, ref r2, ref r3, 2, out var c3);
        var c4 = RowPair(ref r0, ref r1, ref r2, ref r3, 4, out var c5);
        var c6 = RowPair(ref r0, ref r1, ref r2, ref r3, 6, out var c7);
        var t2 = tau * tau;
        var d = (((c2 + (c3 * tau)) + ((c4 + (c5 * tau)) * t2)) + ((c6 + (c7 * tau)) * (t2 * t2))) * tau;
        var m = Expm1Small(d);
        return eh + ((eh * m) + el);
    }

    /// <summary>Lane-wise <see cref="Expm1Small(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V Expm1Small(V d)
    {
        var c = FastExpm1;
        var d2 = d * d;
        var d4 = d2 * d2;
        var m01 = Vector256.Create(c[0]) + (Vector256.Create(c[1]) * d);
        var m23 = Vector256.Create(c[2]) + (Vector256.Create(c[3]) * d);
        var m45 = Vector256.Create(c[4]) + (Vector256.Create(c[5]) * d);
        var m678 = (Vector256.Create(c[6]) + (Vector256.Create(c[7]) * d)) + (Vector256.Create(c[8]) * d2);
        return (d + (d2 * m01)) + (d4 * ((m23 + (d2 * m45)) + (d4 * m678)));
    }

    /// <summary>Lane-wise <see cref="NegativeHalfSquare(double, out double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V NegativeHalfSquare(V y, out V lo)
    {
        var yh = y & Vector256.Create(SplitMask).AsDouble();
        var yl = y - yh;
        lo = (yl * Vector256.Create(-0.5)) * (y + yh);
        return (yh * yh) * Vector256.Create(-0.5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V GVector(V y, out V lo) => PieceOrTail(CdfPieces, 47.0, CdfTail, TableLimit, y, out lo);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V LowerTailVector(V y, out V rl, out V k, out V gh)
    {
        var half = Vector256.Create(-0.5);
        var sh = TwoProduct(y, y, out var sl);
        var mh = ExpCore(half * sh, half * sl, out var ml, out k);
        gh = GVector(y, out var gl);
        var ph = TwoProduct(mh, gh, out var pl);
        pl += (mh * gl) + (ml * gh);
        var rh = ph + pl;
        rl = (ph - rh) + pl;
        return rh;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V CdfVector(V x)
    {
        // The common case (every lane above −8.5) runs without a call. The rare path returns its result as two
        // Vector128 halves (in registers): a Vector256 comes back through memory, and the JIT then keeps the
        // merged result in memory on the common path too (measured: 10–15 % of φ's time).
        var fast = Vector256.GreaterThan(x, Vector256.Create(-FastCdfLimit));
        if (AllLanes(fast))
        {
            return CdfFastVector(x);
        }

        var lower = CdfMixedVector(x, fast, out var upper);
        return Vector256.Create(lower, upper);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V CdfFastVector(V x)
    {
        var q = LowerTailFastVector(Min(Vector256.Abs(x), Vector256.Create(FastCdfLimit)));
        return Vector256.ConditionalSelect(Vector256.LessThanOrEqual(x, V.Zero), q, V.One - q);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<double> CdfMixedVector(V x, V fast, out Vector128<double> upper)
    {
        var result = Vector256.ConditionalSelect(fast, CdfFastVector(x), CdfWideVector(x));
        upper = result.GetUpper();
        return result.GetLower();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V PdfVector(V x)
    {
        var fast = Vector256.LessThan(Vector256.Abs(x), Vector256.Create(FastPdfLimit));
        if (AllLanes(fast))
        {
            return PdfFastVector(x);
        }

        var lower = PdfMixedVector(x, fast, out var upper);
        return Vector256.Create(lower, upper);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V PdfFastVector(V x)
    {
        var y = Vector256.Abs(x);
        var hi = NegativeHalfSquare(y, out var lo);
        return ExpQuarter(hi, lo, (x * x) * Vector256.Create(PdfKScale), PdfQuarterHiVector, PdfQuarterTauVector);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<double> PdfMixedVector(V x, V fast, out Vector128<double> upper)
    {
        var result = Vector256.ConditionalSelect(fast, PdfFastVector(x), PdfWideVector(x));
        upper = result.GetUpper();
        return result.GetLower();
    }

    // The wide kernels are the rare path: kept out of line so the common path stays small and branches around them.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static V CdfWideVector(V x)
    {
        var y = Min(Vector256.Abs(x), Vector256.Create(Clamp));
        var rh = LowerTailVector(y, out var rl, out var k, out _);
        var ka = Vector256.Floor(k * Vector256.Create(0.5));
        var sa = Pow2(ka);
        var sb = Pow2(k - ka);
        var qh = (rh * sa) * sb;
        var ql = (rl * sa) * sb;
        var one = V.One;
        var u = one - qh;
        var e = (one - u) - qh;
        var upper = u + (e - ql);
        var result = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(x, V.Zero), qh, upper);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static V PdfWideVector(V x)
    {
        var y = Min(Vector256.Abs(x), Vector256.Create(Clamp));
        var half = Vector256.Create(-0.5);
        var sh = TwoProduct(y, y, out var sl);
        var mh = ExpCore(half * sh, half * sl, out var ml, out var k);
        var ph = TwoProduct(mh, Vector256.Create(InvSqrt2PiHi), out var pl);
        pl += (mh * Vector256.Create(InvSqrt2PiLo)) + (ml * Vector256.Create(InvSqrt2PiHi));
        var r = ph + pl;
        var ka = Vector256.Floor(k * Vector256.Create(0.5));
        var result = (r * Pow2(ka)) * Pow2(k - ka);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V Select3(V central, V far, double[] a, double[] b, double[] c, int i) =>
        Vector256.ConditionalSelect(central, Vector256.Create(a[i]), Vector256.ConditionalSelect(far, Vector256.Create(b[i]), Vector256.Create(c[i])));

    private static V InitialVector(V q, V r)
    {
        var aq = Vector256.Abs(q);
        var central = Vector256.LessThanOrEqual(aq, Vector256.Create(0.425));
        var s = DMath.Sqrt(-DMath.Log(Vector256.ConditionalSelect(central, Vector256.Create(0.25), r)));
        var far = Vector256.GreaterThan(s, Vector256.Create(5.0));
        var v = Vector256.ConditionalSelect(
            central,
            Vector256.Create(0.180625) - (q * q),
            Vector256.ConditionalSelect(far, s - Vector256.Create(5.0), s - Vector256.Create(1.6)));
        var num = Select3(central, far, PpndCentral, PpndFar, PpndIntermediate, 7);
        var den = Select3(central, far, PpndCentral, PpndFar, PpndIntermediate, 15);
        for (var i = 6; i >= 0; i--)
        {
            num = (num * v) + Select3(central, far, PpndCentral, PpndFar, PpndIntermediate, i);
            den = (den * v) + Select3(central, far, PpndCentral, PpndFar, PpndIntermediate, 8 + i);
        }

        var ratio = num / den;
        return Vector256.ConditionalSelect(central, aq * ratio, ratio);
    }

    private static V InverseCdfVector(V p)
    {
        var one = V.One;
        var q = p - Vector256.Create(0.5);
        var r = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(q, V.Zero), p, one - p);
        var y0 = Min(InitialVector(q, r), Vector256.Create(Clamp));

        var rh = LowerTailVector(y0, out var rl, out var k, out var gh);
        var ka = Vector256.Floor(k * Vector256.Create(0.5));
        var rs = (r * Pow2(-ka)) * Pow2(ka - k);
        var eps = ((rh - rs) + rl) / rs;
        var tailStep = DMath.Log1p(eps) * (gh * Vector256.Create(Sqrt2Pi));

        var s = y0 * y0;
        var c = CentreSeries;
        var sp = Vector256.Create(c[13]);
        for (var i = 12; i >= 2; i--)
        {
            sp = (sp * s) + Vector256.Create(c[i]);
        }

        sp *= s;
        var c0 = Vector256.Create(c[0]);
        var sh = c0 + sp;
        var sl = ((c0 - sh) + sp) + Vector256.Create(c[1]);
        var dh = TwoProduct(y0, sh, out var dl);
        dl += y0 * sl;
        var aq = Vector256.Abs(q);
        var residual = (dh - aq) + dl;
        var density = (Vector256.Create(InvSqrt2PiHi) * (rh / gh)) * (Pow2(ka) * Pow2(k - ka));
        var centreStep = -(residual / density);

        var y1 = y0 + Vector256.ConditionalSelect(Vector256.LessThanOrEqual(aq, Vector256.Create(CentreLimit)), centreStep, tailStep);
        var result = Vector256.ConditionalSelect(Vector256.LessThan(q, V.Zero), -y1, y1);
        result = Vector256.ConditionalSelect(Vector256.Equals(p, V.Zero), Vector256.Create(double.NegativeInfinity), result);
        result = Vector256.ConditionalSelect(Vector256.Equals(p, one), Vector256.Create(double.PositiveInfinity), result);
        var valid = Vector256.GreaterThanOrEqual(p, V.Zero) & Vector256.LessThanOrEqual(p, one);
        return Vector256.ConditionalSelect(valid, result, Vector256.Create(double.NaN));
    }
}
