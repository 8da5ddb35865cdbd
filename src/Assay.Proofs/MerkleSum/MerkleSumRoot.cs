using System.Buffers.Binary;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.MerkleSum;

/// <summary>What a Merkle-sum tree commits to: the root hash, the number of leaves and the total sums.</summary>
/// <remarks>
/// <para>Encoding (<see cref="Encode"/>, 50 + 16·L bytes): format version 1 (u8) ‖ lane count L (u8) ‖ leaf count
/// (u64 LE) ‖ root hash (32 bytes) ‖ sums (count u64 LE ‖ L lanes i128 LE). <see cref="Digest"/> =
/// DomainHash(<see cref="RootTag"/>, encoding) is the single value a node commits to (e.g. as the result root of a
/// commit–reveal).</para>
/// <para>The root hash alone already binds the total sums (they are in the top node's preimage, or the leaf's for one
/// leaf); the leaf count is not in any hash and is bound here, by the digest.</para>
/// </remarks>
/// <param name="Hash">The hash of the top node (of the single leaf when there is one leaf).</param>
/// <param name="LeafCount">Number of leaves, 1 … <see cref="MerkleSumTree.MaxLeafCount"/>.</param>
/// <param name="Sums">The sums over all leaves.</param>
public readonly record struct MerkleSumRoot(Hash256 Hash, long LeafCount, LaneSums Sums)
{
    /// <summary>Domain tag of the root digest.</summary>
    public const string RootTag = "assay/merkle-sum-root/v1";

    /// <summary>Format version written in byte 0 of the encoding.</summary>
    public const byte FormatVersion = 1;

    /// <summary>Length of the encoding with <paramref name="laneCount"/> lanes.</summary>
    public static int EncodedLengthFor(int laneCount) => 2 + 8 + Hash256.Length + LaneSums.EncodedLengthFor(laneCount);

    /// <summary>Decodes a root for a layout and checks its sums against the layout.</summary>
    /// <exception cref="MerkleSumFormatException">Wrong length, version or lane count, a leaf count outside 1 …
    /// <see cref="MerkleSumTree.MaxLeafCount"/>, or sums that break the layout's rules.</exception>
    public static MerkleSumRoot Decode(ReadOnlySpan<byte> source, MerkleSumLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var reader = new MerkleSumReader(source);
        var version = reader.ReadByte("version");
        if (version != FormatVersion)
        {
            throw new MerkleSumFormatException($"Root format version (byte 0) must be {FormatVersion}; got {version}.");
        }

        var laneCount = reader.ReadByte("lane count");
        if (laneCount != layout.LaneCount)
        {
            throw new MerkleSumFormatException($"Root lane count (byte 1) must be the layout's {layout.LaneCount}; got {laneCount}.");
        }

        var leafCount = reader.ReadUInt64("leaf count");
        if (leafCount is 0 or > (ulong)MerkleSumTree.MaxLeafCount)
        {
            throw new MerkleSumFormatException($"Root leaf count (bytes 2-9) must be 1 to {MerkleSumTree.MaxLeafCount}; got {leafCount}.");
        }

        var hash = reader.ReadHash("root hash");
        var sums = reader.ReadSums(laneCount, "root sums");
        reader.ExpectEnd("Merkle-sum root");
        var check = layout.Check(sums, "root sums");
        if (!check.IsValid)
        {
            throw new MerkleSumFormatException(check.ToString());
        }

        return new MerkleSumRoot(hash, (long)leafCount, sums);
    }

    /// <summary>The encoding (see remarks).</summary>
    public byte[] Encode()
    {
        ArgumentNullException.ThrowIfNull(Sums);
        var bytes = new byte[EncodedLengthFor(Sums.LaneCount)];
        bytes[0] = FormatVersion;
        bytes[1] = (byte)Sums.LaneCount;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(2), (ulong)LeafCount);
        Hash.WriteTo(bytes.AsSpan(10));
        Sums.WriteTo(bytes.AsSpan(10 + Hash256.Length));
        return bytes;
    }

    /// <summary>DomainHash(<see cref="RootTag"/>, <see cref="Encode"/>()): one digest binding hash, leaf count and sums.</summary>
    public Hash256 Digest() => DomainHash.Compute(RootTag, Encode());
}
