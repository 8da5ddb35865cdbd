using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;

namespace Assay.Compute.Tasks;

/// <summary>Computes a task: every leaf (in parallel), the Merkle-sum tree, the aggregate and the result; and answers challenges.</summary>
/// <remarks>Leaves are pure functions of (spec, index) written to their own slot, and the tree is built in leaf order, so
/// the result is the same bits for any thread count.</remarks>
public static class TaskRunner
{
    /// <summary>Runs <paramref name="spec"/> with the kinds of <paramref name="registry"/> (default: <see cref="TaskKindRegistry.Default"/>).</summary>
    /// <param name="spec">The task.</param>
    /// <param name="nodeAddress">The node's 20-byte address.</param>
    /// <param name="registry">Known kinds.</param>
    /// <param name="maxDegreeOfParallelism">Threads, or −1 for all cores; never changes the result.</param>
    /// <param name="progress">Called after each leaf with (leaves done, leaf count); may be called from worker threads.</param>
    /// <exception cref="TaskSpecException">Unknown kind, an engine version this build does not run, or inputs that do not fit the kind.</exception>
    public static TaskRun Run(
        TaskSpec spec, ReadOnlySpan<byte> nodeAddress, TaskKindRegistry? registry = null, int maxDegreeOfParallelism = -1, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.EngineVersion != Compute.EngineVersion.Current)
        {
            throw new TaskSpecException("engine_version", $"engine_version must be this build's {Compute.EngineVersion.Current}; got {spec.EngineVersion}.");
        }

        var kind = (registry ?? TaskKindRegistry.Default).Get(spec.Kind);
        var computation = kind.Prepare(spec);
        var leaves = new MerkleSumLeaf[computation.ItemCount];
        long done = 0;
        Parallel.For(0L, leaves.LongLength, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            leaves[i] = computation.ComputeLeaf(i);
            progress?.Invoke(Interlocked.Increment(ref done), leaves.LongLength);
        });
        var tree = MerkleSumTree.Build(kind.Layout, leaves);
        var aggregate = computation.Reduce(tree.Root.Sums);
        var result = new TaskResult(spec.TaskId, spec.EngineVersion, spec.ItemCount, tree.Root, aggregate, nodeAddress, []);
        return new TaskRun(tree, result);
    }

    /// <summary>The spot-check proof for a challenge seed under the spec's policy.</summary>
    public static SpotCheckProof Prove(TaskSpec spec, MerkleSumTree tree, ReadOnlySpan<byte> challengeSeed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return SpotCheckProver.Prove(tree, challengeSeed, spec.Policy.SpotChecks);
    }
}
