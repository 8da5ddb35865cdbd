using Assay.Proofs.Hashing;

namespace Assay.Proofs.MerkleSum;

/// <summary>Checks Merkle-sum roots and openings: recomputes hashes and sums from the leaf up and compares both with the root.</summary>
/// <remarks>
/// <para>Every sum the verifier is shown (root, leaf, each sibling) must obey the layout's rules (<see cref="MerkleSumLayout"/>),
/// in particular no negative value in a non-negative lane. Without that rule a prover could inflate a leaf by x and hide
/// −x in a sibling subtree that is never opened: the root total would look right while the opened leaf carried a
/// larger share of it. With the rule every sibling's mass is ≥ 0, so the leaves' intervals of a non-negative lane are
/// disjoint and lie in [0, total) exactly as the committed sums say.</para>
/// <para>The path follows RFC 9162 §2.1.3.2 (our own code): with fn = index and sn = n − 1, a sibling is on the left when
/// fn is odd or fn = sn; when fn = sn is even the node is carried up unchanged until fn is odd.</para>
/// </remarks>
public static class MerkleSumVerifier
{
    /// <summary>Checks that a root's leaf count is in range and its sums obey the layout.</summary>
    public static MerkleSumCheck CheckRoot(MerkleSumLayout layout, MerkleSumRoot root)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (root.Sums is null)
        {
            return new(MerkleSumRejection.LaneCountMismatch, "The root has no sums.");
        }

        if (root.LeafCount is < 1 or > MerkleSumTree.MaxLeafCount)
        {
            return new(MerkleSumRejection.LeafCountMismatch, $"Root leaf count = {root.LeafCount} is outside 1 … {MerkleSumTree.MaxLeafCount}.");
        }

        return layout.Check(root.Sums, "root sums");
    }

    /// <summary>Checks an opening against a root.</summary>
    public static MerkleSumCheck Verify(MerkleSumLayout layout, MerkleSumRoot root, MerkleSumOpening opening) =>
        Verify(layout, root, opening, -1, out _);

    /// <summary>Checks an opening against a root and returns the mass before the leaf in a non-negative lane.</summary>
    /// <param name="layout">The lanes and their rules.</param>
    /// <param name="root">The committed root.</param>
    /// <param name="opening">The opening to check.</param>
    /// <param name="massLane">A non-negative lane, or −1 for none.</param>
    /// <param name="massPrefix">Σ of the lane over the leaves before the opened one (the sum of the left siblings); 0 when
    /// <paramref name="massLane"/> is −1 or the check fails.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="massLane"/> is neither −1 nor a non-negative lane.</exception>
    public static MerkleSumCheck Verify(MerkleSumLayout layout, MerkleSumRoot root, MerkleSumOpening opening, int massLane, out UInt128 massPrefix)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(opening);
        massPrefix = UInt128.Zero;
        if (massLane != -1 && ((uint)massLane >= (uint)layout.LaneCount || !layout.Lanes[massLane].IsNonNegative))
        {
            throw new ArgumentOutOfRangeException(nameof(massLane), massLane, "massLane must be −1 or a non-negative lane of the layout.");
        }

        var rootCheck = CheckRoot(layout, root);
        if (!rootCheck.IsValid)
        {
            return rootCheck;
        }

        var n = root.LeafCount;
        if (opening.LeafCount != n)
        {
            return new(MerkleSumRejection.LeafCountMismatch, $"The opening is for {opening.LeafCount} leaves; the root has {n}.");
        }

        var index = opening.LeafIndex;
        if ((ulong)index >= (ulong)n)
        {
            return new(MerkleSumRejection.LeafIndexOutOfRange, $"Leaf index = {index} is outside [0, {n}).");
        }

        var leaf = opening.Leaf;
        var check = layout.Check(leaf.Sums, $"leaf {index}");
        if (!check.IsValid)
        {
            return check;
        }

        var laneCount = layout.LaneCount;
        Span<Int128> lanes = stackalloc Int128[laneCount];
        leaf.Sums.Lanes.CopyTo(lanes);
        var count = leaf.Sums.Count;
        var hash = MerkleSumHash.Leaf(index, leaf.PayloadHash, count, lanes);
        var prefix = UInt128.Zero;
        var fn = index;
        var sn = n - 1;
        var siblings = opening.Siblings;
        for (var i = 0; i < siblings.Count; i++)
        {
            if (sn == 0)
            {
                return new(MerkleSumRejection.PathLengthMismatch, $"Leaf {index} of {n} has a path of {i} siblings; the opening has {siblings.Count}.");
            }

            var sibling = siblings[i];
            check = layout.Check(sibling.Sums, $"sibling {i} of leaf {index}");
            if (!check.IsValid)
            {
                return check;
            }

            Hash256 next;
            var siblingLanes = sibling.Sums.Lanes;
            if ((fn & 1) == 1 || fn == sn)
            {
                next = MerkleSumHash.Node(sibling.Hash, sibling.Sums.Count, siblingLanes, hash, count, lanes);
                if (massLane >= 0)
                {
                    prefix += (UInt128)siblingLanes[massLane];
                }

                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                next = MerkleSumHash.Node(hash, count, lanes, sibling.Hash, sibling.Sums.Count, siblingLanes);
            }

            if (!MerkleSumLayout.TryAdd(count, lanes, sibling.Sums.Count, siblingLanes, out count, lanes))
            {
                return new(MerkleSumRejection.CountOutOfRange, $"Adding sibling {i} of leaf {index} makes the count exceed 2^32.");
            }

            hash = next;
            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return new(MerkleSumRejection.PathLengthMismatch, $"Leaf {index} of {n} needs more than the opening's {siblings.Count} siblings.");
        }

        if (hash != root.Hash)
        {
            return new(MerkleSumRejection.RootHashMismatch, $"Leaf {index}: recomputed root hash {hash} differs from the committed {root.Hash}.");
        }

        if (count != root.Sums.Count || !lanes.SequenceEqual(root.Sums.Lanes))
        {
            return new(MerkleSumRejection.RootSumsMismatch, $"Leaf {index}: recomputed root sums {LaneSums.Own(count, lanes.ToArray())} differ from the committed {root.Sums}.");
        }

        massPrefix = prefix;
        return MerkleSumCheck.Valid;
    }
}
