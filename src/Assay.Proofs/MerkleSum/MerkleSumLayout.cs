using System.Runtime.CompilerServices;
using Assay.Numerics.FixedPoint;

namespace Assay.Proofs.MerkleSum;

/// <summary>The lanes of a Merkle-sum tree and the rules every committed sum must obey.</summary>
/// <remarks>
/// <para>The layout is not hashed: the verifier takes it from the task kind, so a prover cannot choose it. Rules for
/// every sum a verifier sees (leaf, sibling, root): as many lanes as the layout; count ≤
/// <see cref="FixedPointAccumulator.MaxCount"/> = 2^32; |lane| ≤ count × 2^(MagnitudeBits + FractionBits) of the
/// lane's scale (the largest sum the lane's accumulators can reach, hence ≤ 2^126); and lane ≥ 0 where
/// the lane is declared non-negative.</para>
/// <para>Two sums that obey the rules add without overflow: the counts are checked against 2^32, and then the triangle
/// inequality keeps every lane within its bound (≤ 2^126 &lt; Int128.MaxValue).</para>
/// </remarks>
public sealed class MerkleSumLayout
{
    /// <summary>Largest number of lanes.</summary>
    public const int MaxLanes = 32;

    private readonly MerkleSumLane[] _lanes;

    /// <summary>Creates a layout from its lanes, in order.</summary>
    /// <param name="lanes">1 to <see cref="MaxLanes"/> lanes, each with a defined scale and a non-empty name.</param>
    /// <exception cref="ArgumentException">The lane list or a lane breaks those rules.</exception>
    public MerkleSumLayout(params ReadOnlySpan<MerkleSumLane> lanes)
    {
        if (lanes.Length is 0 or > MaxLanes)
        {
            throw new ArgumentException($"A layout has 1 to {MaxLanes} lanes; got {lanes.Length}.", nameof(lanes));
        }

        for (var i = 0; i < lanes.Length; i++)
        {
            if (string.IsNullOrEmpty(lanes[i].Name) || !lanes[i].Scale.IsDefined)
            {
                throw new ArgumentException($"Lane {i} needs a non-empty name and a defined FixedPointScale; got '{lanes[i].Name}', {lanes[i].Scale}.", nameof(lanes));
            }
        }

        _lanes = lanes.ToArray();
    }

    /// <summary>The lanes in order.</summary>
    public IReadOnlyList<MerkleSumLane> Lanes => _lanes;

    /// <summary>Number of lanes.</summary>
    public int LaneCount => _lanes.Length;

    /// <summary>Checks that sums obey the layout's rules (see remarks).</summary>
    /// <param name="sums">The sums to check.</param>
    /// <param name="what">Names the sums in the message, e.g. "sibling 3".</param>
    public MerkleSumCheck Check(LaneSums sums, string what)
    {
        ArgumentNullException.ThrowIfNull(sums);
        return Check(sums.Count, sums.Lanes, what);
    }

    internal MerkleSumCheck Check(ulong count, ReadOnlySpan<Int128> lanes, string what)
    {
        if (lanes.Length != _lanes.Length)
        {
            return new(MerkleSumRejection.LaneCountMismatch, $"{what} has {lanes.Length} lanes; the layout has {_lanes.Length}.");
        }

        if (count > FixedPointAccumulator.MaxCount)
        {
            return new(MerkleSumRejection.CountOutOfRange, $"{what} count = {count} exceeds 2^32 = {FixedPointAccumulator.MaxCount}.");
        }

        for (var i = 0; i < lanes.Length; i++)
        {
            var lane = _lanes[i];
            var value = lanes[i];
            if (lane.IsNonNegative && value < Int128.Zero)
            {
                return new(MerkleSumRejection.NegativeMass, $"{what} lane {i} ({lane.Name}) = {value} is negative; the lane is declared non-negative.");
            }

            // count ≤ 2^32 and MagnitudeBits + FractionBits = 94, so the bound is at most 2^126 and fits UInt128.
            var bound = (UInt128)count << (lane.Scale.MagnitudeBits + lane.Scale.FractionBits);
            var magnitude = value == Int128.MinValue ? UInt128.MaxValue : (UInt128)(value < Int128.Zero ? -value : value);
            if (magnitude > bound)
            {
                return new(MerkleSumRejection.LaneOutOfRange, $"{what} lane {i} ({lane.Name}) = {value} exceeds count × 2^{lane.Scale.MagnitudeBits + lane.Scale.FractionBits} = {bound} in magnitude.");
            }
        }

        return MerkleSumCheck.Valid;
    }

    /// <summary>Whether sums obey the layout's rules: <see cref="Check(ulong, ReadOnlySpan{Int128}, string)"/> without building a message (hot paths; call Check for the reason).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool Accepts(ulong count, ReadOnlySpan<Int128> lanes)
    {
        if (lanes.Length != _lanes.Length || count > FixedPointAccumulator.MaxCount)
        {
            return false;
        }

        for (var i = 0; i < lanes.Length; i++)
        {
            var lane = _lanes[i];
            var value = lanes[i];
            if (value < Int128.Zero && (lane.IsNonNegative || value == Int128.MinValue))
            {
                return false;
            }

            var magnitude = (UInt128)(value < Int128.Zero ? -value : value);
            if (magnitude > ((UInt128)count << (lane.Scale.MagnitudeBits + lane.Scale.FractionBits)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>left + right into <paramref name="lanes"/> (which may alias either operand); both operands obey the rules.</summary>
    internal static bool TryAdd(ulong leftCount, ReadOnlySpan<Int128> left, ulong rightCount, ReadOnlySpan<Int128> right, out ulong count, Span<Int128> lanes)
    {
        // Each count is ≤ 2^32, so the ulong sum cannot wrap.
        count = leftCount + rightCount;
        if (count > FixedPointAccumulator.MaxCount)
        {
            return false;
        }

        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = left[i] + right[i];
        }

        return true;
    }
}
