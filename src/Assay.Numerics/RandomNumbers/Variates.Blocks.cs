using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Assay.Numerics.RandomNumbers;

/// <content>Blocks of uniforms laid out for path-parallel (lane) consumers.</content>
public static partial class Variates
{
    /// <summary>
    /// Fills <paramref name="destination"/> with the uniforms of <paramref name="groups"/> consecutive groups of four paths
    /// (from <paramref name="firstPath"/>) at <paramref name="pairs"/> consecutive step pairs (from <paramref name="firstStepPair"/>):
    /// cell (g, k) at offset 8·(g·pairs + k) holds <see cref="UniformPairs"/>(seed, firstPath + 4g, firstStepPair + k, dimension),
    /// the even step's four uniforms, then the odd step's.
    /// </summary>
    /// <param name="seed">Task seed (the Philox key).</param>
    /// <param name="firstPath">Path of lane 0 of group 0.</param>
    /// <param name="groups">Groups of four paths (≥ 0).</param>
    /// <param name="firstStepPair">Step pair of cell (g, 0).</param>
    /// <param name="pairs">Step pairs per group (≥ 0); firstStepPair + pairs − 1 must not exceed <see cref="uint.MaxValue"/>.</param>
    /// <param name="dimension">Factor index.</param>
    /// <param name="destination">Receives 8·groups·pairs uniforms; elements after them are not touched.</param>
    /// <remarks>
    /// Bit for bit <see cref="Uniform"/> per element (lane i of cell (g, k): path firstPath + 4g + i, steps 2(firstStepPair + k)
    /// and 2(firstStepPair + k) + 1). Two cells are generated at a time with interleaved Philox rounds, which is about 1.5×
    /// faster per uniform than one <see cref="UniformPairs"/> call per cell.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the step pairs run past <see cref="uint.MaxValue"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 8·groups·pairs.</exception>
    public static void FillUniformPairs(ulong seed, ulong firstPath, int groups, uint firstStepPair, int pairs, uint dimension, Span<double> destination)
    {
        CheckBlock(groups, firstStepPair, pairs, destination.Length);
        var cells = groups * pairs;
        if (cells == 0)
        {
            return;
        }

        var key = Philox4x32Key.FromSeed(seed);
        int g = 0, k = 0;
        var c = 0;
        if (Avx2.IsSupported)
        {
            Span<Vector256<ulong>> roundKeys = stackalloc Vector256<ulong>[2 * Philox4x32.Rounds];
            Philox4x32.FillRoundKeys(key, roundKeys);
            for (; c + 2 <= cells; c += 2)
            {
                var first = CellCounters(firstPath, g, firstStepPair, k, dimension);
                Next(ref g, ref k, pairs);
                var second = CellCounters(firstPath, g, firstStepPair, k, dimension);
                Next(ref g, ref k, pairs);
                Philox4x32.GenerateUnmasked(in roundKeys[0], ref first, ref second);
                var at = 8 * c;
                ToUniform(Combine(first.W0, first.W1)).CopyTo(destination.Slice(at, 4));
                ToUniform(Combine(first.W2, first.W3)).CopyTo(destination.Slice(at + 4, 4));
                ToUniform(Combine(second.W0, second.W1)).CopyTo(destination.Slice(at + 8, 4));
                ToUniform(Combine(second.W2, second.W3)).CopyTo(destination.Slice(at + 12, 4));
            }
        }

        for (; c + 2 <= cells; c += 2)
        {
            var first = CellCounters(firstPath, g, firstStepPair, k, dimension);
            Next(ref g, ref k, pairs);
            var second = CellCounters(firstPath, g, firstStepPair, k, dimension);
            Next(ref g, ref k, pairs);
            Philox4x32.Generate(first, second, key, out var a, out var b);
            var at = 8 * c;
            ToUniform(a.W0 | Vector256.ShiftLeft(a.W1, 32)).CopyTo(destination.Slice(at, 4));
            ToUniform(a.W2 | Vector256.ShiftLeft(a.W3, 32)).CopyTo(destination.Slice(at + 4, 4));
            ToUniform(b.W0 | Vector256.ShiftLeft(b.W1, 32)).CopyTo(destination.Slice(at + 8, 4));
            ToUniform(b.W2 | Vector256.ShiftLeft(b.W3, 32)).CopyTo(destination.Slice(at + 12, 4));
        }

        if (c < cells)
        {
            UniformPairs(seed, firstPath + (4 * (ulong)g), firstStepPair + (uint)k, dimension, out var even, out var odd);
            even.CopyTo(destination.Slice(8 * c, 4));
            odd.CopyTo(destination.Slice((8 * c) + 4, 4));
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with the even-step uniforms of <paramref name="groups"/> consecutive groups of four
    /// paths (from <paramref name="firstPath"/>) at one step pair: group g's four at offset 4g are the first four of
    /// <see cref="FillUniformPairs"/>' cell (g, 0), i.e. <see cref="Uniform"/>(seed, firstPath + 4g + lane, 2·stepPair, dimension).
    /// </summary>
    /// <param name="seed">Task seed (the Philox key).</param>
    /// <param name="firstPath">Path of lane 0 of group 0.</param>
    /// <param name="groups">Groups of four paths (≥ 0).</param>
    /// <param name="stepPair">Half the even step index.</param>
    /// <param name="dimension">Factor index.</param>
    /// <param name="destination">Receives 4·groups uniforms; elements after them are not touched.</param>
    /// <remarks>For one-step walks, which never use the odd step: its uniforms come from the same Philox blocks but are not converted or stored.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groups"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 4·groups.</exception>
    public static void FillEvenUniforms(ulong seed, ulong firstPath, int groups, uint stepPair, uint dimension, Span<double> destination)
    {
        if (groups < 0)
        {
            ThrowNegativeCount(groups, 1);
        }

        if ((long)groups * 4 > destination.Length)
        {
            ThrowBlockTooShort((long)groups * 4, destination.Length);
        }

        var key = Philox4x32Key.FromSeed(seed);
        var g = 0;
        if (Avx2.IsSupported)
        {
            Span<Vector256<ulong>> roundKeys = stackalloc Vector256<ulong>[2 * Philox4x32.Rounds];
            Philox4x32.FillRoundKeys(key, roundKeys);
            for (; g + 2 <= groups; g += 2)
            {
                var first = CellCounters(firstPath, g, stepPair, 0, dimension);
                var second = CellCounters(firstPath, g + 1, stepPair, 0, dimension);
                Philox4x32.GenerateUnmasked(in roundKeys[0], ref first, ref second);
                ToUniform(Combine(first.W0, first.W1)).CopyTo(destination.Slice(4 * g, 4));
                ToUniform(Combine(second.W0, second.W1)).CopyTo(destination.Slice((4 * g) + 4, 4));
            }
        }

        for (; g + 2 <= groups; g += 2)
        {
            var first = CellCounters(firstPath, g, stepPair, 0, dimension);
            var second = CellCounters(firstPath, g + 1, stepPair, 0, dimension);
            Philox4x32.Generate(first, second, key, out var a, out var b);
            ToUniform(a.W0 | Vector256.ShiftLeft(a.W1, 32)).CopyTo(destination.Slice(4 * g, 4));
            ToUniform(b.W0 | Vector256.ShiftLeft(b.W1, 32)).CopyTo(destination.Slice((4 * g) + 4, 4));
        }

        if (g < groups)
        {
            UniformPairs(seed, firstPath + (4 * (ulong)g), stepPair, dimension, out var even, out _);
            even.CopyTo(destination.Slice(4 * g, 4));
        }
    }

    /// <summary>The counters of cell (g, k): paths firstPath + 4g + lane, step pair firstStepPair + k (the layout of <see cref="Counter"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Philox4x32Lanes CellCounters(ulong firstPath, int g, uint firstStepPair, int k, uint dimension)
    {
        var paths = Vector256.Create(firstPath + (4 * (ulong)g)) + Vector256.Create(0UL, 1UL, 2UL, 3UL);
        return new Philox4x32Lanes(
            paths & Vector256.Create(0xFFFF_FFFFUL),
            Vector256.ShiftRightLogical(paths, 32),
            Vector256.Create((ulong)dimension),
            Vector256.Create((ulong)(firstStepPair + (uint)k)));
    }

    /// <summary>The 64 bits (high word ≪ 32) | low word, where the low word's lane may carry garbage above bit 31 (<see cref="Philox4x32.GenerateUnmasked"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Combine(Vector256<ulong> low, Vector256<ulong> high) =>
        (low & Vector256.Create(0xFFFF_FFFFUL)) | Vector256.ShiftLeft(high, 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Next(ref int g, ref int k, int pairs)
    {
        if (++k == pairs)
        {
            k = 0;
            g++;
        }
    }

    private static void CheckBlock(int groups, uint firstStepPair, int pairs, int length)
    {
        if (groups < 0 || pairs < 0)
        {
            ThrowNegativeCount(groups, pairs);
        }

        if (pairs > 0 && (ulong)firstStepPair + (ulong)pairs - 1 > uint.MaxValue)
        {
            ThrowPairRange(firstStepPair, pairs);
        }

        if ((long)groups * pairs * 8 > length)
        {
            ThrowBlockTooShort((long)groups * pairs * 8, length);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNegativeCount(int groups, int pairs) =>
        throw new ArgumentOutOfRangeException(groups < 0 ? "groups" : "pairs", $"groups ({groups}) and pairs ({pairs}) must be non-negative.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowPairRange(uint firstStepPair, int pairs) =>
        throw new ArgumentOutOfRangeException(
            "pairs", $"firstStepPair + pairs − 1 = {(ulong)firstStepPair + (ulong)pairs - 1} exceeds the last step pair {uint.MaxValue} (uint.MaxValue).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBlockTooShort(long needed, int length) =>
        throw new ArgumentException($"destination holds {length} elements but 8·groups·pairs = {needed} are needed.", "destination");
}
