using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Ledger.Disputes;

/// <summary>Canonical fields shared by the dispute record and the dispute transactions: lane sums, tree nodes and roots.</summary>
/// <remarks>Sums: u64 count ‖ u32 n (1 … 32) ‖ n × i128 LE. Node: hash ‖ sums. Root: hash ‖ u64 leaf count ‖ sums (the layout of
/// <c>TaskResult</c>'s root).</remarks>
internal static class DisputeEncoding
{
    public static void WriteSums(CanonicalWriter writer, LaneSums sums)
    {
        writer.WriteUInt64(sums.Count);
        writer.WriteCount(sums.LaneCount, MerkleSumLayout.MaxLanes);
        foreach (var lane in sums.Lanes)
        {
            writer.WriteInt128(lane);
        }
    }

    public static LaneSums ReadSums(ref CanonicalReader reader)
    {
        var count = reader.ReadUInt64();
        var start = reader.Position;
        var laneCount = reader.ReadCount(MerkleSumLayout.MaxLanes, 16);
        if (laneCount == 0)
        {
            CanonicalReader.Fail(start, "at least one lane");
        }

        var lanes = new Int128[laneCount];
        for (var i = 0; i < laneCount; i++)
        {
            lanes[i] = reader.ReadInt128();
        }

        return new LaneSums(count, lanes);
    }

    public static void WriteNode(CanonicalWriter writer, MerkleSumSibling node)
    {
        writer.WriteHash(node.Hash);
        WriteSums(writer, node.Sums);
    }

    public static MerkleSumSibling ReadNode(ref CanonicalReader reader)
    {
        var hash = reader.ReadHash();
        return new MerkleSumSibling(hash, ReadSums(ref reader));
    }

    public static void WriteRoot(CanonicalWriter writer, MerkleSumRoot root)
    {
        writer.WriteHash(root.Hash);
        writer.WriteUInt64((ulong)root.LeafCount);
        WriteSums(writer, root.Sums);
    }

    public static MerkleSumRoot ReadRoot(ref CanonicalReader reader)
    {
        var hash = reader.ReadHash();
        var leafCount = reader.ReadUInt64((ulong)MerkleSumTree.MaxLeafCount);
        return new MerkleSumRoot(hash, (long)leafCount, ReadSums(ref reader));
    }

    public static bool SameNode(MerkleSumSibling a, MerkleSumSibling b) => a.Hash == b.Hash && a.Sums == b.Sums;

    public static MerkleSumSibling EmptyNode(int laneCount) => new(Hash256.Zero, LaneSums.Zero(laneCount));
}
