using Assay.Compute.Tasks;
using Assay.Ledger.Transactions;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.Signatures;

namespace Assay.Simulation;

/// <summary>A computed result a simulated node may commit to: the run (possibly falsified), the salt and the commitment.</summary>
internal sealed class NodeWork
{
    public NodeWork(TaskSpec spec, Address node, TaskRun run, CommitSalt salt)
    {
        Spec = spec;
        Run = run;
        Salt = salt;
        Commitment = Commitment.Create(spec.TaskId, node, run.Result.Root.Digest(), salt);
    }

    public TaskSpec Spec { get; }

    public TaskRun Run { get; }

    public CommitSalt Salt { get; }

    public Commitment Commitment { get; }

    public CommitBody CommitBody => new(Spec.TaskId, Commitment);

    public RevealBody RevealBody(Hash256 challengeSeed) =>
        new(Spec.TaskId, Run.Result, Salt, TaskRunner.Prove(Spec, Run.Tree, challengeSeed.ToArray()).Encode());

    /// <summary>The honest run of <paramref name="spec"/> by <paramref name="node"/>.</summary>
    public static TaskRun Honest(TaskSpec spec, Address node) => TaskRunner.Run(spec, node.ToArray(), maxDegreeOfParallelism: 1);

    /// <summary>A run whose leaf <paramref name="index"/> has its first lane shifted by <paramref name="shift"/>, committed consistently (the tree and aggregate are rebuilt).</summary>
    public static TaskRun Falsified(TaskSpec spec, Address node, long index, Int128 shift)
    {
        var kind = TaskKindRegistry.Default.Get(spec.Kind);
        var computation = kind.Prepare(spec);
        var leaves = new MerkleSumLeaf[spec.ItemCount];
        for (var i = 0L; i < leaves.LongLength; i++)
        {
            leaves[i] = computation.ComputeLeaf(i);
        }

        var leaf = leaves[index];
        var lanes = leaf.Sums.Lanes.ToArray();
        lanes[0] += shift;
        leaves[index] = leaf with { Sums = new LaneSums(leaf.Sums.Count, lanes) };
        var tree = MerkleSumTree.Build(kind.Layout, leaves);
        var result = new TaskResult(spec.TaskId, spec.EngineVersion, spec.ItemCount, tree.Root, computation.Reduce(tree.Root.Sums), node.ToArray(), []);
        return new TaskRun(tree, result);
    }
}
