using System.Runtime.CompilerServices;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Proofs.SpotCheck;

/// <content>Opening verification that hashes each tree node once per proof, however many openings pass through it.</content>
public static partial class SpotCheckVerifier
{
    /// <summary>Verifies one opening against the root, reusing the nodes that earlier openings of the same proof verified.</summary>
    /// <remarks>
    /// <para>The walk is <see cref="MerkleSumVerifier.Verify(MerkleSumLayout, MerkleSumRoot, MerkleSumOpening, int, out UInt128)"/>'s
    /// (RFC 9162 §2.1.3.2, with the same layout checks on the leaf and on every sibling it uses), but it stops at the first
    /// node (level, position) that a verified opening has already reached: if the hash computed here equals the one
    /// verified there, this node is committed under the root at that position, and the rest of the path (its siblings,
    /// the sums up to the root and the mass prefix above it) is the verified one. The opening must still carry exactly
    /// those remaining siblings (compared, not hashed), so the proof stays canonical. Node hashes bind their children's
    /// sums, so equal hashes mean equal sums.</para>
    /// <para>Any discrepancy (a different hash at a shared node, different remaining siblings, a path that does not reach
    /// the root) hands the opening to <see cref="MerkleSumVerifier.Verify(MerkleSumLayout, MerkleSumRoot, MerkleSumOpening, int, out UInt128)"/>,
    /// whose verdict, with its reason, is final. Cost: one leaf hash per opening plus one node hash per distinct node
    /// on the union of the paths, instead of ⌈log2 n⌉ node hashes per opening.</para>
    /// </remarks>
    private static MerkleSumCheck VerifyOpening(
        MerkleSumLayout layout, MerkleSumRoot root, MerkleSumOpening opening, int massLane, SharedPaths shared, out UInt128 massPrefix, ref long hashes)
    {
        if (!TryWalk(layout, root, opening, massLane, shared, out massPrefix, ref hashes))
        {
            var check = MerkleSumVerifier.Verify(layout, root, opening, massLane, out massPrefix);
            hashes += 1 + opening.Siblings.Count;
            return check;
        }

        return MerkleSumCheck.Valid;
    }

    /// <summary>The fast walk; false on anything it does not accept (the caller then runs the full verifier for the verdict).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryWalk(
        MerkleSumLayout layout, MerkleSumRoot root, MerkleSumOpening opening, int massLane, SharedPaths shared, out UInt128 massPrefix, ref long hashes)
    {
        massPrefix = UInt128.Zero;
        var n = root.LeafCount;
        var index = opening.LeafIndex;
        if (opening.LeafCount != n || (ulong)index >= (ulong)n || !layout.Accepts(opening.Leaf.Sums.Count, opening.Leaf.Sums.Lanes))
        {
            return false;
        }

        var laneCount = layout.LaneCount;
        Span<Int128> lanes = stackalloc Int128[laneCount];
        opening.Leaf.Sums.Lanes.CopyTo(lanes);
        var count = opening.Leaf.Sums.Count;
        var hash = MerkleSumHash.Leaf(index, opening.Leaf.PayloadHash, count, lanes);
        hashes++;
        var prefix = UInt128.Zero;
        long fn = index, sn = n - 1;
        var level = 0;
        var siblings = opening.Siblings;
        var path = shared.Path;
        path.Clear();
        for (var i = 0; i < siblings.Count; i++)
        {
            if (sn == 0)
            {
                return false;
            }

            var sibling = siblings[i];
            if (!layout.Accepts(sibling.Sums.Count, sibling.Sums.Lanes))
            {
                return false;
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
                    level++;
                }
            }
            else
            {
                next = MerkleSumHash.Node(hash, count, lanes, sibling.Hash, sibling.Sums.Count, siblingLanes);
            }

            hashes++;
            if (!MerkleSumLayout.TryAdd(count, lanes, sibling.Sums.Count, siblingLanes, out count, lanes))
            {
                return false;
            }

            hash = next;
            fn >>= 1;
            sn >>= 1;
            level++;
            var key = (level, fn);
            if (shared.Nodes.TryGetValue(key, out var known))
            {
                if (known.Hash != hash || !SameSiblings(shared.Openings[known.Opening].Siblings, known.NextSibling, siblings, i + 1))
                {
                    return false;
                }

                massPrefix = prefix + known.PrefixAbove;
                Remember(shared, opening, massPrefix);
                return true;
            }

            path.Add(new PathNode(key, hash, i + 1, prefix));
        }

        if (sn != 0 || hash != root.Hash || count != root.Sums.Count || !lanes.SequenceEqual(root.Sums.Lanes))
        {
            return false;
        }

        massPrefix = prefix;
        Remember(shared, opening, massPrefix);
        return true;
    }

    /// <summary>Records the nodes of the opening just verified (in <see cref="SharedPaths.Path"/>) with the mass prefix above each.</summary>
    private static void Remember(SharedPaths shared, MerkleSumOpening opening, UInt128 massPrefix)
    {
        var at = shared.Openings.Count;
        shared.Openings.Add(opening);
        foreach (var node in shared.Path)
        {
            shared.Nodes[node.Key] = new KnownNode(node.Hash, at, node.NextSibling, massPrefix - node.PrefixBelow);
        }
    }

    private static bool SameSiblings(IReadOnlyList<MerkleSumSibling> verified, int from, IReadOnlyList<MerkleSumSibling> candidate, int candidateFrom)
    {
        if (verified.Count - from != candidate.Count - candidateFrom)
        {
            return false;
        }

        for (int i = from, j = candidateFrom; i < verified.Count; i++, j++)
        {
            if (verified[i].Hash != candidate[j].Hash || verified[i].Sums != candidate[j].Sums)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The nodes verified so far in one proof, keyed by (level, position) in the bottom-up tree.</summary>
    private sealed class SharedPaths
    {
        public Dictionary<(int Level, long Position), KnownNode> Nodes { get; } = [];

        public List<MerkleSumOpening> Openings { get; } = [];

        public List<PathNode> Path { get; } = [];
    }

    /// <summary>A verified node: its hash, the opening that verified it, the index of the sibling above it in that opening, and the mass of everything left of it.</summary>
    private readonly record struct KnownNode(Hash256 Hash, int Opening, int NextSibling, UInt128 PrefixAbove);

    /// <summary>A node on the current walk, with the mass prefix accumulated below it.</summary>
    private readonly record struct PathNode((int Level, long Position) Key, Hash256 Hash, int NextSibling, UInt128 PrefixBelow);
}
