using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;
using Assay.Proofs.Tests.MerkleSum;
using static Assay.Proofs.Tests.MerkleSum.MerkleSumTestData;

namespace Assay.Proofs.Tests.SpotCheck;

/// <summary>Measured detection rates over many fresh challenge seeds against the stated probabilities (bounded loops, printed seeds).</summary>
/// <remarks>Each test runs R independent challenges against one cheating commitment; the measured rate must lie within
/// 4 standard errors sqrt(p(1 − p)/R) (plus 1/R) of the exact probability of that strategy, and not below the stated bound.</remarks>
public class SpotCheckStatisticsTests
{
    [Fact]
    public void Falsifying_a_fraction_of_leaves_is_detected_at_the_hypergeometric_rate()
    {
        const int seed = 11, n = 200, bad = 6, trials = 400;
        Console.WriteLine($"{nameof(Falsifying_a_fraction_of_leaves_is_detected_at_the_hypergeometric_rate)} seed {seed}");
        var random = new Random(seed);
        var honest = RandomLeaves(random, n);
        var forged = (MerkleSumLeaf[])honest.Clone();
        foreach (var i in Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(bad))
        {
            forged[i] = forged[i] with { Sums = WithLane(forged[i].Sums, 0, forged[i].Sums[0] + 1) };
        }

        var tree = MerkleSumTree.Build(Layout, forged);
        var policy = new SpotCheckPolicy(20, 0, MassLane);
        var expected = SpotCheckDetection.Hypergeometric(n, bad, 20);
        var measured = DetectionRate(tree.Root, policy, trials, random, seed => SpotCheckProver.Prove(tree, seed, policy), honest);
        AssertRate(measured, expected, expected, trials, $"seed {seed}, n {n}, falsified {bad}, k_u 20");
        Assert.Equal(expected, SpotCheckReport.For(n, policy, (double)bad / n, 0.0).DetectsFalsifiedFraction, 12);
    }

    [Fact]
    public void Inflating_the_total_through_one_leaf_is_detected_at_the_stated_bound()
    {
        // The bound 1 − (1 + ε)^−k_m is tight for this strategy: leaf 37 truly has no mass and claims ε·V, which is exactly
        // ε/(1 + ε) of the claimed total.
        const int seed = 12, n = 100, trials = 300, draws = 20;
        Console.WriteLine($"{nameof(Inflating_the_total_through_one_leaf_is_detected_at_the_stated_bound)} seed {seed}");
        var random = new Random(seed);
        var honest = RandomLeaves(random, n);
        honest[37] = honest[37] with { Sums = WithLane(honest[37].Sums, MassLane, Int128.Zero) };
        var total = Total(honest)[MassLane];
        var added = total / 20;
        var forged = (MerkleSumLeaf[])honest.Clone();
        forged[37] = forged[37] with { Sums = WithLane(forged[37].Sums, MassLane, forged[37].Sums[MassLane] + added) };
        var tree = MerkleSumTree.Build(Layout, forged);
        var policy = new SpotCheckPolicy(0, draws, MassLane);
        var epsilon = (double)added / (double)total;
        var perDraw = (double)(forged[37].Sums[MassLane]) / (double)(total + added);
        var exact = 1.0 - Math.Pow(1.0 - perDraw, draws);
        var bound = SpotCheckDetection.Inflation(draws, epsilon);
        var measured = DetectionRate(tree.Root, policy, trials, random, seed => SpotCheckProver.Prove(tree, seed, policy), honest);
        AssertRate(measured, exact, bound, trials, $"seed {seed}, n {n}, ε {epsilon:R}, k_m {draws}");
    }

    [Fact]
    public void Inflating_a_node_sum_is_detected_at_least_at_the_stated_bound()
    {
        // A lie in one node sum: every draw landing in that subtree's claimed interval fails (its path recomputes the sum).
        const int seed = 13, n = 100, trials = 300, draws = 20;
        Console.WriteLine($"{nameof(Inflating_a_node_sum_is_detected_at_least_at_the_stated_bound)} seed {seed}");
        var random = new Random(seed);
        var honest = RandomLeaves(random, n);
        var total = Total(honest)[MassLane];
        var added = total / 20;
        var subtree = Total(honest[64..96])[MassLane];
        var forged = new ForgedTree(honest, (start, size, actual) =>
            start == 64 && size == 32 ? WithLane(actual, MassLane, actual[MassLane] + added) : actual);
        var policy = new SpotCheckPolicy(0, draws, MassLane);
        var epsilon = (double)added / (double)total;
        var exact = 1.0 - Math.Pow(1.0 - ((double)(subtree + added) / (double)(total + added)), draws);
        var bound = SpotCheckDetection.Inflation(draws, epsilon);
        var measured = DetectionRate(forged.Root, policy, trials, random, seed => forged.Prove(seed, policy), honest);
        AssertRate(measured, exact, bound, trials, $"seed {seed}, n {n}, ε {epsilon:R}, k_m {draws}, subtree mass {(double)subtree / (double)total:R}");
    }

