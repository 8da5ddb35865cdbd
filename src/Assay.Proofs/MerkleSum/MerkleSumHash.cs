using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.MerkleSum;

/// <summary>The leaf and node hashes of a Merkle-sum tree, with their domain tags and byte-exact preimages.</summary>
/// <remarks>
/// <para>Leaf preimage (48 + 16·L bytes): leaf index (u64 LE) ‖ payload hash (32 bytes) ‖ sums (count u64 LE ‖ L lanes
/// i128 LE); leaf hash = <see cref="DomainHash"/>(<see cref="LeafTag"/>, preimage). Binding the index makes a leaf
/// valid at one position only, so leaves cannot be reordered.</para>
/// <para>Node preimage (2·(40 + 16·L) bytes): left hash ‖ left sums ‖ right hash ‖ right sums; node hash =
/// DomainHash(<see cref="NodeTag"/>, preimage); the node's own sums are left + right lane by lane. The lengths fix L,
/// and distinct tags keep leaves and nodes apart.</para>
/// </remarks>
public static class MerkleSumHash
{
    /// <summary>Domain tag of leaf hashes.</summary>
    public const string LeafTag = "assay/merkle-sum-leaf/v1";

    /// <summary>Domain tag of inner-node hashes.</summary>
    public const string NodeTag = "assay/merkle-sum-node/v1";

    /// <summary>The <see cref="DomainHash"/> prefix of leaf hashes: tag length ‖ tag.</summary>
    private static readonly byte[] LeafPrefix = TagPrefix(LeafTag);

    /// <summary>The <see cref="DomainHash"/> prefix of node hashes: tag length ‖ tag.</summary>
    private static readonly byte[] NodePrefix = TagPrefix(NodeTag);

    /// <summary>Length of a leaf preimage with <paramref name="laneCount"/> lanes.</summary>
    public static int LeafPreimageLength(int laneCount) => 8 + Hash256.Length + LaneSums.EncodedLengthFor(laneCount);

    /// <summary>Length of a node preimage with <paramref name="laneCount"/> lanes.</summary>
    public static int NodePreimageLength(int laneCount) => 2 * (Hash256.Length + LaneSums.EncodedLengthFor(laneCount));

