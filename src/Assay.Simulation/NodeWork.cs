using Assay.Compute.Tasks;
using Assay.Ledger.Protocol;
using Assay.Ledger.Transactions;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.Signatures;

namespace Assay.Simulation;

/// <summary>A computed result a simulated node may commit to: the run (possibly falsified), the salt and the commitment.</summary>
/// <remarks>The commitment binds the task's id; the run is of the node's own spec (<see cref="TaskRules.SpecFor"/>), which
/// for a tolerance task carries the node's own seed and hence its own id.</remarks>
internal sealed class NodeWork
{
    /// <summary>The Σpayoff lane of a Monte Carlo leaf and the Σpayoff² lane after it.</summary>
    private const int PayoffLane = 0;
    private const int PayoffSquaredLane = 1;

    /// <summary>2^48: Monte Carlo lanes hold sums at the fixed-point scale 2^−48.</summary>
    private const double LaneScale = 281_474_976_710_656.0;

    public NodeWork(TaskSpec spec, Address node, TaskRun run, CommitSalt salt)
    {
        Spec = spec;
        RunSpec = TaskRules.SpecFor(spec, node);
        Run = run;
        Salt = salt;
        Commitment = Commitment.Create(spec.TaskId, node, run.Result.Root.Digest(), salt);
    }

    public TaskSpec Spec { get; }

    /// <summary>The spec the node ran and proves against (the task's own for bit-exact tasks).</summary>
    public TaskSpec RunSpec { get; }

    public TaskRun Run { get; }

    public CommitSalt Salt { get; }

    public Commitment Commitment { get; }

    public CommitBody CommitBody => new(Spec.TaskId, Commitment);

    public RevealBody RevealBody(Hash256 challengeSeed) =>
        new(Spec.TaskId, Run.Result, Salt, TaskRunner.Prove(RunSpec, Run.Tree, challengeSeed.ToArray()).Encode());

    /// <summary>The honest run of <paramref name="spec"/> by <paramref name="node"/> (its own seed for a tolerance task).</summary>
    public static TaskRun Honest(TaskSpec spec, Address node) => TaskRunner.Run(TaskRules.SpecFor(spec, node), node.ToArray(), maxDegreeOfParallelism: 1);

    /// <summary>A run whose leaf <paramref name="index"/> has its first lane shifted by <paramref name="shift"/>, committed consistently (the tree and aggregate are rebuilt).</summary>
    public static TaskRun Falsified(TaskSpec spec, Address node, long index, Int128 shift) =>
        Rebuilt(spec, node, index, (lanes, _) => lanes[PayoffLane] += shift);

    /// <summary>A Monte Carlo run whose estimate is moved by <paramref name="shiftInStandardErrors"/> of its own standard errors, with its standard error kept.</summary>
    /// <remarks>Only leaf <paramref name="index"/> changes: its Σpayoff grows by D = shift·s·n and its Σpayoff² by
    /// ((S + D)² − S²)/n, which leaves Σpayoff² − (Σpayoff)²/n, hence the sample variance and the standard error, as
    /// they were (up to the 2^−48 rounding of the lanes). The tree is rebuilt, so the result is consistent and only a
    /// spot check that opens that leaf can tell.</remarks>
    public static TaskRun ShiftedEstimate(TaskSpec spec, Address node, long index, double shiftInStandardErrors) =>
        Rebuilt(spec, node, index, (lanes, honest) =>
        {
            var n = (double)honest.Tree.Root.Sums.Count;
            var sum = (double)honest.Tree.Root.Sums[PayoffLane] / LaneScale;
            var standardError = honest.Result.Aggregate["stderr"];
            var shift = shiftInStandardErrors * standardError * n;
            lanes[PayoffLane] += (Int128)Math.Round(shift * LaneScale);
            lanes[PayoffSquaredLane] += (Int128)Math.Round(((2.0 * sum * shift) + (shift * shift)) / n * LaneScale);
        });

    private static TaskRun Rebuilt(TaskSpec spec, Address node, long index, Action<Int128[], TaskRun> change)
    {
        var runSpec = TaskRules.SpecFor(spec, node);
        var kind = TaskKindRegistry.Default.Get(runSpec.Kind);
        var computation = kind.Prepare(runSpec);
        var leaves = new MerkleSumLeaf[runSpec.ItemCount];
        for (var i = 0L; i < leaves.LongLength; i++)
        {
            leaves[i] = computation.ComputeLeaf(i);
        }

        var honestTree = MerkleSumTree.Build(kind.Layout, leaves);
        var honest = new TaskRun(honestTree, new TaskResult(runSpec.TaskId, runSpec.EngineVersion, runSpec.ItemCount, honestTree.Root, computation.Reduce(honestTree.Root.Sums), node.ToArray(), []));
        var leaf = leaves[index];
        var lanes = leaf.Sums.Lanes.ToArray();
        change(lanes, honest);
        leaves[index] = leaf with { Sums = new LaneSums(leaf.Sums.Count, lanes) };
        var tree = MerkleSumTree.Build(kind.Layout, leaves);
        var result = new TaskResult(runSpec.TaskId, runSpec.EngineVersion, runSpec.ItemCount, tree.Root, computation.Reduce(tree.Root.Sums), node.ToArray(), []);
        return new TaskRun(tree, result);
    }
}
