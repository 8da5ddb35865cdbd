using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using static Assay.Proofs.Tests.MerkleSum.MerkleSumTestData;

namespace Assay.Proofs.Tests.MerkleSum;

/// <summary>Tree laws (every opening verifies, sums are exact, shape is RFC 9162's) and every tampering with an opening is caught.</summary>
public class MerkleSumTreeTests
{
    private const int Seed = 20240604;

    [Fact]
    public void Every_opening_of_random_trees_verifies_and_the_root_sums_are_the_exact_totals()
    {
        var random = new Random(Seed);
        foreach (var n in Enumerable.Range(1, 33).Concat([63, 64, 65, 100]))
        {
            var leaves = RandomLeaves(random, n);
            var tree = MerkleSumTree.Build(Layout, leaves);
            Assert.True(Total(leaves) == tree.Root.Sums, $"seed {Seed}, n {n}: root sums {tree.Root.Sums} differ from the total");
            Assert.True(new ForgedTree(leaves).Root == tree.Root, $"seed {Seed}, n {n}: bottom-up tree differs from the recursive RFC 9162 split");
            var prefix = UInt128.Zero;
            for (var i = 0; i < n; i++)
            {
                var opening = tree.Open(i);
                var check = MerkleSumVerifier.Verify(Layout, tree.Root, opening, MassLane, out var massPrefix);
                Assert.True(check.IsValid, $"seed {Seed}, n {n}, leaf {i}: {check}");
                Assert.True(prefix == massPrefix, $"seed {Seed}, n {n}, leaf {i}: mass prefix {massPrefix}, expected {prefix}");
                Assert.True(opening.Siblings.Count <= 64 - (int)ulong.LeadingZeroCount((ulong)n - 1), $"seed {Seed}, n {n}, leaf {i}: path too long");
                prefix += (UInt128)leaves[i].Sums[MassLane];
            }
        }
    }

    [Fact]
    public void Mass_search_matches_a_linear_scan_of_the_cumulative_sums()
    {
        var random = new Random(Seed + 1);
        for (var trial = 0; trial < 30; trial++)
        {
            var n = random.Next(1, 50);
            var leaves = RandomLeaves(random, n);
            foreach (var zero in Enumerable.Range(0, n).Where(_ => random.Next(4) == 0))
            {
                leaves[zero] = leaves[zero] with { Sums = WithLane(leaves[zero].Sums, MassLane, Int128.Zero) };
            }

            if (leaves.All(l => l.Sums[MassLane] == Int128.Zero))
            {
                continue;
            }

            var tree = MerkleSumTree.Build(Layout, leaves);
            var total = (UInt128)tree.Root.Sums[MassLane];
            var probes = new List<UInt128> { UInt128.Zero, total - UInt128.One };
            var acc = UInt128.Zero;
            foreach (var leaf in leaves)
            {
                acc += (UInt128)leaf.Sums[MassLane];
                probes.Add(acc - UInt128.One);
                if (acc < total)
                {
                    probes.Add(acc);
                }
            }

            foreach (var target in probes.Where(p => p < total))
            {
                long expected = 0;
                var start = UInt128.Zero;
                while (target >= start + (UInt128)leaves[expected].Sums[MassLane])
                {
                    start += (UInt128)leaves[expected++].Sums[MassLane];
                }

                Assert.True(expected == tree.FindByMass(MassLane, target), $"seed {Seed + 1}, trial {trial}, n {n}, target {target}");
            }
        }
    }

    [Fact]
    public void A_changed_leaf_fails_the_root_hash()
    {
        var (tree, leaves) = Sample(9);
        var opening = tree.Open(5);
        var payload = Tampered(opening, opening.Leaf with { PayloadHash = leaves[4].PayloadHash });
        var lane = Tampered(opening, opening.Leaf with { Sums = WithLane(opening.Leaf.Sums, 0, opening.Leaf.Sums[0] + 1) });
        var count = Tampered(opening, opening.Leaf with { Sums = new LaneSums(opening.Leaf.Sums.Count + 1, opening.Leaf.Sums.Lanes) });
        foreach (var bad in new[] { payload, lane, count })
        {
            Assert.Equal(MerkleSumRejection.RootHashMismatch, MerkleSumVerifier.Verify(Layout, tree.Root, bad).Rejection);
        }
    }