    /// <summary>The leaf preimage (see remarks).</summary>
    public static byte[] LeafPreimage(long index, MerkleSumLeaf leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf.Sums);
        var bytes = new byte[LeafPreimageLength(leaf.Sums.LaneCount)];
        WriteLeafPreimage(bytes, index, leaf.PayloadHash, leaf.Sums.Count, leaf.Sums.Lanes);
        return bytes;
    }

    /// <summary>The node preimage (see remarks).</summary>
    public static byte[] NodePreimage(MerkleSumSibling left, MerkleSumSibling right)
    {
        ArgumentNullException.ThrowIfNull(left.Sums);
        ArgumentNullException.ThrowIfNull(right.Sums);
        var bytes = new byte[Hash256.Length + left.Sums.EncodedLength + Hash256.Length + right.Sums.EncodedLength];
        var half = Hash256.Length + left.Sums.EncodedLength;
        WriteChild(bytes, left.Hash, left.Sums.Count, left.Sums.Lanes);
        WriteChild(bytes.AsSpan(half), right.Hash, right.Sums.Count, right.Sums.Lanes);
        return bytes;
    }

    /// <summary>The hash of leaf <paramref name="index"/> with this content.</summary>
    public static Hash256 Leaf(long index, MerkleSumLeaf leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf.Sums);
        return Leaf(index, leaf.PayloadHash, leaf.Sums.Count, leaf.Sums.Lanes);
    }

    /// <summary>The hash of the inner node whose children are <paramref name="left"/> and <paramref name="right"/>.</summary>
    public static Hash256 Node(MerkleSumSibling left, MerkleSumSibling right)
    {
        ArgumentNullException.ThrowIfNull(left.Sums);
        ArgumentNullException.ThrowIfNull(right.Sums);
        return Node(left.Hash, left.Sums.Count, left.Sums.Lanes, right.Hash, right.Sums.Count, right.Sums.Lanes);
    }

    /// <remarks>Hot path (one call per leaf when a tree is built): the <see cref="DomainHash"/> preimage (tag prefix ‖
    /// leaf preimage) is written to one exact-size stack buffer and hashed with one SHA-256 call.</remarks>
    internal static Hash256 Leaf(long index, Hash256 payloadHash, ulong count, ReadOnlySpan<Int128> lanes)
    {
        var prefix = LeafPrefix;
        Span<byte> buffer = stackalloc byte[prefix.Length + 8 + Hash256.Length + LaneSums.EncodedLengthFor(Math.Min(lanes.Length, MerkleSumLayout.MaxLanes))];
        prefix.CopyTo(buffer);
        WriteLeafPreimage(buffer[prefix.Length..], index, payloadHash, count, lanes);
        return Sha256(buffer);
    }

    /// <remarks>Hot path (one call per inner node): as <see cref="Leaf(long, Hash256, ulong, ReadOnlySpan{Int128})"/>,
    /// one stack buffer and one SHA-256 call.</remarks>
    internal static Hash256 Node(Hash256 leftHash, ulong leftCount, ReadOnlySpan<Int128> left, Hash256 rightHash, ulong rightCount, ReadOnlySpan<Int128> right)
    {
        var prefix = NodePrefix;
        Span<byte> buffer = stackalloc byte[prefix.Length + (2 * Hash256.Length) + LaneSums.EncodedLengthFor(Math.Min(left.Length, MerkleSumLayout.MaxLanes)) + LaneSums.EncodedLengthFor(Math.Min(right.Length, MerkleSumLayout.MaxLanes))];
        prefix.CopyTo(buffer);
        var half = prefix.Length + WriteChild(buffer[prefix.Length..], leftHash, leftCount, left);
        WriteChild(buffer[half..], rightHash, rightCount, right);
        return Sha256(buffer);
    }

    /// <summary>Length of the full SHA-256 input of a leaf hash (tag prefix ‖ leaf preimage) with <paramref name="laneCount"/> lanes.</summary>
    internal static int PrefixedLeafLength(int laneCount) => LeafPrefix.Length + LeafPreimageLength(laneCount);

    /// <summary>Length of the full SHA-256 input of a node hash (tag prefix ‖ node preimage) with <paramref name="laneCount"/> lanes.</summary>
    internal static int PrefixedNodeLength(int laneCount) => NodePrefix.Length + NodePreimageLength(laneCount);

    /// <summary>Writes the SHA-256 input of a leaf hash (tag prefix ‖ leaf preimage) to <paramref name="destination"/>.</summary>
    internal static void WritePrefixedLeaf(Span<byte> destination, long index, Hash256 payloadHash, ulong count, ReadOnlySpan<Int128> lanes)
    {
        LeafPrefix.CopyTo(destination);
        WriteLeafPreimage(destination[LeafPrefix.Length..], index, payloadHash, count, lanes);
    }

    /// <summary>Writes the SHA-256 input of a node hash (tag prefix ‖ node preimage) to <paramref name="destination"/>.</summary>
    internal static void WritePrefixedNode(Span<byte> destination, Hash256 leftHash, ulong leftCount, ReadOnlySpan<Int128> left, Hash256 rightHash, ulong rightCount, ReadOnlySpan<Int128> right)
    {
        NodePrefix.CopyTo(destination);
        var half = NodePrefix.Length + WriteChild(destination[NodePrefix.Length..], leftHash, leftCount, left);
        WriteChild(destination[half..], rightHash, rightCount, right);
    }

    private static Hash256 Sha256(ReadOnlySpan<byte> preimage)
    {
        Span<byte> digest = stackalloc byte[Hash256.Length];
        SHA256.HashData(preimage, digest);
        return new Hash256(digest);
    }

    private static byte[] TagPrefix(string tag)
    {
        var bytes = new byte[1 + Encoding.UTF8.GetByteCount(tag)];
        bytes[0] = (byte)(bytes.Length - 1);
        Encoding.UTF8.GetBytes(tag, bytes.AsSpan(1));
        return bytes;
    }

    private static int WriteLeafPreimage(Span<byte> destination, long index, Hash256 payloadHash, ulong count, ReadOnlySpan<Int128> lanes)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, (ulong)index);
        return 8 + WriteChild(destination[8..], payloadHash, count, lanes);
    }

    private static int WriteChild(Span<byte> destination, Hash256 hash, ulong count, ReadOnlySpan<Int128> lanes)
    {
        hash.WriteTo(destination);
        LaneSums.Write(destination[Hash256.Length..], count, lanes);
        return Hash256.Length + LaneSums.EncodedLengthFor(lanes.Length);
    }
}
