using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Assay.Numerics.RandomNumbers;

/// <summary>Batch evaluation: four counters at once in <see cref="Vector256{T}"/> lanes, same bits as the scalar path.</summary>
public readonly partial struct Philox4x32
{
    /// <summary>Applies the generator to four counters at once.</summary>
    public Philox4x32Lanes Generate(Philox4x32Lanes counters) => Generate(counters, Key);

    /// <summary>Philox4x32-10 of four counters held in lanes; lane <c>i</c> equals the scalar result for block <c>i</c>.</summary>
    /// <remarks>
    /// Each 64-bit lane holds one 32-bit word, so one <c>vpmuludq</c> (<see cref="Avx2.Multiply(Vector256{uint}, Vector256{uint})"/>)
    /// forms the four 32×32→64 products of a word; without AVX2 the same products come from 64-bit lane multiplies
    /// of values below 2^32, which are exact, so the bits do not depend on the instruction set.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Philox4x32Lanes Generate(Philox4x32Lanes counters, Philox4x32Key key)
    {
        if (Avx2.IsSupported)
        {
            return GenerateAvx2(counters, key);
        }

        var low32 = Vector256.Create(0xFFFF_FFFFUL);
        var multiplierA = Vector256.Create((ulong)MultiplierA);
        var multiplierB = Vector256.Create((ulong)MultiplierB);
        var x0 = counters.W0 & low32;
        var x1 = counters.W1 & low32;
        var x2 = counters.W2 & low32;
        var x3 = counters.W3 & low32;
        uint k0 = key.K0, k1 = key.K1;
        for (var round = 0; round < Rounds; round++)
        {
            var p0 = WideningMultiply(x0, multiplierA);
            var p1 = WideningMultiply(x2, multiplierB);
            var y0 = Vector256.ShiftRightLogical(p1, 32) ^ x1 ^ Vector256.Create((ulong)k0);
            var y2 = Vector256.ShiftRightLogical(p0, 32) ^ x3 ^ Vector256.Create((ulong)k1);
            x1 = p1 & low32;
            x3 = p0 & low32;
            x0 = y0;
            x2 = y2;
            k0 += WeylA;
            k1 += WeylB;
        }

        return new Philox4x32Lanes(x0, x1, x2, x3);
    }

    /// <summary>Applies Philox4x32-10 to each counter of a span, four at a time where possible.</summary>
    /// <param name="counters">Input counters.</param>
    /// <param name="key">The key.</param>
    /// <param name="destination">Receives one output block per counter; must be at least as long as <paramref name="counters"/> and may be the same memory.</param>
    public static void Generate(ReadOnlySpan<Philox4x32Block> counters, Philox4x32Key key, Span<Philox4x32Block> destination)
    {
        if (destination.Length < counters.Length)
        {
            ThrowDestinationTooShort(counters.Length, destination.Length);
        }

        var i = 0;
        for (; i + 4 <= counters.Length; i += 4)
        {
            var lanes = Generate(Philox4x32Lanes.FromBlocks(counters[i], counters[i + 1], counters[i + 2], counters[i + 3]), key);
            destination[i] = lanes.GetBlock(0);
            destination[i + 1] = lanes.GetBlock(1);
            destination[i + 2] = lanes.GetBlock(2);
            destination[i + 3] = lanes.GetBlock(3);
        }

        for (; i < counters.Length; i++)
        {
            destination[i] = Generate(counters[i], key);
        }
    }

    /// <summary>Lane-wise product of the low 32 bits of each lane of <paramref name="a"/> and <paramref name="b"/>, as 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> WideningMultiply(Vector256<ulong> a, Vector256<ulong> b) =>
        Avx2.IsSupported ? Avx2.Multiply(a.AsUInt32(), b.AsUInt32()) : a * b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDestinationTooShort(int needed, int length) =>
        throw new ArgumentException($"destination holds {length} blocks but {needed} are needed.", "destination");
}
