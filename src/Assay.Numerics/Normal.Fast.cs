using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        Span<double> tailP = stackalloc double[chunk + 7];
        var overlaps = p.Overlaps(result[..p.Length]);
        Span<double> copy = overlaps ? stackalloc double[chunk] : default;
        for (var start = 0; start < p.Length; start += SpanChunk)
        {
            var length = Math.Min(SpanChunk, p.Length - start);
            if (overlaps)
            {
                p.Slice(start, length).CopyTo(copy);
                InverseCdfFastChunk(copy[..length], result.Slice(start, length), tailIndex, tailP);
            }
            else
            {
                InverseCdfFastChunk(p.Slice(start, length), result.Slice(start, length), tailIndex, tailP);
            }
        }
    }

    /// <summary>One pass of the span kernel: the centre over whole vectors, then the gathered tail lanes four at a time.</summary>
    /// <remarks>
    /// The first pass has no data-dependent branch: it evaluates the central function on every whole vector (four
    /// vectors interleaved) and records which lanes lie outside the centre as bits of a mask; the tail lanes are then
    /// gathered in index order from the mask's set bits. <paramref name="p"/> and <paramref name="result"/> must not
    /// overlap (the caller copies p aside when they do).
    /// </remarks>
    private static void InverseCdfFastChunk(ReadOnlySpan<double> p, Span<double> result, Span<int> tailIndex, Span<double> tailP)
    {
        var count = 0;
        var i = 0;
        ref var pRef = ref MemoryMarshal.GetReference(p);
        ref var resultRef = ref MemoryMarshal.GetReference(result);
        ref var indexRef = ref MemoryMarshal.GetReference(tailIndex);
        ref var tailRef = ref MemoryMarshal.GetReference(tailP);
        Span<ulong> mask = stackalloc ulong[SpanChunk / 64];
        mask.Clear();
        ref var maskRef = ref MemoryMarshal.GetReference(mask);
        var half = Vector256.Create(0.5);
        var split = Vector256.Create(PpndSplit);
        var centreBound = Vector256.Create(0.180625);

        // Four vectors at a time: their eight Horner chains side by side keep the floating-point units busy (one
        // vector's two chains of seven dependent multiply–add steps mostly wait on latency).
        for (; i + 16 <= p.Length; i += 16)
        {
            var p0 = Vector256.LoadUnsafe(ref pRef, (nuint)i);
            var p1 = Vector256.LoadUnsafe(ref pRef, (nuint)(i + 4));
            var p2 = Vector256.LoadUnsafe(ref pRef, (nuint)(i + 8));
            var p3 = Vector256.LoadUnsafe(ref pRef, (nuint)(i + 12));
            var q0 = p0 - half;
            var q1 = p1 - half;
            var q2 = p2 - half;
            var q3 = p3 - half;
            CentralRational4(centreBound - (q0 * q0), centreBound - (q1 * q1), centreBound - (q2 * q2), centreBound - (q3 * q3), out var r0, out var r1, out var r2, out var r3);
            var outside = OutsideCentre(q0, split) | (OutsideCentre(q1, split) << 4) | (OutsideCentre(q2, split) << 8) | (OutsideCentre(q3, split) << 12);
            Unsafe.Add(ref maskRef, i >> 6) |= (ulong)outside << (i & 63);
            (q0 * r0).StoreUnsafe(ref resultRef, (nuint)i);
            (q1 * r1).StoreUnsafe(ref resultRef, (nuint)(i + 4));
            (q2 * r2).StoreUnsafe(ref resultRef, (nuint)(i + 8));
            (q3 * r3).StoreUnsafe(ref resultRef, (nuint)(i + 12));
        }

        for (; i + 4 <= p.Length; i += 4)
        {
            var pv = Vector256.LoadUnsafe(ref pRef, (nuint)i);
            var q = pv - half;
            var central = q * Rational(centreBound - (q * q), PpndCentral);
            Unsafe.Add(ref maskRef, i >> 6) |= (ulong)OutsideCentre(q, split) << (i & 63);
            central.StoreUnsafe(ref resultRef, (nuint)i);
        }

        // The tail lanes of the whole vectors, in index order: p is read here, before the tail results are stored.
        for (var word = 0; word < (i + 63) >> 6; word++)
        {
            var bits = Unsafe.Add(ref maskRef, word);
            while (bits != 0)
            {
                var index = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                Unsafe.Add(ref indexRef, count) = index;
                Unsafe.Add(ref tailRef, count) = Unsafe.Add(ref pRef, index);
                count++;
                bits &= bits - 1;
            }
        }

        for (; i < p.Length; i++)
        {
            result[i] = InverseCdfFast(p[i]);
        }

        if (count == 0)
        {
            return;
        }

        // Pad the last two groups with copies of the last tail p (their results are not stored).
        for (var pad = count; pad < count + 7; pad++)
        {
            tailP[pad] = tailP[count - 1];
        }

        // Two vectors at a time (their logarithms and rational chains overlap); the second may be all padding.
        for (var j = 0; j < count; j += 8)
        {
            var p0 = Vector256.Create(tailP.Slice(j, 4));
            var p1 = Vector256.Create(tailP.Slice(j + 4, 4));
            InverseCdfFastTailVectors(p0, p1, out var x0, out var x1);
            var lanes = Math.Min(4, count - j);
            for (var lane = 0; lane < lanes; lane++)
            {
                result[tailIndex[j + lane]] = x0.GetElement(lane);
            }

            lanes = Math.Min(4, count - j - 4);
            for (var lane = 0; lane < lanes; lane++)
            {
                result[tailIndex[j + 4 + lane]] = x1.GetElement(lane);
            }
        }
    }

    /// <summary>The lanes of q not within the central split, or NaN (the tail kernel decides those), as a 4-bit mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint OutsideCentre(V q, V split) =>
        Vector256.ExtractMostSignificantBits(~Vector256.LessThanOrEqual(Vector256.Abs(q), split));

    /// <summary><see cref="Rational(V, double[])"/> with the central coefficients for four vectors, the same operations per lane, interleaved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CentralRational4(V v0, V v1, V v2, V v3, out V r0, out V r1, out V r2, out V r3)
    {
        var c = PpndCentral;
        var cn = Vector256.Create(c[7]);
        var cd = Vector256.Create(c[15]);
        var n0 = cn * v0;
        var n1 = cn * v1;
        var n2 = cn * v2;
        var n3 = cn * v3;
        var d0 = cd * v0;
        var d1 = cd * v1;
        var d2 = cd * v2;
        var d3 = cd * v3;
        for (var k = 6; k >= 1; k--)
        {
            cn = Vector256.Create(c[k]);
            cd = Vector256.Create(c[8 + k]);
            n0 = (n0 + cn) * v0;
            n1 = (n1 + cn) * v1;
            n2 = (n2 + cn) * v2;
            n3 = (n3 + cn) * v3;
            d0 = (d0 + cd) * v0;
            d1 = (d1 + cd) * v1;
            d2 = (d2 + cd) * v2;
            d3 = (d3 + cd) * v3;
        }

        cn = Vector256.Create(c[0]);
        cd = Vector256.Create(c[8]);
        r0 = (n0 + cn) / (d0 + cd);
        r1 = (n1 + cn) / (d1 + cd);
        r2 = (n2 + cn) / (d2 + cd);
        r3 = (n3 + cn) / (d3 + cd);
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

    /// <summary><see cref="InverseCdfFastTailVector"/> of two vectors, the same bits, with their operations interleaved.</summary>
    private static void InverseCdfFastTailVectors(V p0, V p1, out V x0, out V x1)
    {
        var zero = V.Zero;
        var one = V.One;
        var half = Vector256.Create(0.5);
        var q0 = p0 - half;
        var q1 = p1 - half;
        var r0 = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(q0, zero), p0, one - p0);
        var r1 = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(q1, zero), p1, one - p1);
        var l0 = DMath.Log(r0);
        var l1 = DMath.Log(r1);
        var s0 = DMath.Sqrt(-l0);
        var s1 = DMath.Sqrt(-l1);
        var farSplit = Vector256.Create(PpndFarSplit);
        var far = Vector256.GreaterThan(s0, farSplit) | Vector256.GreaterThan(s1, farSplit);
        if (far.AsUInt64() != Vector256<ulong>.Zero)
        {
            // Rare (r < e^−25 ≈ 1.4e−11): one vector at a time, with per-lane coefficients.
            x0 = InverseCdfFastTailVector(p0, q0);
            x1 = InverseCdfFastTailVector(p1, q1);
            return;
        }

        var c = PpndIntermediate;
        var shift = Vector256.Create(1.6);
        var v0 = s0 - shift;
        var v1 = s1 - shift;
        var cn = Vector256.Create(c[7]);
        var cd = Vector256.Create(c[15]);
        var n0 = cn * v0;
        var n1 = cn * v1;
        var d0 = cd * v0;
        var d1 = cd * v1;
        for (var k = 6; k >= 1; k--)
        {
            cn = Vector256.Create(c[k]);
            cd = Vector256.Create(c[8 + k]);
            n0 = (n0 + cn) * v0;
            n1 = (n1 + cn) * v1;
            d0 = (d0 + cd) * v0;
            d1 = (d1 + cd) * v1;
        }

        cn = Vector256.Create(c[0]);
        cd = Vector256.Create(c[8]);
        x0 = TailFinish(p0, q0, (n0 + cn) / (d0 + cd));
        x1 = TailFinish(p1, q1, (n1 + cn) / (d1 + cd));
    }

    /// <summary>The tail's sign and special values: ±ratio by the side of q, ±∞ at p = 0, 1, NaN outside [0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V TailFinish(V p, V q, V ratio)
    {
        var zero = V.Zero;
        var one = V.One;
        var result = Vector256.ConditionalSelect(Vector256.LessThan(q, zero), -ratio, ratio);
        result = Vector256.ConditionalSelect(Vector256.Equals(p, zero), Vector256.Create(double.NegativeInfinity), result);
        result = Vector256.ConditionalSelect(Vector256.Equals(p, one), Vector256.Create(double.PositiveInfinity), result);
        var valid = Vector256.GreaterThanOrEqual(p, zero) & Vector256.LessThanOrEqual(p, one);
        return Vector256.ConditionalSelect(valid, result, Vector256.Create(double.NaN));
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

        return TailFinish(p, q, ratio);
    }
}
