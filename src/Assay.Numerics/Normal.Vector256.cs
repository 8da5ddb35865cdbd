using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static Assay.Numerics.ErrorFunction;
using V = System.Runtime.Intrinsics.Vector256<double>;

namespace Assay.Numerics;

/// <remarks>
/// Vector256 twins of the scalar kernels in <c>Normal.Kernel.cs</c>: the same operations in the same order per
/// lane, with branches replaced by blends; a rare region is evaluated only when some lane needs it.
/// </remarks>
public static partial class Normal
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V GVector(V y, out V lo)
    {
        var hi = Piece(CdfPieces, 47.0, y, out lo);
        var inTail = Vector256.GreaterThanOrEqual(y, Vector256.Create(TableLimit));
        if (inTail != V.Zero)
        {
            var th = Tail(CdfTail, y, out var tl);
            hi = Vector256.ConditionalSelect(inTail, th, hi);
            lo = Vector256.ConditionalSelect(inTail, tl, lo);
        }

        return hi;
    }

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

    private static V CdfVector(V x)
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

    private static V PdfVector(V x)
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