    [Fact]
    public void A_leaf_opened_at_another_index_fails_so_leaves_cannot_be_reordered()
    {
        var (tree, _) = Sample(8);
        var opening = tree.Open(2);
        var moved = new MerkleSumOpening(3, 8, opening.Leaf, tree.Open(3).Siblings);
        Assert.Equal(MerkleSumRejection.RootHashMismatch, MerkleSumVerifier.Verify(Layout, tree.Root, moved).Rejection);
        var leaves = Enumerable.Range(0, 8).Select(i => tree.GetLeaf(i)).ToArray();
        (leaves[2], leaves[3]) = (leaves[3], leaves[2]);
        Assert.NotEqual(tree.Root.Hash, MerkleSumTree.Build(Layout, leaves).Root.Hash);
        Assert.Equal(tree.Root.Sums, MerkleSumTree.Build(Layout, leaves).Root.Sums);
    }

    [Fact]
    public void A_wrong_sibling_hash_or_inflated_sibling_sum_fails()
    {
        var (tree, _) = Sample(11);
        var opening = tree.Open(6);
        for (var s = 0; s < opening.Siblings.Count; s++)
        {
            var sibling = opening.Siblings[s];
            var wrongHash = WithSibling(opening, s, sibling with { Hash = DomainHash.Compute("assay/test/v1", "x"u8) });
            var inflated = WithSibling(opening, s, sibling with { Sums = WithLane(sibling.Sums, MassLane, sibling.Sums[MassLane] + 1) });
            Assert.Equal(MerkleSumRejection.RootHashMismatch, MerkleSumVerifier.Verify(Layout, tree.Root, wrongHash).Rejection);
            Assert.Equal(MerkleSumRejection.RootHashMismatch, MerkleSumVerifier.Verify(Layout, tree.Root, inflated).Rejection);
        }
    }

    [Fact]
    public void A_wrong_root_is_refused()
    {
        var (tree, _) = Sample(6);
        var (other, _) = Sample(6, Seed + 7);
        var opening = tree.Open(1);
        var root = tree.Root;
        Assert.Equal(MerkleSumRejection.RootHashMismatch, MerkleSumVerifier.Verify(Layout, other.Root, opening).Rejection);
        var inflated = root with { Sums = WithLane(root.Sums, MassLane, root.Sums[MassLane] + 1) };
        Assert.Equal(MerkleSumRejection.RootSumsMismatch, MerkleSumVerifier.Verify(Layout, inflated, opening).Rejection);
        Assert.Equal(MerkleSumRejection.LeafCountMismatch, MerkleSumVerifier.Verify(Layout, root with { LeafCount = 7 }, opening).Rejection);
        Assert.Equal(MerkleSumRejection.LeafCountMismatch, MerkleSumVerifier.Verify(Layout, root with { LeafCount = 0 }, opening).Rejection);
    }

    [Fact]
    public void Paths_of_the_wrong_length_and_indices_out_of_range_are_refused()
    {
        var (tree, _) = Sample(5);
        var opening = tree.Open(4);
        var siblings = opening.Siblings.ToList();
        var longer = new MerkleSumOpening(4, 5, opening.Leaf, [.. siblings, siblings[0]]);
        var shorter = new MerkleSumOpening(4, 5, opening.Leaf, siblings[..^1]);
        var outside = new MerkleSumOpening(5, 5, opening.Leaf, siblings);
        Assert.Equal(MerkleSumRejection.PathLengthMismatch, MerkleSumVerifier.Verify(Layout, tree.Root, longer).Rejection);
        Assert.Equal(MerkleSumRejection.PathLengthMismatch, MerkleSumVerifier.Verify(Layout, tree.Root, shorter).Rejection);
        Assert.Equal(MerkleSumRejection.LeafIndexOutOfRange, MerkleSumVerifier.Verify(Layout, tree.Root, outside).Rejection);
    }

