using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Numerics.RandomNumbers;

/// <summary>Four Philox4x32 blocks in structure-of-arrays form: one <see cref="Vector256{T}"/> per word.</summary>
/// <remarks>
/// Lane <c>i</c> of <see cref="W0"/> … <see cref="W3"/> holds word 0 … 3 of block <c>i</c> in its low 32 bits.
/// The generator ignores the high 32 bits of its input lanes and returns them as zero.
/// </remarks>
/// <param name="w0">Word 0 of the four blocks.</param>
/// <param name="w1">Word 1 of the four blocks.</param>
/// <param name="w2">Word 2 of the four blocks.</param>
/// <param name="w3">Word 3 of the four blocks.</param>
[method: MethodImpl(MethodImplOptions.AggressiveInlining)]
public readonly struct Philox4x32Lanes(Vector256<ulong> w0, Vector256<ulong> w1, Vector256<ulong> w2, Vector256<ulong> w3)
{
    /// <summary>Word 0 of each of the four blocks (low 32 bits of each lane).</summary>
    public Vector256<ulong> W0 { get; } = w0;

    /// <summary>Word 1 of each of the four blocks (low 32 bits of each lane).</summary>
    public Vector256<ulong> W1 { get; } = w1;

    /// <summary>Word 2 of each of the four blocks (low 32 bits of each lane).</summary>
    public Vector256<ulong> W2 { get; } = w2;

    /// <summary>Word 3 of each of the four blocks (low 32 bits of each lane).</summary>
    public Vector256<ulong> W3 { get; } = w3;

    /// <summary>Packs four blocks into lanes 0 … 3.</summary>
    public static Philox4x32Lanes FromBlocks(Philox4x32Block b0, Philox4x32Block b1, Philox4x32Block b2, Philox4x32Block b3) =>
        new(
            Vector256.Create(b0.W0, b1.W0, b2.W0, (ulong)b3.W0),
            Vector256.Create(b0.W1, b1.W1, b2.W1, (ulong)b3.W1),
            Vector256.Create(b0.W2, b1.W2, b2.W2, (ulong)b3.W2),
            Vector256.Create(b0.W3, b1.W3, b2.W3, (ulong)b3.W3));

    /// <summary>The block held in one lane.</summary>
    /// <param name="lane">Lane index, 0 to 3.</param>
    public Philox4x32Block GetBlock(int lane)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lane);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lane, 3);
        return new Philox4x32Block(
            (uint)W0.GetElement(lane), (uint)W1.GetElement(lane), (uint)W2.GetElement(lane), (uint)W3.GetElement(lane));
    }
}