    [Fact]
    public void Deflating_the_total_is_detected_by_uniform_draws_at_the_stated_bound()
    {
        // Ten leaves report zero mass: mass draws never land on them, only uniform draws catch the missing mass.
        const int seed = 14, n = 100, trials = 300, uniform = 10;
        Console.WriteLine($"{nameof(Deflating_the_total_is_detected_by_uniform_draws_at_the_stated_bound)} seed {seed}");
        var random = new Random(seed);
        var honest = RandomLeaves(random, n);
        for (var i = 0; i < n; i++)
        {
            // Near-equal masses (ρ ≈ 1.2), as for Monte Carlo batches of equal size, so that the bound says something.
            honest[i] = honest[i] with { Sums = WithLane(honest[i].Sums, MassLane, ((Int128)1 << 60) + random.NextInt64(1L << 58)) };
        }

        var forged = (MerkleSumLeaf[])honest.Clone();
        var hidden = Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(10).ToArray();
        foreach (var i in hidden)
        {
            forged[i] = forged[i] with { Sums = WithLane(forged[i].Sums, MassLane, Int128.Zero) };
        }

        var tree = MerkleSumTree.Build(Layout, forged);
        var policy = new SpotCheckPolicy(uniform, 10, MassLane);
        var total = (double)Total(honest)[MassLane];
        var epsilon = hidden.Sum(i => (double)honest[i].Sums[MassLane]) / total;
        var concentration = honest.Max(l => (double)l.Sums[MassLane]) * n / total;
        var exact = SpotCheckDetection.Hypergeometric(n, hidden.Length, uniform);
        var bound = SpotCheckDetection.Deflation(n, uniform, epsilon, concentration);
        var measured = DetectionRate(tree.Root, policy, trials, random, seed => SpotCheckProver.Prove(tree, seed, policy), honest);
        AssertRate(measured, exact, bound, trials, $"seed {seed}, n {n}, ε {epsilon:R}, ρ {concentration:R}, k_u {uniform}");
    }

    [Fact]
    public void A_policy_sized_by_For_meets_its_target_against_one_percent_inflation()
    {
        const int seed = 15, n = 3000, trials = 60;
        Console.WriteLine($"{nameof(A_policy_sized_by_For_meets_its_target_against_one_percent_inflation)} seed {seed}");
        var random = new Random(seed);
        var honest = RandomLeaves(random, n);
        var policy = SpotCheckPolicy.For(n, 0.9, 0.01, MassLane) with { UniformCount = 0 };
        var total = Total(honest)[MassLane];
        var forged = (MerkleSumLeaf[])honest.Clone();
        forged[1234] = forged[1234] with { Sums = WithLane(forged[1234].Sums, MassLane, forged[1234].Sums[MassLane] + (total / 100)) };
        var tree = MerkleSumTree.Build(Layout, forged);
        var report = SpotCheckReport.For(n, policy, 0.01, 0.01);
        Assert.True(report.DetectsInflation >= 0.9, report.ToString());
        var measured = DetectionRate(tree.Root, policy, trials, random, seed => SpotCheckProver.Prove(tree, seed, policy), honest);
        AssertRate(measured, null, report.DetectsInflation, trials, $"seed {seed}, n {n}, policy {policy}");
    }

    private static double DetectionRate(
        MerkleSumRoot root, SpotCheckPolicy policy, int trials, Random random, Func<byte[], SpotCheckProof> prove, MerkleSumLeaf[] honest)
    {
        var detected = 0;
        var seed = new byte[32];
        for (var t = 0; t < trials; t++)
        {
            random.NextBytes(seed);
            var verdict = SpotCheckVerifier.Verify(Layout, root, seed, policy, prove(seed), i => honest[i]);
            detected += verdict.IsValid ? 0 : 1;
        }

        return (double)detected / trials;
    }

    private static void AssertRate(double measured, double? exact, double bound, int trials, string inputs)
    {
        var p = exact ?? bound;
        var tolerance = (4.0 * Math.Sqrt(p * (1.0 - p) / trials)) + (1.0 / trials);
        var message = $"{inputs}, trials {trials}: measured {measured:R}, exact {exact:R}, stated bound {bound:R}, tolerance {tolerance:R}";
        Console.WriteLine(message);
        Assert.True(measured >= bound - tolerance, message);
        if (exact is double value)
        {
            Assert.True(value >= bound - 1e-12, message);
            Assert.True(Math.Abs(measured - value) <= tolerance, message);
        }
    }
}
