using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;
using Assay.Proofs.Tests.MerkleSum;
using static Assay.Proofs.Tests.MerkleSum.MerkleSumTestData;

namespace Assay.Proofs.Tests.SpotCheck;

/// <summary>Every tampering with a committed tree or a proof is caught by the spot-check verifier, with the expected reason.</summary>
public class SpotCheckTamperingTests
{
    private const int Seed = 5150;
    private const int N = 40;

    private readonly MerkleSumLeaf[] _leaves = RandomLeaves(new Random(Seed), N);
    private readonly byte[] _seed = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    private static SpotCheckPolicy Small => new(5, 5, MassLane);

    private static SpotCheckPolicy All => new(N, 0, MassLane);

    [Fact]
    public void An_honest_proof_verifies_and_counts_its_work()
    {
        var tree = MerkleSumTree.Build(Layout, _leaves);
        var proof = SpotCheckProver.Prove(tree, _seed, Small);
        var verdict = Verify(tree.Root, Small, proof);
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(proof.Openings.Count, verdict.LeavesRecomputed);
        Assert.InRange(proof.Openings.Count, 5, 10);
        // Leaf hashes, the challenge's hashes (key and draws), each node on the union of the paths once, one shared-node check per later opening.
        var challenge = SpotCheckChallenge.Derive(tree.Root, _seed, Small);
        var expected = challenge.DrawsHashed + SpotCheckSharedPathTests.HashesOf(proof.Openings.Count, SpotCheckSharedPathTests.DistinctNodes(N, proof.Openings.Select(o => o.LeafIndex)));
        Assert.Equal(expected, verdict.HashesComputed);
        Assert.True(Verify(tree.Root, All, SpotCheckProver.Prove(tree, _seed, All)).IsValid);
    }

    [Fact]
    public void One_changed_leaf_is_caught_when_opened()
    {
        var forged = (MerkleSumLeaf[])_leaves.Clone();
        forged[17] = forged[17] with { Sums = WithLane(forged[17].Sums, 0, forged[17].Sums[0] + 1) };
        var tree = MerkleSumTree.Build(Layout, forged);
        var verdict = Verify(tree.Root, All, SpotCheckProver.Prove(tree, _seed, All));
        Assert.Equal(SpotCheckRejection.LeafMismatch, verdict.Rejection);
        Assert.Equal(17, verdict.LeafIndex);
    }

    [Fact]
    public void Reordered_leaves_are_caught()
    {
        var forged = (MerkleSumLeaf[])_leaves.Clone();
        (forged[3], forged[4]) = (forged[4], forged[3]);
        var tree = MerkleSumTree.Build(Layout, forged);
        Assert.Equal(MerkleSumTree.Build(Layout, _leaves).Root.Sums, tree.Root.Sums);
        var verdict = Verify(tree.Root, All, SpotCheckProver.Prove(tree, _seed, All));
        Assert.Equal(SpotCheckRejection.LeafMismatch, verdict.Rejection);
        Assert.Equal(3, verdict.LeafIndex);
    }

    [Fact]
    public void An_inflated_subtree_sum_is_caught_by_uniform_and_by_mass_draws()
    {
        // Leaves 8…15 claim ten times the whole true total of payoff² more than they hold: a lie in one node sum.
        var total = Total(_leaves)[MassLane];
        var forged = new ForgedTree(_leaves, (start, size, actual) =>
            start == 8 && size == 8 ? WithLane(actual, MassLane, actual[MassLane] + (10 * total)) : actual);
        var uniform = Verify(forged.Root, All, forged.Prove(_seed, All));
        Assert.Equal(SpotCheckRejection.OpeningInvalid, uniform.Rejection);
        Assert.InRange(uniform.LeafIndex, 8, 15);
        var massOnly = new SpotCheckPolicy(0, 20, MassLane);
        var mass = Verify(forged.Root, massOnly, forged.Prove(_seed, massOnly));
        Assert.Equal(SpotCheckRejection.OpeningInvalid, mass.Rejection);
        Assert.Contains(mass.OpeningRejection, new[] { MerkleSumRejection.RootHashMismatch, MerkleSumRejection.RootSumsMismatch });
    }

