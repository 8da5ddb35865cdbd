using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector256<double>;

namespace Assay.Numerics;

/// <remarks>
/// The fast inverse: Wichura's PPND16 (Algorithm AS 241, Applied Statistics 37(3), 1988) alone, without the Newton
/// step of <see cref="InverseCdf(double)"/>. The vector kernel evaluates the logarithmic tail only when some lane
/// needs it; every lane performs the scalar operation sequence of its region, so the bits match the scalar kernel.
/// </remarks>
public static partial class Normal
{
    /// <summary>PPND16 uses its central rational function for |p − 1/2| up to here.</summary>
    private const double PpndSplit = 0.425;

    /// <summary>PPND16 switches from the intermediate to the far tail function where √(−ln r) exceeds this.</summary>
    private const double PpndFarSplit = 5.0;

    /// <summary>Elements per pass of the span kernel (bounds its buffers on the stack).</summary>
    private const int SpanChunk = 512;

    /// <summary>Φ⁻¹(p) from Wichura's AS 241 (PPND16) without refinement: relative error about 1e-16, for Monte Carlo variates.</summary>
    /// <remarks>
    /// <para>p in [0, 1]; ±∞ at the ends, NaN outside. Measured against correctly rounded mpmath values
    /// (docs/mc-performance.md): within 8 ulp on the whole domain, subnormal p included (measured at most 5 ulp), and
    /// several times faster than <see cref="InverseCdf(double)"/> (no Φ evaluation, and no logarithm for the 85% of p
    /// within 0.425 of 1/2). Not monotone at the ulp level across its piece boundaries.</para>
    /// <para>Deterministic like every kernel here: only IEEE <c>+ − × ÷</c>, <see cref="DMath.Sqrt(double)"/> and
    /// <see cref="DMath.Log(double)"/>, in a fixed order; the vector overloads give the same bits per lane.</para>
    /// </remarks>
    public static double InverseCdfFast(double p)
    {
        var q = p - 0.5;
        if (Math.Abs(q) <= PpndSplit)
        {
            return q * Rational(0.180625 - (q * q), PpndCentral);
        }

        return InverseCdfFastTail(p, q);
    }

    /// <summary>Lane-wise <see cref="InverseCdfFast(double)"/>, the same bits per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> InverseCdfFast(Vector256<double> p) => InverseCdfFastVector(p);

    /// <summary>Lane-wise <see cref="InverseCdfFast(double)"/>, the same bits per lane.</summary>
    /// <remarks>Evaluated as two <see cref="Vector256{T}"/> halves.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> InverseCdfFast(Vector512<double> p) =>
        Vector512.Create(InverseCdfFastVector(p.GetLower()), InverseCdfFastVector(p.GetUpper()));

    /// <summary>Writes <see cref="InverseCdfFast(double)"/> of every <paramref name="p"/>[i] to <paramref name="result"/>[i] (the same bits).</summary>
    /// <remarks>
    /// Faster than element or vector calls on random p: the central function runs over whole vectors, and the
    /// about 15% of p outside the centre are gathered and evaluated four at a time, so the logarithmic tail runs only
    /// on full vectors of lanes that need it. <paramref name="result"/> may be the same memory as <paramref name="p"/>.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="result"/> is shorter than <paramref name="p"/>.</exception>
    public static void InverseCdfFast(ReadOnlySpan<double> p, Span<double> result)
    {
        if (result.Length < p.Length)
        {
            ThrowResultTooShort(p.Length, result.Length);
        }

        var chunk = Math.Min(SpanChunk, p.Length);
        Span<int> tailIndex = stackalloc int[chunk];
        Span<double> tailP = stackalloc double[chunk + 3];
        for (var start = 0; start < p.Length; start += SpanChunk)
        {
            var length = Math.Min(SpanChunk, p.Length - start);
            InverseCdfFastChunk(p.Slice(start, length), result.Slice(start, length), tailIndex, tailP);
        }
    }

