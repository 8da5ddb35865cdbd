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
/// <para>Vector lanes read their normals from a per-thread block cache (one slot per dimension). A request that misses
/// generates a block of (group of four paths, step pair) cells and converts it whole with the span kernel of
/// <see cref="Normal.InverseCdfFast(ReadOnlySpan{double}, Span{double})"/>, which evaluates the logarithmic tail only on
/// full vectors of lanes that need it. The block's shape follows the walk: when a walk runs past its block, the next
/// pairs of the same paths (twice as many, up to <see cref="MaxBlockPairs"/> cells); when a walk starts, as many pairs
/// as the previous walk used and as many consecutive path groups as fit, so that one-step walks convert 128
/// groups (512 paths) at once. The cache memoises a pure function of (seed, path, step, dimension), so the bits cannot depend on
/// it; it also serves the antithetic mirror walk, which asks for the same normals again.</para>
/// </remarks>
internal static class LaneNormals
{
    /// <summary>Largest block generated at once, in (path group of four, step pair) cells of 8 doubles.</summary>
    private const int MaxBlockPairs = 128;

    /// <summary>Cache slots per thread, one per dimension (mod this count).</summary>
    private const int SlotCount = 8;

    [ThreadStatic]
    private static Slot[]? t_slots;

    /// <summary>The calling thread's cache slot of <paramref name="dimension"/> for lane type <typeparamref name="TLane"/> (null for scalar lanes, which do not use the cache).</summary>
    /// <remarks>
    /// A walk looks its slots up once and passes them to the overloads that take one, instead of a thread-static lookup
    /// per step pair. The slot belongs to the calling thread: do not keep it across threads.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Slot? SlotFor<TLane>(uint dimension)
        where TLane : unmanaged =>
        typeof(TLane) == typeof(ScalarLane) ? null : SlotOf(dimension);

    /// <summary>Normals of steps 2·<paramref name="stepPair"/> and 2·<paramref name="stepPair"/> + 1 for paths firstPath + lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pair<TLane>(ulong seed, ulong firstPath, uint stepPair, uint dimension, out TLane even, out TLane odd)
        where TLane : unmanaged =>
        Pair(SlotFor<TLane>(dimension), seed, firstPath, stepPair, dimension, out even, out odd);

