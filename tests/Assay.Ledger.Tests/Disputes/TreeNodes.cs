using Assay.Proofs.MerkleSum;

namespace Assay.Ledger.Tests.Disputes;

/// <summary>Internal nodes of a Merkle-sum tree, recomputed recursively from its leaves (RFC 9162 shape), independently of the ledger's rules.</summary>
internal static class TreeNodes
{
    /// <summary>The node (hash and sums) over leaves [start, start + length).</summary>
    public static MerkleSumSibling Node(MerkleSumTree tree, long start, long length)
    {
        if (length == 1)
        {
            var leaf = tree.GetLeaf(start);
            return new MerkleSumSibling(MerkleSumHash.Leaf(start, leaf), leaf.Sums);
        }

        var (left, right) = Children(tree, start, length);
        var lanes = new Int128[left.Sums.LaneCount];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = left.Sums[i] + right.Sums[i];
        }

        return new MerkleSumSibling(MerkleSumHash.Node(left, right), new LaneSums(left.Sums.Count + right.Sums.Count, lanes));
    }

    /// <summary>The two children of the node over [start, start + length), length ≥ 2: the left one holds the largest power of two below length.</summary>
    public static (MerkleSumSibling Left, MerkleSumSibling Right) Children(MerkleSumTree tree, long start, long length)
    {
        var k = 1L;
        while (2 * k < length)
        {
            k *= 2;
        }

        return (Node(tree, start, k), Node(tree, start + k, length - k));
    }

    /// <summary>A copy of <paramref name="tree"/> whose leaf <paramref name="index"/> has <paramref name="delta"/> added to its first lane (a consistent lie).</summary>
    public static MerkleSumTree Falsify(MerkleSumTree tree, long index, Int128 delta)
    {
        var leaves = new MerkleSumLeaf[tree.LeafCount];
        for (var i = 0L; i < leaves.LongLength; i++)
        {
            leaves[i] = tree.GetLeaf(i);
        }

        var lanes = leaves[index].Sums.Lanes.ToArray();
        lanes[0] += delta;
        leaves[index] = leaves[index] with { Sums = new LaneSums(leaves[index].Sums.Count, lanes) };
        return MerkleSumTree.Build(tree.Layout, leaves);
    }
}
