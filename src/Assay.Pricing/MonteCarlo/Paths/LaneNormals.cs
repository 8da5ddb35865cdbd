using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;
using Assay.Numerics.RandomNumbers;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>Standard normals for the paths held in one lane value, bit for bit <see cref="Variates.NormalFast"/> per lane.</summary>
/// <remarks>
/// <para>The Monte Carlo variate is the PPND16 inverse of the Philox uniform (<see cref="Normal.InverseCdfFast(double)"/>);
/// see docs/mc-performance.md.</para>
/// <para>Vector lanes read their normals from a per-thread block cache: a request for a step pair of four paths that
/// is not cached generates a block of consecutive step pairs for them (1 pair for a new path, doubling while the walk
/// continues, up to <see cref="MaxBlockPairs"/>) and converts the whole block with the span kernel of
/// <see cref="Normal.InverseCdfFast(ReadOnlySpan{double}, Span{double})"/>, which evaluates the logarithmic tail only
/// on full vectors of lanes that need it. The cache memoises a pure function of (seed, path, step, dimension), so
/// the bits cannot depend on it; it also serves the antithetic mirror walk, which asks for the same normals again.</para>
/// </remarks>
internal static class LaneNormals
{
    /// <summary>Largest block of step pairs generated at once (8 doubles per pair).</summary>
    private const int MaxBlockPairs = 16;

    /// <summary>Cache slots per thread: by dimension (mod 8) and by which half of an eight-path lane value.</summary>
    private const int SlotCount = 16;

    [ThreadStatic]
    private static Slot[]? t_slots;

    /// <summary>Normals of steps 2·<paramref name="stepPair"/> and 2·<paramref name="stepPair"/> + 1 for paths firstPath + lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pair<TLane>(ulong seed, ulong firstPath, uint stepPair, uint dimension, out TLane even, out TLane odd)
        where TLane : unmanaged
    {
        if (typeof(TLane) == typeof(Vector256Lane))
        {
            var normals = Quad(seed, firstPath, stepPair, dimension);
            var ev = new Vector256Lane(Vector256.Create(normals[..4]));
            var ov = new Vector256Lane(Vector256.Create(normals.Slice(4, 4)));
            even = Unsafe.As<Vector256Lane, TLane>(ref ev);
            odd = Unsafe.As<Vector256Lane, TLane>(ref ov);
        }
        else if (typeof(TLane) == typeof(Vector512Lane))
        {
            var low = Quad(seed, firstPath, stepPair, dimension);
            var e0 = Vector256.Create(low[..4]);
            var o0 = Vector256.Create(low.Slice(4, 4));
            var high = Quad(seed, firstPath + 4, stepPair, dimension);
            var ev = new Vector512Lane(Vector512.Create(e0, Vector256.Create(high[..4])));
            var ov = new Vector512Lane(Vector512.Create(o0, Vector256.Create(high.Slice(4, 4))));
            even = Unsafe.As<Vector512Lane, TLane>(ref ev);
            odd = Unsafe.As<Vector512Lane, TLane>(ref ov);
        }
        else if (typeof(TLane) == typeof(ScalarLane))
        {
            var block = Philox4x32.Generate(Variates.Counter(firstPath, 2 * stepPair, dimension), Philox4x32Key.FromSeed(seed));
            var ev = new ScalarLane(Normal.InverseCdfFast(Variates.ToUniform(block.Low64)));
            var ov = new ScalarLane(Normal.InverseCdfFast(Variates.ToUniform(block.High64)));
            even = Unsafe.As<ScalarLane, TLane>(ref ev);
            odd = Unsafe.As<ScalarLane, TLane>(ref ov);
        }
        else
        {
            throw new NotSupportedException($"No normal source for lane type {typeof(TLane).Name}.");
        }
    }

