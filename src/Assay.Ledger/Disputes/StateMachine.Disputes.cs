using Assay.Ledger.Disputes;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Protocol;

/// <summary>Disputes: challenge, bisection steps, leaf recomputation, timeouts and the slashing that settles them.</summary>
/// <remarks>The rules are in docs/ledger.md, section "Disputes".</remarks>
internal sealed partial class StateMachine
{
    /// <summary>Blocks the party to move has after the block that handed it the move (the reveal window, reused).</summary>
    private ulong DisputeStepWindow => Parameters.RevealWindowBlocks;

    private Rejection Challenge(Address sender, ChallengeBody body)
    {
        var task = _state.GetTask(body.TaskId);
        if (task is null)
        {
            return Reject(RejectionReason.UnknownTask, "task_id", $"task_id: no task {body.TaskId}.");
        }

        if (task.Phase != TaskPhase.Agreed)
        {
            return Reject(RejectionReason.WrongPhase, "task_id", $"task_id: the task is {task.Phase}; a challenge needs an Agreed task inside its challenge window.");
        }

        var spec = _state.GetSpec(task.TaskId)!;
        if (TaskRules.IsToleranceTask(spec))
        {
            return Reject(RejectionReason.WrongPhase, "task_id", "task_id: a tolerance task has no single agreed tree to bisect; only bit-exact tasks can be challenged.");
        }

        var minBond = Math.Max(1UL, spec.Policy.BondMinorUnits);
        if (body.BondMinorUnits < minBond)
        {
            return Reject(RejectionReason.InvalidField, "bond", $"bond: {body.BondMinorUnits} is below the task's bond {minBond}.");
        }

        var layout = _registry.Get(spec.Kind).Layout;
        var agreed = body.AgreedRoot;
        if (agreed.Sums is null || !MerkleSumVerifier.CheckRoot(layout, agreed).IsValid || agreed.Digest() != task.AgreedRoot)
        {
            return Reject(RejectionReason.InvalidField, "agreed_root", $"agreed_root: its digest is not the task's agreed root {task.AgreedRoot}.");
        }

        var claimed = body.ClaimedRoot;
        var claimedCheck = claimed.Sums is null ? new MerkleSumCheck(MerkleSumRejection.LaneCountMismatch, "no sums") : MerkleSumVerifier.CheckRoot(layout, claimed);
        if (!claimedCheck.IsValid)
        {
            return Reject(RejectionReason.InvalidField, "claimed_root", $"claimed_root: {claimedCheck.Detail}");
        }

        if (claimed.LeafCount != agreed.LeafCount)
        {
            return Reject(RejectionReason.InvalidField, "claimed_root", $"claimed_root: {claimed.LeafCount} leaves; the agreed tree has {agreed.LeafCount}.");
        }

        if (claimed.Hash == agreed.Hash)
        {
            return Reject(RejectionReason.InvalidField, "claimed_root", "claimed_root: its hash is the agreed root's hash; there is nothing to dispute.");
        }

        if (IsDefender(task, sender))
        {
            return Reject(RejectionReason.InvalidField, "sender", $"sender: {sender} revealed the agreed root and cannot challenge it.");
        }

        var id = DisputeRules.DisputeId(task.TaskId, sender, Height);
        if (_state.GetDispute(id) is not null || OpenDisputes(task.TaskId).Any(d => d.Challenger == sender))
        {
            return Reject(RejectionReason.DuplicateTask, "task_id", $"task_id: {sender} already has a dispute on task {task.TaskId} open (or opened in this block).");
        }

        var debit = Debit(sender, Parameters.NativeAsset, body.BondMinorUnits, "bond");
        if (!debit.IsAccepted)
        {
            return debit;
        }

        var dispute = new DisputeRecord(
            id, task.TaskId, sender, body.BondMinorUnits, Height, DisputeStatus.Open, false, DisputeParty.Defender, 0, Height + DisputeStepWindow,
            0, (ulong)agreed.LeafCount, new MerkleSumSibling(agreed.Hash, agreed.Sums), new MerkleSumSibling(claimed.Hash, claimed.Sums!), null, null);
        if (dispute.RangeLength == 1)
        {
            ResolveAtLeaf(dispute);
        }
        else
        {
            _state.SetDispute(dispute);
        }

        return Rejection.Accepted;
    }

