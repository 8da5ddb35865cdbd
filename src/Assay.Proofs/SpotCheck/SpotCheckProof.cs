using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Assay.Proofs.MerkleSum;

namespace Assay.Proofs.SpotCheck;

/// <summary>A spot-check proof: the openings of every leaf the challenge demands, in ascending leaf order, each leaf once.</summary>
/// <remarks>
/// Encoding (<see cref="Encode"/>): format version 1 (u8) ‖ lane count L (u8) ‖ leaf count n (u64 LE) ‖ opening count m
/// (u32 LE, ≤ <see cref="SpotCheckPolicy.MaxOpenings"/>) ‖ m opening bodies as in <see cref="MerkleSumOpening"/>
/// (leaf index ‖ payload hash ‖ leaf sums ‖ sibling count ‖ siblings). Size ≈ m·(49 + 16L + d·(40 + 16L)) bytes for
/// paths of d siblings.
/// </remarks>
public sealed class SpotCheckProof
{
    /// <summary>Format version written in byte 0 of the encoding.</summary>
    public const byte FormatVersion = 1;

    private readonly MerkleSumOpening[] _openings;

    /// <summary>Creates a proof from openings (copied); the verifier checks their order and content.</summary>
    /// <exception cref="ArgumentException">The lane count is outside 1 … <see cref="MerkleSumLayout.MaxLanes"/>, or there are
    /// more than <see cref="SpotCheckPolicy.MaxOpenings"/> openings, a null one, or one for a different leaf or lane count.</exception>
    public SpotCheckProof(long leafCount, int laneCount, IEnumerable<MerkleSumOpening> openings)
    {
        ArgumentNullException.ThrowIfNull(openings);
        _openings = [.. openings];
        if (laneCount is < 1 or > MerkleSumLayout.MaxLanes)
        {
            throw new ArgumentException($"laneCount must be 1 to {MerkleSumLayout.MaxLanes}; got {laneCount}.", nameof(laneCount));
        }

        if (_openings.Length > SpotCheckPolicy.MaxOpenings
            || _openings.Any(o => o is null || o.LeafCount != leafCount || o.Leaf.Sums.LaneCount != laneCount))
        {
            throw new ArgumentException($"A proof has at most {SpotCheckPolicy.MaxOpenings} non-null openings, all for {leafCount} leaves of {laneCount} lanes.", nameof(openings));
        }

        LeafCount = leafCount;
        LaneCount = laneCount;
    }

    /// <summary>Number of leaves in the tree.</summary>
    public long LeafCount { get; }

    /// <summary>Number of lanes of every sum in the proof.</summary>
    public int LaneCount { get; }

    /// <summary>The openings.</summary>
    public IReadOnlyList<MerkleSumOpening> Openings => _openings;

    /// <summary>Decodes a proof for a layout (structure only; <see cref="SpotCheckVerifier"/> checks the content).</summary>
    /// <exception cref="MerkleSumFormatException">Wrong version or lane count, a count over its limit, a truncated field or trailing bytes.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SpotCheckProof Decode(ReadOnlySpan<byte> source, MerkleSumLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var reader = new MerkleSumReader(source);
        MerkleSumOpening.ReadHeader(ref reader, layout, FormatVersion, "Spot-check proof");
        var leafCount = reader.ReadUInt64("leaf count");
        if (leafCount is 0 or > (ulong)MerkleSumTree.MaxLeafCount)
        {
            throw new MerkleSumFormatException($"Proof leaf count (bytes 2-9) must be 1 to {MerkleSumTree.MaxLeafCount}; got {leafCount}.");
        }

        var count = reader.ReadUInt32("opening count");
        var minimum = (long)count * MerkleSumOpening.MinBodyLength(layout.LaneCount);
        if (count > SpotCheckPolicy.MaxOpenings || minimum > reader.Remaining)
        {
            throw new MerkleSumFormatException($"Opening count (bytes 10-13) = {count} must be at most {SpotCheckPolicy.MaxOpenings} and fit the {reader.Remaining} remaining bytes.");
        }

        var openings = new MerkleSumOpening[count];
        for (var i = 0; i < openings.Length; i++)
        {
            openings[i] = MerkleSumOpening.ReadBody(ref reader, layout.LaneCount, (long)leafCount);
        }

        reader.ExpectEnd("Spot-check proof");
        return new SpotCheckProof((long)leafCount, layout.LaneCount, openings);
    }

    /// <summary>The encoding (see remarks).</summary>
    /// <exception cref="InvalidOperationException">A sibling's sums have a different number of lanes.</exception>
    public byte[] Encode()
    {
        var laneCount = LaneCount;
        var length = 14L;
        foreach (var opening in _openings)
        {
            length += opening.BodyLength(laneCount);
        }

        var bytes = new byte[length];
        bytes[0] = FormatVersion;
        bytes[1] = (byte)laneCount;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(2), (ulong)LeafCount);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(10), (uint)_openings.Length);
        var position = 14;
        foreach (var opening in _openings)
        {
            position += opening.WriteBody(bytes.AsSpan(position));
        }

        return bytes;
    }
}