    /// <summary>The normal of step 2·<paramref name="stepPair"/> alone for paths firstPath + lane: the last step of an odd step count.</summary>
    /// <remarks>The same bits as the even half of <see cref="Pair{TLane}"/>, without converting the odd step's uniform.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLane Even<TLane>(ulong seed, ulong firstPath, uint stepPair, uint dimension)
        where TLane : unmanaged
    {
        if (typeof(TLane) == typeof(Vector256Lane))
        {
            var ev = new Vector256Lane(EvenQuad(seed, firstPath, stepPair, dimension));
            return Unsafe.As<Vector256Lane, TLane>(ref ev);
        }

        if (typeof(TLane) == typeof(Vector512Lane))
        {
            var ev = new Vector512Lane(Vector512.Create(EvenQuad(seed, firstPath, stepPair, dimension), EvenQuad(seed, firstPath + 4, stepPair, dimension)));
            return Unsafe.As<Vector512Lane, TLane>(ref ev);
        }

        if (typeof(TLane) == typeof(ScalarLane))
        {
            var ev = new ScalarLane(Variates.NormalFast(seed, firstPath, 2 * stepPair, dimension));
            return Unsafe.As<ScalarLane, TLane>(ref ev);
        }

        throw new NotSupportedException($"No normal source for lane type {typeof(TLane).Name}.");
    }

    /// <summary>The even step's normals of paths firstPath … firstPath + 3, from the cache when it holds them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> EvenQuad(ulong seed, ulong firstPath, uint stepPair, uint dimension)
    {
        var slot = SlotOf(firstPath, dimension);
        var offset = stepPair - slot.FirstPair;
        if (slot.Seed == seed && slot.FirstPath == firstPath && slot.Dimension == dimension && offset < (uint)slot.Pairs)
        {
            return Vector256.Create(new ReadOnlySpan<double>(slot.Normals, (int)offset * 8, 4));
        }

        Variates.UniformPairs(seed, firstPath, stepPair, dimension, out var even, out _);
        return Normal.InverseCdfFast(even);
    }

    /// <summary>The 8 normals of paths firstPath … firstPath + 3 at one step pair: the even step's four, then the odd step's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<double> Quad(ulong seed, ulong firstPath, uint stepPair, uint dimension)
    {
        var slot = SlotOf(firstPath, dimension);
        var offset = stepPair - slot.FirstPair;
        if (slot.Seed != seed || slot.FirstPath != firstPath || slot.Dimension != dimension || offset >= (uint)slot.Pairs)
        {
            slot.Fill(seed, firstPath, stepPair, dimension);
            offset = 0;
        }

        return new ReadOnlySpan<double>(slot.Normals, (int)offset * 8, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Slot SlotOf(ulong firstPath, uint dimension)
    {
        var slots = t_slots ??= CreateSlots();
        return slots[(int)(((dimension & 7) << 1) | (uint)((firstPath >> 2) & 1))];
    }

    private static Slot[] CreateSlots()
    {
        var slots = new Slot[SlotCount];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = new Slot();
        }

        return slots;
    }

    /// <summary>One cached block: the normals of four paths for step pairs FirstPair … FirstPair + Pairs − 1.</summary>
    private sealed class Slot
    {
        public double[] Normals { get; } = new double[MaxBlockPairs * 8];

        public ulong Seed { get; private set; }

        public ulong FirstPath { get; private set; }

        public uint Dimension { get; private set; }

        public uint FirstPair { get; private set; }

        /// <summary>Number of cached pairs; 0 when empty.</summary>
        public int Pairs { get; private set; }

        /// <summary>Generates the block that starts at <paramref name="stepPair"/>: twice the previous one when the walk continues it, else one pair.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public void Fill(ulong seed, ulong firstPath, uint stepPair, uint dimension)
        {
            var continues = Pairs > 0 && seed == Seed && firstPath == FirstPath && dimension == Dimension && stepPair == FirstPair + (uint)Pairs;
            var pairs = continues ? Math.Min(2 * Pairs, MaxBlockPairs) : 1;

            // Never run past the last step pair a 32-bit step index can address.
            pairs = (int)Math.Min((ulong)pairs, (ulong)uint.MaxValue - stepPair + 1);
            var normals = Normals.AsSpan(0, pairs * 8);
            for (var k = 0; k < pairs; k++)
            {
                Variates.UniformPairs(seed, firstPath, stepPair + (uint)k, dimension, out var even, out var odd);
                even.CopyTo(normals.Slice(k * 8, 4));
                odd.CopyTo(normals.Slice((k * 8) + 4, 4));
            }

            Normal.InverseCdfFast(normals, normals);
            Seed = seed;
            FirstPath = firstPath;
            Dimension = dimension;
            FirstPair = stepPair;
            Pairs = pairs;
        }
    }
}