    /// <summary>As <see cref="Pair{TLane}(ulong, ulong, uint, uint, out TLane, out TLane)"/>, with the slot of <see cref="SlotFor{TLane}"/>(<paramref name="dimension"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pair<TLane>(Slot? slot, ulong seed, ulong firstPath, uint stepPair, uint dimension, out TLane even, out TLane odd)
        where TLane : unmanaged
    {
        if (typeof(TLane) == typeof(Vector256Lane))
        {
            var normals = Quad(slot!, seed, firstPath, stepPair, dimension);
            var ev = new Vector256Lane(Vector256.Create(normals[..4]));
            var ov = new Vector256Lane(Vector256.Create(normals.Slice(4, 4)));
            even = Unsafe.As<Vector256Lane, TLane>(ref ev);
            odd = Unsafe.As<Vector256Lane, TLane>(ref ov);
        }
        else if (typeof(TLane) == typeof(Vector512Lane))
        {
            var low = Quad(slot!, seed, firstPath, stepPair, dimension, minGroups: 2);
            var e0 = Vector256.Create(low[..4]);
            var o0 = Vector256.Create(low.Slice(4, 4));
            var high = Quad(slot!, seed, firstPath + 4, stepPair, dimension, minGroups: 2, track: false);
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

    /// <summary>The normals of step 2·<paramref name="stepPair"/> alone (the even half of <see cref="Pair{TLane}(ulong, ulong, uint, uint, out TLane, out TLane)"/>, the same bits), for one-step walks.</summary>
    /// <remarks>
    /// Vector lanes read a block of 128 path groups whose odd-step normals are not computed: a one-step walk never
    /// uses them, and converting them was a third of its variate cost. One Philox block holds both steps, so the odd bits
    /// are generated all the same, but not converted to uniforms (<see cref="Variates.FillEvenUniforms"/>).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Even<TLane>(Slot? slot, ulong seed, ulong firstPath, uint stepPair, uint dimension, out TLane even)
        where TLane : unmanaged
    {
        if (typeof(TLane) == typeof(Vector256Lane))
        {
            var ev = new Vector256Lane(Vector256.Create(EvenQuad(slot!, seed, firstPath, stepPair, dimension)));
            even = Unsafe.As<Vector256Lane, TLane>(ref ev);
        }
        else if (typeof(TLane) == typeof(Vector512Lane))
        {
            var low = Vector256.Create(EvenQuad(slot!, seed, firstPath, stepPair, dimension));
            var ev = new Vector512Lane(Vector512.Create(low, Vector256.Create(EvenQuad(slot!, seed, firstPath + 4, stepPair, dimension, track: false))));
            even = Unsafe.As<Vector512Lane, TLane>(ref ev);
        }
        else if (typeof(TLane) == typeof(ScalarLane))
        {
            var block = Philox4x32.Generate(Variates.Counter(firstPath, 2 * stepPair, dimension), Philox4x32Key.FromSeed(seed));
            var ev = new ScalarLane(Normal.InverseCdfFast(Variates.ToUniform(block.Low64)));
            even = Unsafe.As<ScalarLane, TLane>(ref ev);
        }
        else
        {
            throw new NotSupportedException($"No normal source for lane type {typeof(TLane).Name}.");
        }
    }

    /// <summary>
    /// As <see cref="Pair{TLane}(ulong, ulong, uint, uint, out TLane, out TLane)"/>, and the uniforms U = <see cref="Variates.Uniform"/> of the same addresses, from which
    /// the normals are Z = <see cref="Normal.InverseCdfFast(double)"/>(U) (one generation serves both).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PairWithUniforms<TLane>(
        ulong seed, ulong firstPath, uint stepPair, uint dimension, out TLane uniformEven, out TLane uniformOdd, out TLane even, out TLane odd)
        where TLane : unmanaged =>
        PairWithUniforms(SlotFor<TLane>(dimension), seed, firstPath, stepPair, dimension, out uniformEven, out uniformOdd, out even, out odd);

    /// <summary>As <see cref="PairWithUniforms{TLane}(ulong, ulong, uint, uint, out TLane, out TLane, out TLane, out TLane)"/>, with the slot of <see cref="SlotFor{TLane}"/>(<paramref name="dimension"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PairWithUniforms<TLane>(
        Slot? slot, ulong seed, ulong firstPath, uint stepPair, uint dimension, out TLane uniformEven, out TLane uniformOdd, out TLane even, out TLane odd)
        where TLane : unmanaged
    {
        if (typeof(TLane) == typeof(Vector256Lane))
        {
            var normals = QuadWithUniforms(slot!, seed, firstPath, stepPair, dimension, out var uniforms);
            var ue = new Vector256Lane(Vector256.Create(uniforms[..4]));
            var uo = new Vector256Lane(Vector256.Create(uniforms.Slice(4, 4)));
            var ev = new Vector256Lane(Vector256.Create(normals[..4]));
            var ov = new Vector256Lane(Vector256.Create(normals.Slice(4, 4)));
            uniformEven = Unsafe.As<Vector256Lane, TLane>(ref ue);
            uniformOdd = Unsafe.As<Vector256Lane, TLane>(ref uo);
            even = Unsafe.As<Vector256Lane, TLane>(ref ev);
            odd = Unsafe.As<Vector256Lane, TLane>(ref ov);
        }
        else if (typeof(TLane) == typeof(Vector512Lane))
        {
            var low = QuadWithUniforms(slot!, seed, firstPath, stepPair, dimension, out var lowUniforms, minGroups: 2);
            var ue0 = Vector256.Create(lowUniforms[..4]);
            var uo0 = Vector256.Create(lowUniforms.Slice(4, 4));
            var e0 = Vector256.Create(low[..4]);
            var o0 = Vector256.Create(low.Slice(4, 4));
            var high = QuadWithUniforms(slot!, seed, firstPath + 4, stepPair, dimension, out var highUniforms, minGroups: 2, track: false);
            var ue = new Vector512Lane(Vector512.Create(ue0, Vector256.Create(highUniforms[..4])));
            var uo = new Vector512Lane(Vector512.Create(uo0, Vector256.Create(highUniforms.Slice(4, 4))));
            var ev = new Vector512Lane(Vector512.Create(e0, Vector256.Create(high[..4])));
            var ov = new Vector512Lane(Vector512.Create(o0, Vector256.Create(high.Slice(4, 4))));
            uniformEven = Unsafe.As<Vector512Lane, TLane>(ref ue);
            uniformOdd = Unsafe.As<Vector512Lane, TLane>(ref uo);
            even = Unsafe.As<Vector512Lane, TLane>(ref ev);
            odd = Unsafe.As<Vector512Lane, TLane>(ref ov);
        }
        else if (typeof(TLane) == typeof(ScalarLane))
        {
            var block = Philox4x32.Generate(Variates.Counter(firstPath, 2 * stepPair, dimension), Philox4x32Key.FromSeed(seed));
            var e = Variates.ToUniform(block.Low64);
            var o = Variates.ToUniform(block.High64);
            var ue = new ScalarLane(e);
            var uo = new ScalarLane(o);
            var ev = new ScalarLane(Normal.InverseCdfFast(e));
            var ov = new ScalarLane(Normal.InverseCdfFast(o));
            uniformEven = Unsafe.As<ScalarLane, TLane>(ref ue);
            uniformOdd = Unsafe.As<ScalarLane, TLane>(ref uo);
            even = Unsafe.As<ScalarLane, TLane>(ref ev);
            odd = Unsafe.As<ScalarLane, TLane>(ref ov);
        }
        else
        {
            throw new NotSupportedException($"No normal source for lane type {typeof(TLane).Name}.");
        }
    }