    private Rejection BisectionStep(Address sender, BisectionStepBody body)
    {
        var dispute = _state.GetDispute(body.DisputeId);
        if (dispute is null)
        {
            return Reject(RejectionReason.UnknownTask, "dispute_id", $"dispute_id: no dispute {body.DisputeId}.");
        }

        if (!dispute.IsOpen || Height > dispute.DeadlineHeight)
        {
            return dispute.TimedOut || Height > dispute.DeadlineHeight
                ? Reject(RejectionReason.PastDeadline, "step", $"step: the {dispute.Mover}'s deadline was block {dispute.DeadlineHeight}; this is block {Height} and the dispute is {dispute.Status}.")
                : Reject(RejectionReason.WrongPhase, "dispute_id", $"dispute_id: the dispute is already {dispute.Status}.");
        }

        var task = _state.GetTask(dispute.TaskId)!;
        var isDefender = IsDefender(task, sender);
        var isChallenger = sender == dispute.Challenger;
        if (!isDefender && !isChallenger)
        {
            return Reject(RejectionReason.NotAssigned, "sender", $"sender: {sender} is neither the challenger nor a node that revealed the agreed root.");
        }

        if (dispute.Mover == DisputeParty.Defender ? !isDefender : !isChallenger)
        {
            return Reject(RejectionReason.WrongPhase, "sender", $"sender: it is the {dispute.Mover}'s turn.");
        }

        if (body.Step != dispute.Step)
        {
            return Reject(RejectionReason.InvalidField, "step", $"step: {body.Step} is not the dispute's current depth {dispute.Step}.");
        }

        var spec = _state.GetSpec(task.TaskId)!;
        var parent = dispute.Mover == DisputeParty.Defender ? dispute.Defended : dispute.Claimed;
        var problem = DisputeRules.CheckChildren(_registry.Get(spec.Kind).Layout, parent, body.Left, body.Right);
        if (problem is not null)
        {
            return Reject(RejectionReason.MalformedProof, problem.StartsWith("right", StringComparison.Ordinal) ? "right" : "left", problem);
        }

        if (dispute.Mover == DisputeParty.Defender)
        {
            _state.SetDispute(dispute with { Mover = DisputeParty.Challenger, DeadlineHeight = Height + DisputeStepWindow, DefenderLeft = body.Left, DefenderRight = body.Right });
            return Rejection.Accepted;
        }

        // Both sides have opened their node: descend into the child where they disagree (left first).
        var leftLength = DisputeRules.LeftLength(dispute.RangeLength);
        var defenderLeft = dispute.DefenderLeft!.Value;
        var next = !DisputeEncoding.SameNode(defenderLeft, body.Left)
            ? dispute with { RangeLength = leftLength, Defended = defenderLeft, Claimed = body.Left }
            : dispute with { RangeStart = dispute.RangeStart + leftLength, RangeLength = dispute.RangeLength - leftLength, Defended = dispute.DefenderRight!.Value, Claimed = body.Right };
        next = next with { Step = dispute.Step + 1, Mover = DisputeParty.Defender, DeadlineHeight = Height + DisputeStepWindow, DefenderLeft = null, DefenderRight = null };
        if (next.RangeLength == 1)
        {
            ResolveAtLeaf(next);
        }
        else
        {
            _state.SetDispute(next);
        }

        return Rejection.Accepted;
    }

    /// <summary>Block duty: an open dispute whose mover let its deadline pass is lost by the mover.</summary>
    private void ResolveDisputeTimeouts()
    {
        foreach (var id in _state.OpenDisputeIds.ToArray())
        {
            var dispute = _state.GetDispute(id)!;
            if (dispute.IsOpen && Height > dispute.DeadlineHeight)
            {
                Resolve(dispute, dispute.Mover == DisputeParty.Defender ? DisputeStatus.ChallengerWon : DisputeStatus.DefenderWon, true);
            }
        }
    }

    private bool HasOpenDispute(Hash256 taskId) => OpenDisputes(taskId).Any();

    private IEnumerable<DisputeRecord> OpenDisputes(Hash256 taskId) =>
        _state.OpenDisputeIds.Select(id => _state.GetDispute(id)!).Where(d => d.IsOpen && d.TaskId == taskId);