    [Fact]
    public void Negative_mass_hidden_in_a_sibling_passes_a_naive_verifier_and_is_refused_by_the_rule()
    {
        // The attack: inflate leaf 0's payoff² by x and give leaf 1 −x more, so every node sum above them is unchanged and
        // the root total is the honest one, while leaf 0's mass interval (what mass-proportional draws land in) grows by x.
        var (honest, leaves) = Sample(4);
        var x = leaves[1].Sums[MassLane] + 1000;
        var forged = (MerkleSumLeaf[])leaves.Clone();
        forged[0] = forged[0] with { Sums = WithLane(forged[0].Sums, MassLane, forged[0].Sums[MassLane] + x) };
        forged[1] = forged[1] with { Sums = WithLane(forged[1].Sums, MassLane, forged[1].Sums[MassLane] - x) };
        var tree = MerkleSumTree.Build(NaiveLayout, forged);
        Assert.Equal(honest.Root.Sums, tree.Root.Sums);
        var opening = tree.Open(0);
        Assert.True(MerkleSumVerifier.Verify(NaiveLayout, tree.Root, opening).IsValid);
        var check = MerkleSumVerifier.Verify(Layout, tree.Root, opening);
        Assert.Equal(MerkleSumRejection.NegativeMass, check.Rejection);
        Assert.Contains("payoff_squared", check.Detail, StringComparison.Ordinal);
        Assert.Equal(MerkleSumRejection.NegativeMass, MerkleSumVerifier.Verify(Layout, tree.Root, tree.Open(1)).Rejection);
        Assert.Throws<ArgumentException>(() => MerkleSumTree.Build(Layout, forged));
    }

    [Fact]
    public void Sums_outside_the_accumulator_bounds_are_refused_by_build_and_verifier()
    {
        var (tree, leaves) = Sample(3);
        var tooLarge = leaves[0] with { Sums = WithLane(leaves[0].Sums, 0, (Int128)leaves[0].Sums.Count << 94 | 1) };
        var tooMany = leaves[0] with { Sums = new LaneSums((1UL << 32) + 1, leaves[0].Sums.Lanes) };
        var fewLanes = leaves[0] with { Sums = new LaneSums(leaves[0].Sums.Count, leaves[0].Sums.Lanes[..2]) };
        var emptyButNonZero = leaves[0] with { Sums = new LaneSums(0, [Int128.One, Int128.Zero, Int128.Zero]) };
        Assert.Throws<ArgumentException>(() => MerkleSumTree.Build(Layout, [tooLarge]));
        Assert.Throws<ArgumentException>(() => MerkleSumTree.Build(Layout, [tooMany]));
        Assert.Throws<ArgumentException>(() => MerkleSumTree.Build(Layout, [fewLanes]));
        Assert.Throws<ArgumentException>(() => MerkleSumTree.Build(Layout, [emptyButNonZero]));
        Assert.Throws<ArgumentException>(() => MerkleSumTree.Build(Layout, []));
        var half = leaves[0] with { Sums = new LaneSums(1UL << 31, [Int128.Zero, Int128.Zero, Int128.Zero]) };
        Assert.Throws<ArgumentException>(() => MerkleSumTree.Build(Layout, [half, half, leaves[0]]));

        var opening = tree.Open(0);
        Assert.Equal(MerkleSumRejection.LaneOutOfRange, MerkleSumVerifier.Verify(Layout, tree.Root, Tampered(opening, tooLarge)).Rejection);
        Assert.Equal(MerkleSumRejection.CountOutOfRange, MerkleSumVerifier.Verify(Layout, tree.Root, Tampered(opening, tooMany)).Rejection);
        Assert.Equal(MerkleSumRejection.LaneCountMismatch, MerkleSumVerifier.Verify(Layout, tree.Root, Tampered(opening, fewLanes)).Rejection);
        var hugeSibling = WithSibling(opening, 0, opening.Siblings[0] with { Sums = new LaneSums(1UL << 32, [Int128.Zero, Int128.Zero, Int128.Zero]) });
        Assert.Equal(MerkleSumRejection.CountOutOfRange, MerkleSumVerifier.Verify(Layout, tree.Root, hugeSibling).Rejection);
        Assert.Equal(MerkleSumRejection.NegativeMass, MerkleSumVerifier.CheckRoot(Layout, tree.Root with { Sums = WithLane(tree.Root.Sums, MassLane, -1) }).Rejection);
    }

    private static (MerkleSumTree Tree, MerkleSumLeaf[] Leaves) Sample(int n, int seed = Seed)
    {
        var leaves = RandomLeaves(new Random(seed), n);
        return (MerkleSumTree.Build(Layout, leaves), leaves);
    }

    private static MerkleSumOpening Tampered(MerkleSumOpening opening, MerkleSumLeaf leaf) =>
        new(opening.LeafIndex, opening.LeafCount, leaf, opening.Siblings);

    private static MerkleSumOpening WithSibling(MerkleSumOpening opening, int index, MerkleSumSibling sibling)
    {
        var siblings = opening.Siblings.ToArray();
        siblings[index] = sibling;
        return new MerkleSumOpening(opening.LeafIndex, opening.LeafCount, opening.Leaf, siblings);
    }
}
