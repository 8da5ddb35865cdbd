using Assay.Ledger.Disputes;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Node.Disputes;

/// <summary>Every node of a Merkle-sum tree (hash and sums), by level, so that a dispute player can answer any bisection step with the children of its current node.</summary>
/// <remarks>
/// <para>Level 0 holds the leaf nodes (<c>MerkleSumHash.Leaf(i, leaf)</c> and the leaf's sums); level L + 1 pairs level L's
/// nodes (0,1), (2,3), … and carries an odd last node up unchanged, exactly as <see cref="MerkleSumTree"/> builds its root,
/// so the node at level L, index i covers leaves [i·2^L, min((i + 1)·2^L, n)). Every node the bisection visits (RFC 9162
/// shape: the left child holds the largest power of two below the length) is such a node.</para>
/// <para>Memory: about 2n nodes of (32 + 8 + 16·lanes) bytes; built once per dispute in O(n) hashes.</para>
/// </remarks>
public sealed class DisputeTree
{
    private readonly MerkleSumSibling[][] _levels;

    private DisputeTree(MerkleSumSibling[][] levels, MerkleSumRoot root)
    {
        _levels = levels;
        Root = root;
    }

    /// <summary>The root the nodes were built under (the tree's commitment).</summary>
    public MerkleSumRoot Root { get; }

    /// <summary>Number of leaves.</summary>
    public long LeafCount => _levels[0].LongLength;

    /// <summary>Builds the node levels of <paramref name="tree"/>.</summary>
    public static DisputeTree Build(MerkleSumTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var level = new MerkleSumSibling[tree.LeafCount];
        for (var i = 0L; i < level.LongLength; i++)
        {
            var leaf = tree.GetLeaf(i);
            level[i] = new MerkleSumSibling(MerkleSumHash.Leaf(i, leaf), leaf.Sums);
        }

        var levels = new List<MerkleSumSibling[]> { level };
        while (level.Length > 1)
        {
            var next = new MerkleSumSibling[(level.Length + 1) / 2];
            for (var i = 0; i < level.Length / 2; i++)
            {
                var left = level[2 * i];
                var right = level[(2 * i) + 1];
                next[i] = new MerkleSumSibling(MerkleSumHash.Node(left, right), Add(left.Sums, right.Sums));
            }

            if (level.Length % 2 == 1)
            {
                next[^1] = level[^1];
            }

            levels.Add(level = next);
        }

        return new DisputeTree([.. levels], tree.Root);
    }

    /// <summary>The node over leaves [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not a node of the tree's shape.</exception>
    public MerkleSumSibling Node(ulong start, ulong length)
    {
        var n = (ulong)LeafCount;
        if (length == 0 || start >= n || length > n - start)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"[{start}, {start} + {length}) is not inside the tree's {n} leaves.");
        }

        if (!IsNode(start, length))
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {start} + {length}) is not a node of a {n}-leaf tree.");
        }

        var level = Level(length);
        return _levels[level][start >> level];
    }

    /// <summary>Whether leaves [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) are exactly the leaves of one node of the tree.</summary>
    public bool IsNode(ulong start, ulong length)
    {
        var n = (ulong)LeafCount;
        if (length == 0 || start >= n || length > n - start)
        {
            return false;
        }

        var level = Level(length);
        var index = start >> level;
        return (index << level) == start && Math.Min((index + 1) << level, n) - start == length;
    }

    /// <summary>The children of the node over [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>), length ≥ 2: the left one over <see cref="DisputeRules.LeftLength"/> leaves.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is a leaf or not a node of the tree's shape.</exception>
    public (MerkleSumSibling Left, MerkleSumSibling Right) Children(ulong start, ulong length)
    {
        if (length < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "a leaf has no children.");
        }

        var k = DisputeRules.LeftLength(length);
        return (Node(start, k), Node(start + k, length - k));
    }

    /// <summary>The move of a party whose current node (from this tree) is over the given range: the step transaction revealing its children.</summary>
    /// <param name="disputeId">The dispute.</param>
    /// <param name="step">The dispute's current step.</param>
    /// <param name="start">First leaf of the current range.</param>
    /// <param name="length">Leaves in the current range (≥ 2).</param>
    /// <param name="expected">The party's node as the ledger holds it; the move is null when this tree's node differs (not this party's tree).</param>
    public BisectionStepBody? Move(Hash256 disputeId, ulong step, ulong start, ulong length, MerkleSumSibling expected)
    {
        if (length < 2 || !IsNode(start, length))
        {
            return null;
        }

        var own = Node(start, length);
        if (own.Hash != expected.Hash || own.Sums != expected.Sums)
        {
            return null;
        }

        var (left, right) = Children(start, length);
        return new BisectionStepBody(disputeId, step, left, right);
    }

    /// <summary>The level of a node over <paramref name="length"/> leaves: ⌈log2 length⌉.</summary>
    private static int Level(ulong length)
    {
        var level = 0;
        while ((1UL << level) < length)
        {
            level++;
        }

        return level;
    }

    private static LaneSums Add(LaneSums a, LaneSums b)
    {
        var lanes = new Int128[a.LaneCount];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = a[i] + b[i];
        }

        return new LaneSums(a.Count + b.Count, lanes);
    }
}