    [Fact]
    public void An_opening_with_a_wrong_sibling_is_caught()
    {
        var tree = MerkleSumTree.Build(Layout, _leaves);
        var proof = SpotCheckProver.Prove(tree, _seed, Small);
        var victim = proof.Openings[1];
        var siblings = victim.Siblings.ToArray();
        siblings[2] = siblings[2] with { Hash = DomainHash.Compute("assay/test/v1", "wrong"u8) };
        var openings = proof.Openings.ToArray();
        openings[1] = new MerkleSumOpening(victim.LeafIndex, N, victim.Leaf, siblings);
        var verdict = Verify(tree.Root, Small, new SpotCheckProof(N, 3, openings));
        Assert.Equal(SpotCheckRejection.OpeningInvalid, verdict.Rejection);
        Assert.Equal(MerkleSumRejection.RootHashMismatch, verdict.OpeningRejection);
        Assert.Equal(victim.LeafIndex, verdict.LeafIndex);
    }

    [Fact]
    public void A_wrong_root_is_caught()
    {
        var tree = MerkleSumTree.Build(Layout, _leaves);
        var proof = SpotCheckProver.Prove(tree, _seed, All);
        var other = MerkleSumTree.Build(Layout, RandomLeaves(new Random(Seed + 1), N)).Root;
        Assert.Equal(SpotCheckRejection.OpeningInvalid, Verify(other, All, proof).Rejection);
        var inflated = tree.Root with { Sums = WithLane(tree.Root.Sums, MassLane, tree.Root.Sums[MassLane] + 1) };
        var verdict = Verify(inflated, All, proof);
        Assert.Equal(SpotCheckRejection.OpeningInvalid, verdict.Rejection);
        Assert.Equal(MerkleSumRejection.RootSumsMismatch, verdict.OpeningRejection);
        var negative = tree.Root with { Sums = WithLane(tree.Root.Sums, MassLane, -1) };
        Assert.Equal(SpotCheckRejection.RootInvalid, Verify(negative, All, proof).Rejection);
    }

    [Fact]
    public void Mass_hidden_behind_a_negative_sibling_is_caught()
    {
        // Leaf 20 takes x more payoff² and leaf 21 x less (below zero): node sums and the total are unchanged, but leaf
        // 20's claimed interval [p20, p20 + v20 + x) now overlaps the intervals of leaves 22, 23, …, so the prover may
        // answer a mass target that belongs to one of them (say a falsified one) by opening leaf 20 instead.
        var x = _leaves[21].Sums[MassLane] + (Total(_leaves)[MassLane] / 2);
        var forged = (MerkleSumLeaf[])_leaves.Clone();
        forged[20] = forged[20] with { Sums = WithLane(forged[20].Sums, MassLane, forged[20].Sums[MassLane] + x) };
        forged[21] = forged[21] with { Sums = WithLane(forged[21].Sums, MassLane, forged[21].Sums[MassLane] - x) };
        var tree = new ForgedTree(forged);
        Assert.Equal(MerkleSumTree.Build(Layout, _leaves).Root.Sums, tree.Root.Sums);
        var policy = new SpotCheckPolicy(0, 10, MassLane);
        var challenge = SpotCheckChallenge.Derive(tree.Root, _seed, policy);
        var start = (UInt128)forged[..20].Sum(l => (decimal)l.Sums[MassLane]);
        var end = start + (UInt128)forged[20].Sums[MassLane];
        var opened = new SortedSet<long>(challenge.MassTargets.Select(t => t >= start && t < end ? 20 : tree.FindByMass(MassLane, t)));
        Assert.Contains(20L, opened);
        var verdict = Verify(tree.Root, policy, new SpotCheckProof(N, 3, opened.Select(tree.Open)));
        Assert.Equal(SpotCheckRejection.OpeningInvalid, verdict.Rejection);
        Assert.Equal(MerkleSumRejection.NegativeMass, verdict.OpeningRejection);
    }

