using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.State;

/// <summary>One node's assignment to a task: deadlines, commitment, challenge seed and what it revealed.</summary>
/// <param name="Node">The node's address.</param>
/// <param name="Status">Where the assignment stands.</param>
/// <param name="AssignedHeight">Block height at which the node was drawn.</param>
/// <param name="CommitDeadlineHeight">Last block height at which the commitment is accepted.</param>
/// <param name="Commitment">The commitment (zero before commit).</param>
/// <param name="RevealDeadlineHeight">Last block height at which the reveal is accepted (0 before the reveal opens).</param>
/// <param name="ChallengeSeed">The beacon that selects the spot checks (zero before the reveal opens).</param>
/// <param name="RevealedRoot">Digest of the revealed Merkle-sum root (zero before reveal).</param>
/// <param name="Estimate">Tolerance tasks: the revealed price; 0 otherwise.</param>
/// <param name="StandardError">Tolerance tasks: the revealed standard error; 0 otherwise.</param>
public readonly record struct Assignment(
    Address Node,
    AssignmentStatus Status,
    ulong AssignedHeight,
    ulong CommitDeadlineHeight,
    Hash256 Commitment,
    ulong RevealDeadlineHeight,
    Hash256 ChallengeSeed,
    Hash256 RevealedRoot,
    double Estimate,
    double StandardError);
