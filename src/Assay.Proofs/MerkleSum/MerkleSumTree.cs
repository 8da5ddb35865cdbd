using System.Runtime.CompilerServices;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.MerkleSum;

/// <summary>A Merkle-sum tree over leaves that each carry a payload hash and fixed-point lane sums: the prover's side.</summary>
/// <remarks>
/// <para>Shape: RFC 9162 §2.1.1 (the same as RFC 6962): a tree of n &gt; 1 leaves splits into a left subtree of the
/// largest power of two k &lt; n leaves and a right subtree of n − k. It is built bottom-up level by level, pairing
/// nodes (0,1), (2,3), … and carrying the last node of an odd-sized level up unchanged, which gives that shape. No
/// padding leaves, so any n ≥ 1 works and no zero leaf can be confused with a real one.</para>
/// <para>Hashes and sums are defined in <see cref="MerkleSumHash"/>; a node's sums are its children's added exactly.
/// Memory: (n + n/2 + …) × (48 + 16·L) bytes ≈ 2n(48 + 16·L).</para>
/// </remarks>
public sealed class MerkleSumTree
{
    /// <summary>Largest number of leaves (2^32, the item count limit of a fixed-point accumulator).</summary>
    public const long MaxLeafCount = 1L << 32;

    /// <summary>Largest number of siblings in an opening: ⌈log2 <see cref="MaxLeafCount"/>⌉.</summary>
    public const int MaxDepth = 32;

    private readonly MerkleSumLeaf[] _leaves;
    private readonly Hash256[][] _hashes;
    private readonly ulong[][] _counts;
    private readonly Int128[][] _lanes;

    private MerkleSumTree(MerkleSumLayout layout, MerkleSumLeaf[] leaves, Hash256[][] hashes, ulong[][] counts, Int128[][] lanes)
    {
        Layout = layout;
        _leaves = leaves;
        _hashes = hashes;
        _counts = counts;
        _lanes = lanes;
        var top = hashes.Length - 1;
        Root = new MerkleSumRoot(hashes[top][0], leaves.Length, LaneSums.Own(counts[top][0], lanes[top]));
    }

    /// <summary>The layout the leaves were checked against.</summary>
    public MerkleSumLayout Layout { get; }

    /// <summary>Number of leaves.</summary>
    public long LeafCount => _leaves.Length;

    /// <summary>The commitment: root hash, leaf count and total sums.</summary>
    public MerkleSumRoot Root { get; }

    /// <summary>Builds the tree over <paramref name="leaves"/> (leaf i at index i).</summary>
    /// <exception cref="ArgumentException">There are no leaves, or a leaf's sums break the layout's rules (the message names
    /// the leaf and the rule), or the total count exceeds 2^32.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MerkleSumTree Build(MerkleSumLayout layout, IReadOnlyList<MerkleSumLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(leaves);
        var n = leaves.Count;
        if (n == 0)
        {
            throw new ArgumentException("A Merkle-sum tree needs at least one leaf.", nameof(leaves));
        }

        var laneCount = layout.LaneCount;
        var copy = new MerkleSumLeaf[n];
        var hashes = new List<Hash256[]>();
        var counts = new List<ulong[]>();
        var lanes = new List<Int128[]>();
        var levelHashes = new Hash256[n];
        var levelCounts = new ulong[n];
        var levelLanes = new Int128[n * laneCount];

        // Leaf and node hashes go eight at a time through Sha256Lanes: one padded preimage per lane of this buffer.
        var leafLength = MerkleSumHash.PrefixedLeafLength(laneCount);
        var nodeLength = MerkleSumHash.PrefixedNodeLength(laneCount);
        var leafStride = Sha256Lanes.PaddedLength(leafLength);
        var nodeStride = Sha256Lanes.PaddedLength(nodeLength);
        var batch = new byte[Sha256Lanes.Width * Math.Max(leafStride, nodeStride)];
        Span<Hash256> digests = stackalloc Hash256[Sha256Lanes.Width];
        for (var start = 0; start < n; start += Sha256Lanes.Width)
        {
            var width = Math.Min(Sha256Lanes.Width, n - start);
            for (var j = 0; j < width; j++)
            {
                var i = start + j;
                var leaf = leaves[i];
                if (leaf.Sums is null)
                {
                    throw new ArgumentException($"Leaf {i} has no sums.", nameof(leaves));
                }

                if (!layout.Accepts(leaf.Sums.Count, leaf.Sums.Lanes))
                {
                    throw new ArgumentException(layout.Check(leaf.Sums, $"leaf {i}").ToString(), nameof(leaves));
                }

                copy[i] = leaf;
                var lane = batch.AsSpan(j * leafStride, leafStride);
                MerkleSumHash.WritePrefixedLeaf(lane, i, leaf.PayloadHash, leaf.Sums.Count, leaf.Sums.Lanes);
                Sha256Lanes.Pad(lane, leafLength);
                levelCounts[i] = leaf.Sums.Count;
                leaf.Sums.Lanes.CopyTo(levelLanes.AsSpan(i * laneCount, laneCount));
            }

            Sha256Lanes.Hash(batch, leafStride, width, digests);
            digests[..width].CopyTo(levelHashes.AsSpan(start));
        }

