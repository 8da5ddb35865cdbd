using Assay.Proofs.MerkleSum;

namespace Assay.Compute.Tasks;

/// <summary>One task bound to its inputs: leaves as pure functions of their index, and the reduction of the root sums.</summary>
/// <remarks>Implementations are immutable and thread-safe: leaves are computed in parallel and recomputed alone by verifiers.</remarks>
public interface ITaskComputation
{
    /// <summary>Number of leaves.</summary>
    long ItemCount { get; }

    /// <summary>Computes leaf <paramref name="index"/> (0 … <see cref="ItemCount"/> − 1): payload hash and lane sums.</summary>
    MerkleSumLeaf ComputeLeaf(long index);

    /// <summary>The task's answer implied by the sums over all leaves, as named fields.</summary>
    TaskAggregate Reduce(LaneSums rootSums);

    /// <summary>Recomputes leaf <paramref name="index"/> and compares it with <paramref name="claimed"/> bit for bit.</summary>
    bool VerifyLeaf(long index, MerkleSumLeaf claimed) => ComputeLeaf(index) == claimed;
}
