using Assay.Compute.Tasks;
using Assay.Ledger.Protocol;
using Assay.Ledger.Transactions;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Tests;

/// <summary>What a node computes for a task: the run, its commitment and its reveal.</summary>
internal sealed class NodeWork
{
    public NodeWork(TaskSpec spec, SigningKey key, int saltId, Func<TaskRun, TaskRun>? tamper = null)
    {
        Spec = spec;
        Key = key;
        Salt = TestNet.Salt(saltId);
        var run = TaskRunner.Run(TaskRules.SpecFor(spec, key.Address), key.Address.ToArray(), maxDegreeOfParallelism: 1);
        Run = tamper is null ? run : tamper(run);
    }

    public TaskSpec Spec { get; }

    public SigningKey Key { get; }

    public CommitSalt Salt { get; }

    public TaskRun Run { get; }

    public CommitBody CommitBody => new(Spec.TaskId, Commitment.Create(Spec.TaskId, Key.Address, Run.Result.Root.Digest(), Salt));

    public RevealBody RevealBody(byte[] challengeSeed) =>
        new(Spec.TaskId, Run.Result, Salt, TaskRunner.Prove(TaskRules.SpecFor(Spec, Key.Address), Run.Tree, challengeSeed).Encode());

    /// <summary>A run whose leaf <paramref name="index"/> has its first lane shifted, committed consistently (a node lying about one leaf).</summary>
    public static TaskRun TamperLeaf(TaskSpec spec, TaskRun run, long index)
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
        lanes[0] += (Int128)1 << 50;
        leaves[index] = leaf with { Sums = new LaneSums(leaf.Sums.Count, lanes) };
        var tree = MerkleSumTree.Build(kind.Layout, leaves);
        var result = new TaskResult(spec.TaskId, spec.EngineVersion, spec.ItemCount, tree.Root, computation.Reduce(tree.Root.Sums), run.Result.NodeAddress, []);
        return new TaskRun(tree, result);
    }
}
