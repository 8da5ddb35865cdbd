using Assay.Proofs.MerkleSum;

namespace Assay.Compute.Tasks;

/// <summary>What running a task produces: the full Merkle-sum tree (kept by the node to answer challenges) and the result.</summary>
/// <param name="Tree">The tree over every leaf.</param>
/// <param name="Result">The result to commit and reveal.</param>
public sealed record TaskRun(MerkleSumTree Tree, TaskResult Result);