        hashes.Add(levelHashes);
        counts.Add(levelCounts);
        lanes.Add(levelLanes);
        var size = n;
        while (size > 1)
        {
            var next = (size + 1) / 2;
            var pairs = size / 2;
            var nextHashes = new Hash256[next];
            var nextCounts = new ulong[next];
            var nextLanes = new Int128[next * laneCount];
            for (var start = 0; start < pairs; start += Sha256Lanes.Width)
            {
                var width = Math.Min(Sha256Lanes.Width, pairs - start);
                for (var j = 0; j < width; j++)
                {
                    var i = start + j;
                    var left = 2 * i;
                    var target = nextLanes.AsSpan(i * laneCount, laneCount);
                    var leftLanes = levelLanes.AsSpan(left * laneCount, laneCount);
                    var rightLanes = levelLanes.AsSpan((left + 1) * laneCount, laneCount);
                    if (!MerkleSumLayout.TryAdd(levelCounts[left], leftLanes, levelCounts[left + 1], rightLanes, out nextCounts[i], target))
                    {
                        throw new ArgumentException($"The leaves' total count exceeds 2^32 (at level {hashes.Count}, node {i}).", nameof(leaves));
                    }

                    var lane = batch.AsSpan(j * nodeStride, nodeStride);
                    MerkleSumHash.WritePrefixedNode(lane, levelHashes[left], levelCounts[left], leftLanes, levelHashes[left + 1], levelCounts[left + 1], rightLanes);
                    Sha256Lanes.Pad(lane, nodeLength);
                }

                Sha256Lanes.Hash(batch, nodeStride, width, digests);
                digests[..width].CopyTo(nextHashes.AsSpan(start));
            }

            if (next > pairs)
            {
                // The last node of an odd-sized level is carried up unchanged.
                nextHashes[pairs] = levelHashes[size - 1];
                nextCounts[pairs] = levelCounts[size - 1];
                levelLanes.AsSpan((size - 1) * laneCount, laneCount).CopyTo(nextLanes.AsSpan(pairs * laneCount, laneCount));
            }

            hashes.Add(levelHashes = nextHashes);
            counts.Add(levelCounts = nextCounts);
            lanes.Add(levelLanes = nextLanes);
            size = next;
        }

        return new MerkleSumTree(layout, copy, [.. hashes], [.. counts], [.. lanes]);
    }

    /// <summary>The content of leaf <paramref name="index"/>.</summary>
    public MerkleSumLeaf GetLeaf(long index)
    {
        CheckIndex(index);
        return _leaves[index];
    }

    /// <summary>The opening (inclusion proof) of leaf <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, <see cref="LeafCount"/>).</exception>
    public MerkleSumOpening Open(long index)
    {
        CheckIndex(index);
        var laneCount = Layout.LaneCount;
        var siblings = new List<MerkleSumSibling>(_hashes.Length);
        var position = (int)index;
        for (var level = 0; level < _hashes.Length - 1; level++)
        {
            var sibling = position ^ 1;
            if (sibling < _hashes[level].Length)
            {
                var sums = LaneSums.Own(_counts[level][sibling], _lanes[level].AsSpan(sibling * laneCount, laneCount).ToArray());
                siblings.Add(new MerkleSumSibling(_hashes[level][sibling], sums));
            }

            position >>= 1;
        }

        return new MerkleSumOpening(index, LeafCount, _leaves[index], siblings);
    }

    /// <summary>The leaf whose interval [prefix, prefix + mass) of lane <paramref name="lane"/> contains <paramref name="target"/>.</summary>
    /// <remarks>
    /// Leaf i owns [Σ_{j&lt;i} m_j, Σ_{j≤i} m_j) where m_j is its value in the lane, so a uniform target in [0, total)
    /// picks leaf i with probability m_i / total. The search descends from the root, going left when the target is below
    /// the left child's sum and otherwise subtracting it and going right (the same as choosing left with probability
    /// left/(left + right) at every node, but exact). Leaves of zero mass own empty intervals and are never picked.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The lane is not a non-negative lane of the layout, or the target is not below the lane's total.</exception>
    public long FindByMass(int lane, UInt128 target)
    {
        if ((uint)lane >= (uint)Layout.LaneCount || !Layout.Lanes[lane].IsNonNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(lane), lane, "lane must be a non-negative lane of the layout.");
        }

        var laneCount = Layout.LaneCount;
        var top = _hashes.Length - 1;
        if (target >= (UInt128)_lanes[top][lane])
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, $"target must be below the lane's total {_lanes[top][lane]}.");
        }

        var position = 0;
        for (var level = top; level > 0; level--)
        {
            var left = 2 * position;
            var below = _lanes[level - 1];
            if (left + 1 < _hashes[level - 1].Length)
            {
                var leftMass = (UInt128)below[(left * laneCount) + lane];
                if (target >= leftMass)
                {
                    target -= leftMass;
                    left++;
                }
            }

            position = left;
        }

        return position;
    }

    private void CheckIndex(long index)
    {
        if ((ulong)index >= (ulong)_leaves.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {_leaves.Length}).");
        }
    }
}