    /// <summary>The 8 normals of paths firstPath … firstPath + 3 at one step pair: the even step's four, then the odd step's.</summary>
    /// <param name="slot">The cache slot of <paramref name="dimension"/> on this thread.</param>
    /// <param name="seed">Task seed.</param>
    /// <param name="firstPath">Variate path of lane 0 (a multiple of 4 within a batch's vector loop).</param>
    /// <param name="stepPair">Step pair.</param>
    /// <param name="dimension">Factor.</param>
    /// <param name="minGroups">Path groups of four that one lane value spans (1 for Vector256, 2 for Vector512), so that a block holds them all.</param>
    /// <param name="track">Count the request in the walk-length estimate (false for the second half of an eight-path lane value).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<double> Quad(Slot slot, ulong seed, ulong firstPath, uint stepPair, uint dimension, int minGroups = 1, bool track = true)
    {
        var index = slot.IndexOf(seed, firstPath, stepPair, dimension, track);
        if (index < 0)
        {
            index = slot.Fill(seed, firstPath, stepPair, dimension, minGroups);
        }

        return new ReadOnlySpan<double>(slot.Normals, index, 8);
    }

    /// <summary>The 4 even-step normals of paths firstPath … firstPath + 3 at one step pair, from an even-only block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<double> EvenQuad(Slot slot, ulong seed, ulong firstPath, uint stepPair, uint dimension, bool track = true)
    {
        var index = slot.IndexOfEven(seed, firstPath, stepPair, dimension, track);
        if (index < 0)
        {
            index = slot.FillEven(seed, firstPath, stepPair, dimension);
        }

        return new ReadOnlySpan<double>(slot.Normals, index, 4);
    }

