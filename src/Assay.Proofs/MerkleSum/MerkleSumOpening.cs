using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.MerkleSum;

/// <summary>An inclusion proof: one leaf's content and the hashes and sums of its siblings from the leaf up to the root.</summary>
/// <remarks>
/// <para>The siblings are ordered bottom-up; a level where the path node has no sibling (the last node of an odd-sized
/// level, carried up unchanged) contributes none, as in RFC 9162 §2.1.3.</para>
/// <para>Encoding (<see cref="Encode"/>): format version 1 (u8) ‖ lane count L (u8) ‖ leaf count (u64 LE) ‖ body; body =
/// leaf index (u64 LE) ‖ payload hash (32) ‖ leaf sums (8 + 16·L) ‖ sibling count s (u8, ≤ <see cref="MerkleSumTree.MaxDepth"/>)
/// ‖ s × (sibling hash (32) ‖ sibling sums (8 + 16·L)).</para>
/// </remarks>
public sealed class MerkleSumOpening
{
    /// <summary>Format version written in byte 0 of the encoding.</summary>
    public const byte FormatVersion = 1;

    private readonly MerkleSumSibling[] _siblings;

    /// <summary>Creates an opening (the siblings are copied).</summary>
    /// <exception cref="ArgumentException">There are more than <see cref="MerkleSumTree.MaxDepth"/> siblings, or a sums object is null.</exception>
    public MerkleSumOpening(long leafIndex, long leafCount, MerkleSumLeaf leaf, IEnumerable<MerkleSumSibling> siblings)
    {
        ArgumentNullException.ThrowIfNull(leaf.Sums);
        ArgumentNullException.ThrowIfNull(siblings);
        _siblings = [.. siblings];
        if (_siblings.Length > MerkleSumTree.MaxDepth || _siblings.Any(s => s.Sums is null))
        {
            throw new ArgumentException($"An opening has at most {MerkleSumTree.MaxDepth} siblings, each with sums; got {_siblings.Length}.", nameof(siblings));
        }

        LeafIndex = leafIndex;
        LeafCount = leafCount;
        Leaf = leaf;
    }

    /// <summary>Index of the opened leaf.</summary>
    public long LeafIndex { get; }

    /// <summary>Number of leaves in the tree.</summary>
    public long LeafCount { get; }

    /// <summary>The opened leaf's content.</summary>
    public MerkleSumLeaf Leaf { get; }

    /// <summary>The siblings, bottom-up.</summary>
    public IReadOnlyList<MerkleSumSibling> Siblings => _siblings;

    /// <summary>Decodes an opening for a layout (structure only; <see cref="MerkleSumVerifier"/> checks the content).</summary>
    /// <exception cref="MerkleSumFormatException">Wrong version or lane count, a truncated field, too many siblings or trailing bytes.</exception>
    public static MerkleSumOpening Decode(ReadOnlySpan<byte> source, MerkleSumLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var reader = new MerkleSumReader(source);
        ReadHeader(ref reader, layout, FormatVersion, "Opening");
        var leafCount = (long)reader.ReadUInt64("leaf count");
        var opening = ReadBody(ref reader, layout.LaneCount, leafCount);
        reader.ExpectEnd("Merkle-sum opening");
        return opening;
    }

    /// <summary>The encoding (see remarks).</summary>
    public byte[] Encode()
    {
        var laneCount = Leaf.Sums.LaneCount;
        var bytes = new byte[10 + BodyLength(laneCount)];
        bytes[0] = FormatVersion;
        bytes[1] = (byte)laneCount;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(2), (ulong)LeafCount);
        WriteBody(bytes.AsSpan(10));
        return bytes;
    }

    internal static void ReadHeader(ref MerkleSumReader reader, MerkleSumLayout layout, byte version, string what)
    {
        var actual = reader.ReadByte("version");
        if (actual != version)
        {
            throw new MerkleSumFormatException($"{what} format version (byte 0) must be {version}; got {actual}.");
        }

        var laneCount = reader.ReadByte("lane count");
        if (laneCount != layout.LaneCount)
        {
            throw new MerkleSumFormatException($"{what} lane count (byte 1) must be the layout's {layout.LaneCount}; got {laneCount}.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static MerkleSumOpening ReadBody(ref MerkleSumReader reader, int laneCount, long leafCount)
    {
        var index = (long)reader.ReadUInt64("leaf index");
        var payload = reader.ReadHash("payload hash");
        var sums = reader.ReadSums(laneCount, "leaf sums");
        var offset = reader.Position;
        var siblingCount = reader.ReadByte("sibling count");
        if (siblingCount > MerkleSumTree.MaxDepth)
        {
            throw new MerkleSumFormatException($"Sibling count at offset {offset} must be at most {MerkleSumTree.MaxDepth}; got {siblingCount}.");
        }

        var siblings = new MerkleSumSibling[siblingCount];
        for (var i = 0; i < siblingCount; i++)
        {
            var hash = reader.ReadSiblingHash(i);
            siblings[i] = new MerkleSumSibling(hash, reader.ReadSiblingSums(laneCount, i));
        }

        return new MerkleSumOpening(index, leafCount, new MerkleSumLeaf(payload, sums), siblings);
    }

    internal static int MinBodyLength(int laneCount) => 8 + Hash256.Length + LaneSums.EncodedLengthFor(laneCount) + 1;

    internal int BodyLength(int laneCount) => MinBodyLength(laneCount) + (_siblings.Length * (Hash256.Length + LaneSums.EncodedLengthFor(laneCount)));

    internal int WriteBody(Span<byte> destination)
    {
        var laneCount = Leaf.Sums.LaneCount;
        BinaryPrimitives.WriteUInt64LittleEndian(destination, (ulong)LeafIndex);
        Leaf.PayloadHash.WriteTo(destination[8..]);
        var position = 8 + Hash256.Length;
        Leaf.Sums.WriteTo(destination[position..]);
        position += Leaf.Sums.EncodedLength;
        destination[position++] = (byte)_siblings.Length;
        foreach (var sibling in _siblings)
        {
            if (sibling.Sums.LaneCount != laneCount)
            {
                throw new InvalidOperationException($"Sibling sums have {sibling.Sums.LaneCount} lanes; the leaf has {laneCount}.");
            }

            sibling.Hash.WriteTo(destination[position..]);
            position += Hash256.Length;
            sibling.Sums.WriteTo(destination[position..]);
            position += sibling.Sums.EncodedLength;
        }

        return position;
    }
}