    /// <summary>True when <paramref name="node"/> revealed the agreed root of the agreed task (its side of any dispute).</summary>
    private static bool IsDefender(TaskRecord task, Address node)
    {
        var index = task.IndexOf(node);
        return task.Phase == TaskPhase.Agreed && index >= 0
            && task.Assignments[index].Status == AssignmentStatus.Revealed && task.Assignments[index].RevealedRoot == task.AgreedRoot;
    }

    /// <summary>The on-ledger calculation: recomputes the one disputed leaf from the spec and compares both sides' leaf nodes with it.</summary>
    private void ResolveAtLeaf(DisputeRecord dispute)
    {
        var spec = _state.GetSpec(dispute.TaskId)!;
        var index = (long)dispute.RangeStart;
        var leaf = _registry.Get(spec.Kind).Prepare(spec).ComputeLeaf(index);
        var truth = new MerkleSumSibling(MerkleSumHash.Leaf(index, leaf), leaf.Sums);
        var status = DisputeEncoding.SameNode(truth, dispute.Defended) ? DisputeStatus.DefenderWon
            : DisputeEncoding.SameNode(truth, dispute.Claimed) ? DisputeStatus.ChallengerWon
            : DisputeStatus.BothWrong;
        Resolve(dispute, status, false);
    }

    private void Resolve(DisputeRecord dispute, DisputeStatus status, bool timedOut)
    {
        var bond = dispute.BondMinorUnits;
        _state.SetDispute(dispute with { Status = status, TimedOut = timedOut, BondMinorUnits = 0, DefenderLeft = null, DefenderRight = null });
        switch (status)
        {
            case DisputeStatus.DefenderWon:
                ForfeitBond(bond);
                break;
            case DisputeStatus.ChallengerWon:
                // The challenger gets its bond back plus the insurance share of the losing nodes' slashes.
                var paid = VoidAgreedResult(dispute.TaskId);
                _state.SetChain(_state.Chain with { InsuranceMinorUnits = _state.Chain.InsuranceMinorUnits - paid });
                CreditSystem(dispute.Challenger, bond + paid);
                break;
            default:
                VoidAgreedResult(dispute.TaskId);
                ForfeitBond(bond);
                break;
        }
    }

    /// <summary>A lost bond is split like a slash: the insurance share to insurance, the rest burned.</summary>
    private void ForfeitBond(ulong bond)
    {
        var insurance = (ulong)((UInt128)bond * Parameters.SlashInsuranceShareBps / ProtocolParameters.BasisPoints);
        var chain = _state.Chain;
        _state.SetChain(chain with { InsuranceMinorUnits = chain.InsuranceMinorUnits + insurance, BurnedMinorUnits = chain.BurnedMinorUnits + (bond - insurance) });
    }

    /// <summary>Slashes every node that revealed the agreed root, voids the agreement (re-agreeing at once if a quorum of other reveals agrees, else re-running the task), and moots the task's other open disputes (bonds returned).</summary>
    /// <returns>The part of the slashes that went to insurance.</returns>
    private ulong VoidAgreedResult(Hash256 taskId)
    {
        var task = _state.GetTask(taskId)!;
        var insuranceBefore = _state.Chain.InsuranceMinorUnits;
        var assignments = task.Assignments.ToBuilder();
        for (var i = 0; i < assignments.Count; i++)
        {
            var a = assignments[i];
            if (a.Status == AssignmentStatus.Revealed && a.RevealedRoot == task.AgreedRoot)
            {
                assignments[i] = a with { Status = AssignmentStatus.SlashedWrong };
                Fault(a.Node, Parameters.SlashWrongRevealBps);
            }
        }

        var slashedToInsurance = _state.Chain.InsuranceMinorUnits - insuranceBefore;
        // Reveals of other roots stay Revealed: if a quorum of them already agrees, that is the new agreement (with a new
        // challenge window); otherwise the block duties draw replacements and the task is re-run.
        var voided = task with { Phase = TaskPhase.Committing, AgreedRoot = Hash256.Zero, FinalityHeight = 0, Assignments = assignments.ToImmutable() };
        _state.SetTask(TryAgree(voided, _state.GetSpec(taskId)!));
        foreach (var other in OpenDisputes(taskId).ToArray())
        {
            _state.SetDispute(other with { Status = DisputeStatus.Moot, BondMinorUnits = 0, DefenderLeft = null, DefenderRight = null });
            CreditSystem(other.Challenger, other.BondMinorUnits);
        }

        return slashedToInsurance;
    }
}
