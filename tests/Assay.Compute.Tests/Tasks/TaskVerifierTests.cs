using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;

namespace Assay.Compute.Tests.Tasks;

public sealed class TaskVerifierTests
{
    public static TheoryData<string> Kinds => new() { "montecarlo", "pricebook" };

    private static TaskSpec SpecFor(string kind) => kind == "montecarlo" ? TaskFixtures.MonteCarloSpec() : TaskFixtures.PriceBookSpec();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Honest_result_and_proof_are_accepted(string kind)
    {
        var spec = SpecFor(kind);
        var run = TaskRunner.Run(spec, TaskFixtures.Node);
        var proof = TaskRunner.Prove(spec, run.Tree, TaskFixtures.ChallengeSeed);
        var verdict = TaskVerifier.Verify(spec, run.Result, proof, TaskFixtures.ChallengeSeed);
        Assert.True(verdict.IsValid, $"{kind}: {verdict}");
        Assert.Equal(spec.ItemCount, verdict.SpotCheck!.Value.LeavesRecomputed);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_changed_leaf_committed_consistently_is_caught_by_recomputation(string kind)
    {
        var spec = SpecFor(kind);
        var leaves = Leaves(spec);
        var victim = leaves.Length - 1;
        var lanes = leaves[victim].Sums.Lanes.ToArray();
        lanes[0] += 1;
        leaves[victim] = leaves[victim] with { Sums = new LaneSums(leaves[victim].Sums.Count, lanes) };
        var verdict = CommitAndVerify(spec, leaves);
        Assert.Equal(TaskRejection.SpotCheckFailed, verdict.Rejection);
        Assert.Equal(SpotCheckRejection.LeafMismatch, verdict.SpotCheck!.Value.Rejection);
        Assert.Equal(victim, verdict.SpotCheck!.Value.LeafIndex);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Reordered_leaves_are_caught(string kind)
    {
        var spec = SpecFor(kind);
        var leaves = Leaves(spec);
        (leaves[0], leaves[1]) = (leaves[1], leaves[0]);
        var verdict = CommitAndVerify(spec, leaves);
        Assert.Equal(SpotCheckRejection.LeafMismatch, verdict.SpotCheck!.Value.Rejection);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Inflated_root_sums_are_caught(string kind)
    {
        var spec = SpecFor(kind);
        var run = TaskRunner.Run(spec, TaskFixtures.Node);
        var proof = TaskRunner.Prove(spec, run.Tree, TaskFixtures.ChallengeSeed);
        var lanes = run.Result.Root.Sums.Lanes.ToArray();
        lanes[0] += lanes[0] / 100;
        var inflatedRoot = run.Result.Root with { Sums = new LaneSums(run.Result.Root.Sums.Count, lanes) };

        // Aggregate left alone: it no longer follows from the root.
        var stale = new TaskResult(spec.TaskId, spec.EngineVersion, spec.ItemCount, inflatedRoot, run.Result.Aggregate, TaskFixtures.Node, []);
        Assert.Equal(TaskRejection.AggregateMismatch, TaskVerifier.Verify(spec, stale, proof, TaskFixtures.ChallengeSeed).Rejection);

        // Aggregate recomputed from the inflated sums: the openings no longer add up to the root.
        var aggregate = TaskKindRegistry.Default.Get(spec.Kind).Prepare(spec).Reduce(inflatedRoot.Sums);
        var consistent = new TaskResult(spec.TaskId, spec.EngineVersion, spec.ItemCount, inflatedRoot, aggregate, TaskFixtures.Node, []);
        var verdict = TaskVerifier.Verify(spec, consistent, proof, TaskFixtures.ChallengeSeed);
        Assert.Equal(TaskRejection.SpotCheckFailed, verdict.Rejection);
        Assert.False(verdict.SpotCheck!.Value.IsValid, verdict.ToString());
    }

    [Fact]
    public void A_tree_computed_with_the_wrong_seed_is_caught_by_recomputation()
    {
        var spec = TaskFixtures.MonteCarloSpec(seed: 7);
        var other = TaskFixtures.MonteCarloSpec(seed: 8);
        var leaves = Leaves(other);
        var verdict = CommitAndVerify(spec, leaves);
        Assert.Equal(SpotCheckRejection.LeafMismatch, verdict.SpotCheck!.Value.Rejection);
    }

    [Fact]
    public void Wrong_engine_version_task_id_and_item_count_are_refused_before_any_recomputation()
    {
        var spec = TaskFixtures.MonteCarloSpec();
        var run = TaskRunner.Run(spec, TaskFixtures.Node);
        var proof = TaskRunner.Prove(spec, run.Tree, TaskFixtures.ChallengeSeed);
        var r = run.Result;

        // The previous version and a future one.
        foreach (var other in new[] { EngineVersion.Current - 1, EngineVersion.Current + 1 })
        {
            // A result that claims another version than its spec.
            var version = new TaskResult(r.TaskId, other, r.ItemCount, r.Root, r.Aggregate, r.NodeAddress, []);
            Assert.Equal(TaskRejection.EngineVersionMismatch, TaskVerifier.Verify(spec, version, proof, TaskFixtures.ChallengeSeed).Rejection);

            // A spec and result that agree with each other on a version this build does not run.
            var otherSpec = TaskFixtures.MonteCarloSpec(engineVersion: other);
            var otherResult = new TaskResult(otherSpec.TaskId, other, r.ItemCount, r.Root, r.Aggregate, r.NodeAddress, []);
            Assert.Equal(TaskRejection.EngineVersionMismatch, TaskVerifier.Verify(otherSpec, otherResult, proof, TaskFixtures.ChallengeSeed).Rejection);
            Assert.Equal("engine_version", Assert.Throws<TaskSpecException>(() => TaskRunner.Run(otherSpec, TaskFixtures.Node)).Field);
        }

        var otherTask = TaskFixtures.MonteCarloSpec(seed: 99);
        Assert.Equal(TaskRejection.TaskIdMismatch, TaskVerifier.Verify(otherTask, r, proof, TaskFixtures.ChallengeSeed).Rejection);

        var count = new TaskResult(r.TaskId, r.EngineVersion, r.ItemCount + 1, r.Root, r.Aggregate, r.NodeAddress, []);
        Assert.Equal(TaskRejection.ItemCountMismatch, TaskVerifier.Verify(spec, count, proof, TaskFixtures.ChallengeSeed).Rejection);
    }

    [Fact]
    public void A_proof_for_another_challenge_seed_is_refused()
    {
        var spec = TaskFixtures.MonteCarloSpec(TaskFixtures.EuropeanInputs(paths: 60_000), uniform: 3);
        var run = TaskRunner.Run(spec, TaskFixtures.Node);
        var otherSeed = TaskFixtures.ChallengeSeed.Select(b => (byte)(b ^ 0x5A)).ToArray();
        var proof = TaskRunner.Prove(spec, run.Tree, otherSeed);
        var verdict = TaskVerifier.Verify(spec, run.Result, proof, TaskFixtures.ChallengeSeed);
        Assert.Equal(TaskRejection.SpotCheckFailed, verdict.Rejection);
        Assert.True(TaskVerifier.Verify(spec, run.Result, TaskRunner.Prove(spec, run.Tree, TaskFixtures.ChallengeSeed), TaskFixtures.ChallengeSeed).IsValid);
    }

    [Fact]
    public void Negative_mass_in_a_non_negative_root_lane_is_refused()
    {
        var spec = TaskFixtures.MonteCarloSpec();
        var run = TaskRunner.Run(spec, TaskFixtures.Node);
        var proof = TaskRunner.Prove(spec, run.Tree, TaskFixtures.ChallengeSeed);
        var lanes = run.Result.Root.Sums.Lanes.ToArray();
        lanes[MonteCarloKind.PayoffSquaredLane] = -lanes[MonteCarloKind.PayoffSquaredLane];
        var root = run.Result.Root with { Sums = new LaneSums(run.Result.Root.Sums.Count, lanes) };
        var result = new TaskResult(spec.TaskId, spec.EngineVersion, spec.ItemCount, root, run.Result.Aggregate, TaskFixtures.Node, []);
        Assert.Equal(TaskRejection.RootInvalid, TaskVerifier.Verify(spec, result, proof, TaskFixtures.ChallengeSeed).Rejection);
    }

    private static MerkleSumLeaf[] Leaves(TaskSpec spec)
    {
        var computation = TaskKindRegistry.Default.Get(spec.Kind).Prepare(spec);
        return Enumerable.Range(0, (int)computation.ItemCount).Select(i => computation.ComputeLeaf(i)).ToArray();
    }

    /// <summary>A dishonest node that commits to <paramref name="leaves"/> consistently (root, aggregate, openings) for <paramref name="spec"/>.</summary>
    private static TaskVerdict CommitAndVerify(TaskSpec spec, MerkleSumLeaf[] leaves)
    {
        var kind = TaskKindRegistry.Default.Get(spec.Kind);
        var tree = MerkleSumTree.Build(kind.Layout, leaves);
        var aggregate = kind.Prepare(spec).Reduce(tree.Root.Sums);
        var result = new TaskResult(spec.TaskId, spec.EngineVersion, spec.ItemCount, tree.Root, aggregate, TaskFixtures.Node, []);
        var proof = TaskRunner.Prove(spec, tree, TaskFixtures.ChallengeSeed);
        var verdict = TaskVerifier.Verify(spec, result, proof, TaskFixtures.ChallengeSeed);
        Assert.False(verdict.IsValid, $"tampered result accepted for spec {spec.TaskId}");
        return verdict;
    }
}
