using Assay.Compute.Tasks;
using Assay.Ledger.Protocol;

namespace Assay.Simulation.Tests;

/// <summary>The faulty node's shifted tolerance estimate: it moves the price by the asked number of standard errors, keeps the standard error, and is caught only by a spot check that opens the changed leaf.</summary>
public sealed class NodeWorkTests
{
    [Fact]
    public void A_shifted_estimate_moves_the_price_and_keeps_the_standard_error()
    {
        const int Seed = 2026;
        var random = new Random(Seed);
        for (var trial = 0; trial < 6; trial++)
        {
            var spec = ToleranceSpec(random);
            var node = new DeterministicSigner(Scalar(random)).Address;
            var shift = 10.0 + (20.0 * trial);
            var leaf = random.Next(16);
            var honest = NodeWork.Honest(spec, node).Result.Aggregate;
            var shifted = NodeWork.ShiftedEstimate(spec, node, leaf, shift).Result.Aggregate;
            var what = $"seed {Seed} trial {trial}: leaf {leaf}, shift {shift} s, honest {honest["price"]:R} ± {honest["stderr"]:R}, shifted {shifted["price"]:R} ± {shifted["stderr"]:R}";
            Assert.True(Math.Abs(shifted["price"] - honest["price"] - (shift * honest["stderr"])) <= 1e-9 * shift * honest["stderr"], what);
            Assert.True(Math.Abs(shifted["stderr"] - honest["stderr"]) <= 1e-9 * honest["stderr"], what);
        }
    }

    [Fact]
    public void A_shifted_estimate_verifies_unless_its_leaf_is_opened()
    {
        const int Seed = 77;
        var random = new Random(Seed);
        var spec = ToleranceSpec(random);
        var node = new DeterministicSigner(Scalar(random)).Address;
        var runSpec = TaskRules.SpecFor(spec, node);
        const int Leaf = 5;
        var run = NodeWork.ShiftedEstimate(spec, node, Leaf, TaskCatalog.FaultyShiftStandardErrors);
        int passed = 0, failed = 0;
        for (var c = 0; c < 40; c++)
        {
            var challenge = new byte[32];
            random.NextBytes(challenge);
            var proof = TaskRunner.Prove(runSpec, run.Tree, challenge);
            var opened = proof.Openings.Any(o => o.LeafIndex == Leaf);
            var verdict = TaskVerifier.Verify(runSpec, run.Result, proof, challenge);
            Assert.True(verdict.IsValid != opened, $"seed {Seed} challenge {c}: leaf {Leaf} opened {opened}, verdict {verdict}");
            passed += verdict.IsValid ? 1 : 0;
            failed += verdict.IsValid ? 0 : 1;
        }

        Assert.True(passed > 0 && failed > 0, $"seed {Seed}: {passed} challenges passed, {failed} caught the leaf");
    }

    private static TaskSpec ToleranceSpec(Random random)
    {
        TaskSpec spec;
        do
        {
            spec = TaskCatalog.Draw(random, 1_790_000_100_000);
        }
        while (!TaskRules.IsToleranceTask(spec));

        return spec;
    }

    private static byte[] Scalar(Random random)
    {
        var scalar = new byte[32];
        random.NextBytes(scalar);
        scalar[0] = 0x11;
        return scalar;
    }
}
