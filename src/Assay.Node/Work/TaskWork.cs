using System.Buffers.Binary;
using Assay.Compute.Tasks;
using Assay.Ledger.Protocol;
using Assay.Ledger.Transactions;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.Signatures;

namespace Assay.Node.Work;

/// <summary>A node's computed result for one task: the tree (honest or, under a fault, falsified), the salt and the commitment.</summary>
/// <remarks>Recomputing with the same spec, node, salt and fault gives the same tree and commitment, which is how a node
/// restarted after its commit can still reveal: the salt is kept in the state file, the tree is recomputed.</remarks>
public sealed class TaskWork
{
    /// <summary>The amount added to the first lane of the falsified leaf: 2^44 in the lane's fixed-point units.</summary>
    public static readonly Int128 FalsificationShift = (Int128)1 << 44;

    private TaskWork(TaskSpec spec, Address node, TaskRun run, CommitSalt salt, bool falsified)
    {
        Spec = spec;
        Node = node;
        Run = run;
        Salt = salt;
        Falsified = falsified;
        RootDigest = run.Result.Root.Digest();
        Commitment = Commitment.Create(spec.TaskId, node, RootDigest, salt);
    }

    /// <summary>The spec this node computes (<see cref="TaskRules.SpecFor"/>: its own seed for tolerance tasks).</summary>
    public TaskSpec Spec { get; }

    /// <summary>The node.</summary>
    public Address Node { get; }

    /// <summary>The tree and the result.</summary>
    public TaskRun Run { get; }

    /// <summary>The commitment salt.</summary>
    public CommitSalt Salt { get; }

    /// <summary>Whether one leaf was falsified (fault <see cref="NodeFault.WrongResult"/>).</summary>
    public bool Falsified { get; }

    /// <summary>The digest of the result's Merkle-sum root (what the commitment binds).</summary>
    public Hash256 RootDigest { get; }

    /// <summary>The commitment to the root.</summary>
    public Commitment Commitment { get; }

    /// <summary>The commit transaction body.</summary>
    public CommitBody CommitBody => new(Spec.TaskId, Commitment);

    /// <summary>Computes <paramref name="taskSpec"/> as <paramref name="node"/> with <paramref name="cores"/> threads, falsifying one leaf when <paramref name="falsify"/>.</summary>
    /// <param name="taskSpec">The task as submitted (tolerance tasks are re-seeded for the node here).</param>
    /// <param name="node">The node's address.</param>
    /// <param name="salt">The commitment salt.</param>
    /// <param name="falsify">Whether to shift the first lane of one leaf (chosen from the task id) by <see cref="FalsificationShift"/>, committing consistently.</param>
    /// <param name="cores">Threads (−1: all); the result never depends on it.</param>
    /// <exception cref="TaskSpecException">The spec cannot be run by this build.</exception>
    public static TaskWork Compute(TaskSpec taskSpec, Address node, CommitSalt salt, bool falsify, int cores)
    {
        ArgumentNullException.ThrowIfNull(taskSpec);
        var spec = TaskRules.SpecFor(taskSpec, node);
        var run = TaskRunner.Run(spec, node.ToArray(), maxDegreeOfParallelism: cores);
        if (falsify)
        {
            run = Falsify(spec, run, FalsifiedLeaf(spec));
        }

        return new TaskWork(spec, node, run, salt, falsify);
    }

    /// <summary>The leaf a falsifying node changes: the first 8 bytes of the task id (little-endian) modulo the item count.</summary>
    public static long FalsifiedLeaf(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Span<byte> id = stackalloc byte[Hash256.Length];
        spec.TaskId.WriteTo(id);
        return (long)(BinaryPrimitives.ReadUInt64LittleEndian(id) % (ulong)spec.ItemCount);
    }

    /// <summary>The reveal body for <paramref name="challengeSeed"/>: the result, the salt and the spot-check proof.</summary>
    public RevealBody RevealBody(Hash256 challengeSeed) =>
        new(Spec.TaskId, Run.Result, Salt, TaskRunner.Prove(Spec, Run.Tree, challengeSeed.ToArray()).Encode());

    /// <summary>A new random salt from the operating system's generator.</summary>
    public static CommitSalt NewSalt() => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(CommitSalt.Length));

    private static TaskRun Falsify(TaskSpec spec, TaskRun honest, long index)
    {
        var kind = TaskKindRegistry.Default.Get(spec.Kind);
        var leaves = new MerkleSumLeaf[honest.Tree.LeafCount];
        for (var i = 0L; i < leaves.LongLength; i++)
        {
            leaves[i] = honest.Tree.GetLeaf(i);
        }

        var leaf = leaves[index];
        var lanes = leaf.Sums.Lanes.ToArray();
        lanes[0] += FalsificationShift;
        leaves[index] = leaf with { Sums = new LaneSums(leaf.Sums.Count, lanes) };
        var tree = MerkleSumTree.Build(kind.Layout, leaves);
        var computation = kind.Prepare(spec);
        var r = honest.Result;
        var result = new TaskResult(r.TaskId, r.EngineVersion, r.ItemCount, tree.Root, computation.Reduce(tree.Root.Sums), r.NodeAddress, []);
        return new TaskRun(tree, result);
    }
}