    [Fact]
    public void Missing_surplus_unordered_and_substituted_openings_are_caught()
    {
        var tree = MerkleSumTree.Build(Layout, _leaves);
        var challenge = SpotCheckChallenge.Derive(tree.Root, _seed, Small);
        var proof = SpotCheckProver.Prove(tree, _seed, Small);
        var openings = proof.Openings.ToList();
        var uniformAt = openings.FindIndex(o => o.LeafIndex == challenge.UniformIndices[0]);
        var massLeaves = challenge.MassTargets.Select(t => tree.FindByMass(MassLane, t)).Except(challenge.UniformIndices).ToArray();
        Assert.NotEmpty(massLeaves);
        var massAt = openings.FindIndex(o => o.LeafIndex == massLeaves[0]);

        Assert.Equal(SpotCheckRejection.MissingUniformOpening, Verify(tree.Root, Small, Without(openings, uniformAt)).Rejection);
        Assert.Equal(SpotCheckRejection.MissingMassOpening, Verify(tree.Root, Small, Without(openings, massAt)).Rejection);
        var spare = Enumerable.Range(0, N).First(i => openings.All(o => o.LeafIndex != i));
        var surplus = openings.Append(tree.Open(spare)).OrderBy(o => o.LeafIndex);
        Assert.Equal(SpotCheckRejection.UnrequestedOpening, Verify(tree.Root, Small, new SpotCheckProof(N, 3, surplus)).Rejection);
        Assert.Equal(SpotCheckRejection.OpeningsNotCanonical, Verify(tree.Root, Small, new SpotCheckProof(N, 3, Enumerable.Reverse(openings))).Rejection);
        Assert.Equal(SpotCheckRejection.OpeningsNotCanonical, Verify(tree.Root, Small, new SpotCheckProof(N, 3, openings.Append(openings[^1]))).Rejection);

        // Opening the neighbour of a mass-drawn leaf instead of it does not satisfy the mass target.
        var neighbour = massLeaves[0] + 1 < N && openings.All(o => o.LeafIndex != massLeaves[0] + 1) ? massLeaves[0] + 1 : massLeaves[0] - 1;
        var substituted = openings.Where((_, i) => i != massAt).Append(tree.Open(neighbour)).OrderBy(o => o.LeafIndex);
        Assert.False(Verify(tree.Root, Small, new SpotCheckProof(N, 3, substituted)).IsValid);
    }

    [Fact]
    public void A_proof_for_another_seed_or_another_tree_size_is_caught()
    {
        var tree = MerkleSumTree.Build(Layout, _leaves);
        var proof = SpotCheckProver.Prove(tree, _seed, Small);
        var otherSeed = _seed.Select(b => (byte)(b ^ 0x5A)).ToArray();
        Assert.False(SpotCheckVerifier.Verify(Layout, tree.Root, otherSeed, Small, proof, i => _leaves[i]).IsValid);
        var smaller = MerkleSumTree.Build(Layout, _leaves[..(N - 1)]);
        Assert.Equal(SpotCheckRejection.ShapeMismatch, Verify(tree.Root, Small, SpotCheckProver.Prove(smaller, _seed, Small)).Rejection);
        Assert.Throws<ArgumentException>(() => SpotCheckVerifier.Verify(Layout, tree.Root, _seed[..15], Small, proof, i => _leaves[i]));
        Assert.Throws<ArgumentException>(() => SpotCheckVerifier.Verify(Layout, tree.Root, _seed, Small with { MassLane = 0 }, proof, i => _leaves[i]));
    }

    private static SpotCheckProof Without(List<MerkleSumOpening> openings, int index) =>
        new(N, 3, openings.Where((_, i) => i != index));

    private SpotCheckVerdict Verify(MerkleSumRoot root, SpotCheckPolicy policy, SpotCheckProof proof) =>
        SpotCheckVerifier.Verify(Layout, root, _seed, policy, proof, i => _leaves[i]);
}