    /// <summary>One pass of the span kernel: the centre over whole vectors, then the gathered tail lanes four at a time.</summary>
    /// <remarks>The tail's p are copied aside before the centre's results are stored, so p and result may overlap.</remarks>
    private static void InverseCdfFastChunk(ReadOnlySpan<double> p, Span<double> result, Span<int> tailIndex, Span<double> tailP)
    {
        var count = 0;
        var i = 0;
        for (; i + 4 <= p.Length; i += 4)
        {
            var pv = Vector256.Create(p.Slice(i, 4));
            var q = pv - Vector256.Create(0.5);
            var central = q * Rational(Vector256.Create(0.180625) - (q * q), PpndCentral);

            // Not within the split, or NaN: the tail kernel decides (it also handles 0, 1 and out-of-range p).
            var outside = Vector256.ExtractMostSignificantBits(~Vector256.LessThanOrEqual(Vector256.Abs(q), Vector256.Create(PpndSplit)));
            while (outside != 0)
            {
                var lane = System.Numerics.BitOperations.TrailingZeroCount(outside);
                tailIndex[count] = i + lane;
                tailP[count] = pv.GetElement(lane);
                count++;
                outside &= outside - 1;
            }

            central.CopyTo(result.Slice(i, 4));
        }

        for (; i < p.Length; i++)
        {
            result[i] = InverseCdfFast(p[i]);
        }

        if (count == 0)
        {
            return;
        }

        // Pad the last group with copies of the last tail p (their results are not stored).
        for (var pad = count; pad < count + 3; pad++)
        {
            tailP[pad] = tailP[count - 1];
        }

        for (var j = 0; j < count; j += 4)
        {
            var pv = Vector256.Create(tailP.Slice(j, 4));
            var x = InverseCdfFastTailVector(pv, pv - Vector256.Create(0.5));
            var lanes = Math.Min(4, count - j);
            for (var lane = 0; lane < lanes; lane++)
            {
                result[tailIndex[j + lane]] = x.GetElement(lane);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowResultTooShort(int needed, int length) =>
        throw new ArgumentException($"result holds {length} elements but {needed} are needed.", "result");

    /// <summary>PPND16 outside the centre (and the special values), out of line: about 15% of uniform p.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double InverseCdfFastTail(double p, double q)
    {
        if (!(p > 0.0 && p < 1.0))
        {
            return p == 0.0 ? double.NegativeInfinity : p == 1.0 ? double.PositiveInfinity : double.NaN;
        }

        // 1 − p is exact for p ≥ 1/2 (Sterbenz).
        var r = q <= 0.0 ? p : 1.0 - p;
        var s = DMath.Sqrt(-DMath.Log(r));
        var ratio = s > PpndFarSplit ? Rational(s - PpndFarSplit, PpndFar) : Rational(s - 1.6, PpndIntermediate);
        return q < 0.0 ? -ratio : ratio;
    }

    /// <summary>N(v)/D(v) by Horner from the highest coefficient: c[0..7] numerator, c[8..15] denominator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Rational(double v, double[] c)
    {
        var num = (((((((((((((c[7] * v) + c[6]) * v) + c[5]) * v) + c[4]) * v) + c[3]) * v) + c[2]) * v) + c[1]) * v) + c[0];
        var den = (((((((((((((c[15] * v) + c[14]) * v) + c[13]) * v) + c[12]) * v) + c[11]) * v) + c[10]) * v) + c[9]) * v) + c[8];
        return num / den;
    }

    /// <summary>Lane-wise <see cref="Rational(double, double[])"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V Rational(V v, double[] c)
    {
        var num = (((((((((((((Vector256.Create(c[7]) * v) + Vector256.Create(c[6])) * v) + Vector256.Create(c[5])) * v)
            + Vector256.Create(c[4])) * v) + Vector256.Create(c[3])) * v) + Vector256.Create(c[2])) * v)
            + Vector256.Create(c[1])) * v) + Vector256.Create(c[0]);
        var den = (((((((((((((Vector256.Create(c[15]) * v) + Vector256.Create(c[14])) * v) + Vector256.Create(c[13])) * v)
            + Vector256.Create(c[12])) * v) + Vector256.Create(c[11])) * v) + Vector256.Create(c[10])) * v)
            + Vector256.Create(c[9])) * v) + Vector256.Create(c[8]);
        return num / den;
    }

    /// <summary>Lane-wise <see cref="Rational(double, double[])"/> with the coefficients of <paramref name="b"/> where <paramref name="useB"/> is set, else of <paramref name="a"/>.</summary>
    private static V Rational(V v, V useB, double[] a, double[] b)
    {
        var num = Vector256.ConditionalSelect(useB, Vector256.Create(b[7]), Vector256.Create(a[7]));
        var den = Vector256.ConditionalSelect(useB, Vector256.Create(b[15]), Vector256.Create(a[15]));
        for (var i = 6; i >= 0; i--)
        {
            num = (num * v) + Vector256.ConditionalSelect(useB, Vector256.Create(b[i]), Vector256.Create(a[i]));
            den = (den * v) + Vector256.ConditionalSelect(useB, Vector256.Create(b[8 + i]), Vector256.Create(a[8 + i]));
        }

        return num / den;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V InverseCdfFastVector(V p)
    {
        var q = p - Vector256.Create(0.5);
        var central = q * Rational(Vector256.Create(0.180625) - (q * q), PpndCentral);
        var inCentre = Vector256.LessThanOrEqual(Vector256.Abs(q), Vector256.Create(PpndSplit));
        if (Vector256.EqualsAll(inCentre.AsUInt64(), Vector256<ulong>.AllBitsSet))
        {
            return central;
        }

        return Vector256.ConditionalSelect(inCentre, central, InverseCdfFastTailVector(p, q));
    }

    /// <summary>Lane-wise <see cref="InverseCdfFastTail(double, double)"/> for every lane (the caller keeps the lanes it needs).</summary>
    private static V InverseCdfFastTailVector(V p, V q)
    {
        var zero = V.Zero;
        var one = V.One;
        var r = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(q, zero), p, one - p);
        var s = DMath.Sqrt(-DMath.Log(r));
        var far = Vector256.GreaterThan(s, Vector256.Create(PpndFarSplit));
        V ratio;
        if (far.AsUInt64() == Vector256<ulong>.Zero)
        {
            ratio = Rational(s - Vector256.Create(1.6), PpndIntermediate);
        }
        else
        {
            // Rare (r < e^−25 ≈ 1.4e−11): the coefficients are chosen per lane.
            var v = Vector256.ConditionalSelect(far, s - Vector256.Create(PpndFarSplit), s - Vector256.Create(1.6));
            ratio = Rational(v, far, PpndIntermediate, PpndFar);
        }

        var result = Vector256.ConditionalSelect(Vector256.LessThan(q, zero), -ratio, ratio);
        result = Vector256.ConditionalSelect(Vector256.Equals(p, zero), Vector256.Create(double.NegativeInfinity), result);
        result = Vector256.ConditionalSelect(Vector256.Equals(p, one), Vector256.Create(double.PositiveInfinity), result);
        var valid = Vector256.GreaterThanOrEqual(p, zero) & Vector256.LessThanOrEqual(p, one);
        return Vector256.ConditionalSelect(valid, result, Vector256.Create(double.NaN));
    }
}