    /// <summary>As <see cref="Quad"/>, and the 8 uniforms the normals were computed from (the same order) in <paramref name="uniforms"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<double> QuadWithUniforms(
        Slot slot, ulong seed, ulong firstPath, uint stepPair, uint dimension, out ReadOnlySpan<double> uniforms, int minGroups = 1, bool track = true)
    {
        var index = slot.IndexOf(seed, firstPath, stepPair, dimension, track);
        if (index < 0)
        {
            index = slot.Fill(seed, firstPath, stepPair, dimension, minGroups);
        }

        uniforms = new ReadOnlySpan<double>(slot.Uniforms, index, 8);
        return new ReadOnlySpan<double>(slot.Normals, index, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Slot SlotOf(uint dimension)
    {
        var slots = t_slots ??= CreateSlots();
        return slots[(int)(dimension % SlotCount)];
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

    /// <summary>
    /// One cached block: the normals of <see cref="_groups"/> consecutive groups of four paths (from
    /// <see cref="_firstPath"/>) at <see cref="_pairs"/> consecutive step pairs (from <see cref="_firstPair"/>), group
    /// by group, 8 doubles per (group, pair).
    /// </summary>
    internal sealed class Slot
    {
        private ulong _seed;
        private uint _dimension;
        private ulong _firstPath;
        private int _groups;
        private uint _firstPair;
        private int _pairs;

        /// <summary>Whether the block holds even-step normals only (<see cref="FillEven"/>: 4 per group, no uniforms kept).</summary>
        private bool _evenOnly;

        /// <summary>Step pairs the current walk has asked for so far (a walk starts at pair 0).</summary>
        private int _walkPairs;

        /// <summary>Step pairs the previous walk asked for: the shape of the next block.</summary>
        private int _previousWalkPairs;

        public double[] Normals { get; } = new double[MaxBlockPairs * 8];

        /// <summary>The uniforms <see cref="Normals"/> were computed from, at the same offsets.</summary>
        public double[] Uniforms { get; } = new double[MaxBlockPairs * 8];

        /// <summary>The offset of the 8 normals of (path group at firstPath, stepPair) in <see cref="Normals"/>, or −1 when not cached.</summary>
        /// <remarks>With <paramref name="track"/>, also notes how far the current walk has gone (a request for pair 0 starts a walk).</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int IndexOf(ulong seed, ulong firstPath, uint stepPair, uint dimension, bool track)
        {
            if (track)
            {
                Track(stepPair);
            }

            var pathOffset = firstPath - _firstPath;
            var pairOffset = stepPair - _firstPair;
            if (seed != _seed || dimension != _dimension || _evenOnly || (pathOffset & 3) != 0 || pathOffset >= 4 * (ulong)_groups || pairOffset >= (uint)_pairs)
            {
                return -1;
            }

            return ((((int)(pathOffset >> 2)) * _pairs) + (int)pairOffset) * 8;
        }

        /// <summary>The offset of the 4 even-step normals of (path group at firstPath, stepPair) in an even-only block, or −1 when not cached.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int IndexOfEven(ulong seed, ulong firstPath, uint stepPair, uint dimension, bool track)
        {
            if (track)
            {
                Track(stepPair);
            }

            var pathOffset = firstPath - _firstPath;
            if (seed != _seed || dimension != _dimension || !_evenOnly || stepPair != _firstPair || (pathOffset & 3) != 0 || pathOffset >= 4 * (ulong)_groups)
            {
                return -1;
            }

            return ((int)(pathOffset >> 2)) * 4;
        }

        /// <summary>Generates an even-only block: the even-step normals of <see cref="MaxBlockPairs"/> path groups from firstPath at one step pair, 4 doubles per group.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public int FillEven(ulong seed, ulong firstPath, uint stepPair, uint dimension)
        {
            const int groups = MaxBlockPairs;
            var uniforms = Uniforms.AsSpan(0, groups * 4);
            Variates.FillEvenUniforms(seed, firstPath, groups, stepPair, dimension, uniforms);
            Normal.InverseCdfFast(uniforms, Normals.AsSpan(0, groups * 4));
            _seed = seed;
            _dimension = dimension;
            _firstPath = firstPath;
            _groups = groups;
            _firstPair = stepPair;
            _pairs = 1;
            _evenOnly = true;
            return 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Track(uint stepPair)
        {
            if (stepPair == 0)
            {
                _previousWalkPairs = _walkPairs;
                _walkPairs = 1;
            }
            else if (stepPair >= (uint)_walkPairs)
            {
                _walkPairs = (int)Math.Min(stepPair + 1, (uint)MaxBlockPairs);
            }
        }

        /// <summary>Generates the block holding (firstPath, stepPair) and returns the offset of its 8 normals.</summary>
        /// <remarks>
        /// Shape: the next pairs of the same paths when a walk runs past the block (twice as many pairs); at the start
        /// of a walk, as many pairs as the previous walk used and as many path groups as fit (so one-step walks fill
        /// whole blocks of paths); otherwise one pair of <paramref name="minGroups"/> groups.
        /// </remarks>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public int Fill(ulong seed, ulong firstPath, uint stepPair, uint dimension, int minGroups)
        {
            int groups, pairs;
            if (_groups > 0 && seed == _seed && dimension == _dimension && firstPath == _firstPath && stepPair == _firstPair + (uint)_pairs)
            {
                groups = _groups;
                pairs = Math.Max(1, Math.Min(2 * _pairs, MaxBlockPairs / groups));
            }
            else if (stepPair == 0)
            {
                pairs = Math.Clamp(_previousWalkPairs, 1, MaxBlockPairs / minGroups);
                groups = MaxBlockPairs / pairs;
            }
            else
            {
                groups = minGroups;
                pairs = 1;
            }

            // Never run past the last step pair a 32-bit step index can address.
            pairs = (int)Math.Min((ulong)pairs, (ulong)uint.MaxValue - stepPair + 1);
            var uniforms = Uniforms.AsSpan(0, groups * pairs * 8);
            var normals = Normals.AsSpan(0, groups * pairs * 8);
            Variates.FillUniformPairs(seed, firstPath, groups, stepPair, pairs, dimension, uniforms);
            Normal.InverseCdfFast(uniforms, normals);
            _seed = seed;
            _dimension = dimension;
            _firstPath = firstPath;
            _groups = groups;
            _firstPair = stepPair;
            _pairs = pairs;
            _evenOnly = false;
            return 0;
        }
    }
}
