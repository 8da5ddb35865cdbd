using Assay.Ledger.State;

namespace Assay.Ledger.Views;

/// <summary>One node's assignment to a task: status, deadlines, challenge seed, commitment, revealed result and the transactions that carried them.</summary>
/// <param name="Node">Node address.</param>
/// <param name="Status">Assignment status (<c>assigned</c>, <c>committed</c>, <c>revealed</c>, <c>failed_verification</c>, <c>missed_commit</c>, <c>missed_reveal</c>, <c>released</c>, <c>rewarded</c>, <c>slashed_wrong</c>).</param>
/// <param name="AssignedHeight">Height of the assignment.</param>
/// <param name="CommitDeadline">Last height at which a commit is accepted.</param>
/// <param name="RevealDeadline">Last height at which a reveal is accepted; 0 until the reveal opens.</param>
/// <param name="ChallengeSeed">Spot-check seed the node proves against (hex); zero until the reveal opens.</param>
/// <param name="Commitment">The node's commitment (hex), zero before it commits.</param>
/// <param name="RevealedRoot">Digest of the revealed Merkle-sum root (hex), zero before the reveal.</param>
/// <param name="Estimate">Revealed estimate (tolerance tasks), else 0.</param>
/// <param name="StandardError">Revealed standard error (tolerance tasks), else 0.</param>
/// <param name="CommitTx">Hash of the node's accepted commit transaction, or null.</param>
/// <param name="RevealTx">Hash of the node's accepted reveal transaction, or null.</param>
public sealed record AssignmentView(
    string Node, string Status, ulong AssignedHeight, ulong CommitDeadline, ulong RevealDeadline, string ChallengeSeed, string Commitment,
    string RevealedRoot, double Estimate, double StandardError, string? CommitTx, string? RevealTx)
{
    /// <summary>The view of <paramref name="a"/>, with the hashes of the transactions that committed and revealed it (when known).</summary>
    public static AssignmentView From(Assignment a, string? commitTx, string? revealTx) => new(
        a.Node.ToString(), ViewText.Of(a.Status), a.AssignedHeight, a.CommitDeadlineHeight, a.RevealDeadlineHeight, a.ChallengeSeed.ToString(),
        a.Commitment.ToString(), a.RevealedRoot.ToString(), a.Estimate, a.StandardError, commitTx, revealTx);
}
