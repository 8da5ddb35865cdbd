using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;
using static Assay.Proofs.Tests.MerkleSum.MerkleSumTestData;

namespace Assay.Proofs.Tests.SpotCheck;

/// <summary>Small trees: once every leaf is opened uniformly, the policy asks for no mass draws and the report says why.</summary>
public class SpotCheckPolicyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    [InlineData(50)]
    public void When_the_uniform_draws_open_every_leaf_no_mass_draws_are_asked(long n)
    {
        var policy = SpotCheckPolicy.For(n, 0.99, 0.01, MassLane);
        Assert.Equal(n, policy.UniformCount);
        Assert.Equal(0, policy.MassCount);
        var report = SpotCheckReport.For(n, policy, 0.01, 0.01);
        Assert.Equal(1.0, report.DetectsFalsifiedFraction);
        Assert.Equal(1.0, report.DetectsInflation);
        Assert.Equal(1.0, report.DetectsDeflation);
        Assert.Equal(n, report.LeafRecomputationsMax);
    }

    [Theory]
    [InlineData(100, 99, 463)]
    [InlineData(391, 267, 463)]
    [InlineData(62_500, 457, 463)]
    public void Below_the_leaf_count_mass_draws_keep_their_own_bound(long n, int uniform, int mass)
    {
        var policy = SpotCheckPolicy.For(n, 0.99, 0.01, MassLane);
        Assert.Equal(new SpotCheckPolicy(uniform, mass, MassLane), policy);
        var report = SpotCheckReport.For(n, policy, 0.01, 0.01);
        Assert.InRange(report.DetectsInflation, 0.99, 0.991);
        Assert.InRange(report.DetectsFalsifiedFraction, 0.99, 1.0);
    }

    [Fact]
    public void With_every_leaf_opened_an_inflated_zero_mass_leaf_is_caught_without_mass_draws()
    {
        // The attack the mass draws exist for (a leaf claiming mass it does not have), here caught because every leaf is recomputed.
        const int seed = 4242;
        const int n = 25;
        var leaves = RandomLeaves(new Random(seed), n);
        var forged = (MerkleSumLeaf[])leaves.Clone();
        forged[11] = forged[11] with { Sums = WithLane(forged[11].Sums, MassLane, forged[11].Sums[MassLane] + (Int128)1_000_000_000) };
        var tree = MerkleSumTree.Build(Layout, forged);
        var policy = SpotCheckPolicy.For(n, 0.99, 0.01, MassLane);
        byte[] challengeSeed = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 3))];
        var verdict = SpotCheckVerifier.Verify(Layout, tree.Root, challengeSeed, policy, SpotCheckProver.Prove(tree, challengeSeed, policy), i => leaves[i]);
        Assert.True(verdict.Rejection == SpotCheckRejection.LeafMismatch && verdict.LeafIndex == 11, $"seed {seed}: {verdict}");
    }
}
