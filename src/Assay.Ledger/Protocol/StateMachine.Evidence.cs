using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Protocol;

/// <summary>Equivocation evidence, jail records and unjailing.</summary>
/// <remarks>The rules are in docs/ledger.md, sections "Equivocation evidence" and "Jailing and unjailing".</remarks>
internal sealed partial class StateMachine
{
    /// <summary>Blocks a jailed node waits before it may unjail: the unbonding period, so that every fault it committed before jailing can still be proven while it is out.</summary>
    private ulong JailPeriodBlocks => Parameters.UnbondingPeriodBlocks;

    private Rejection EquivocationEvidence(Address reporter, EquivocationEvidenceBody body)
    {
        var first = body.First;
        var second = body.Second;
        if (first.Body is not CommitBody a)
        {
            return Reject(RejectionReason.InvalidField, "first", $"first: a {first.Body.Kind} transaction; equivocation evidence carries two Commit transactions.");
        }

        if (second.Body is not CommitBody b)
        {
            return Reject(RejectionReason.InvalidField, "second", $"second: a {second.Body.Kind} transaction; equivocation evidence carries two Commit transactions.");
        }

        if (!first.VerifySignature())
        {
            return Reject(RejectionReason.BadSignature, "first", "first: the signature does not verify under its key.");
        }

        if (!second.VerifySignature())
        {
            return Reject(RejectionReason.BadSignature, "second", "second: the signature does not verify under its key.");
        }

        var node = first.Sender;
        if (second.Sender != node)
        {
            return Reject(RejectionReason.InvalidField, "second", $"second: signed by {second.Sender}, the first by {node}; evidence needs one signer.");
        }

        // Commits for different tasks at one nonce are a re-signed nonce, which an honest node produces when its first
        // transaction was dropped; only two commitments to one task show a node keeping two answers open.
        if (a.TaskId != b.TaskId)
        {
            return Reject(RejectionReason.InvalidField, "second", $"second: commits to task {b.TaskId}, the first to {a.TaskId}; evidence needs two commitments to one task.");
        }

        if (a.Commitment.Value == b.Commitment.Value)
        {
            return Reject(RejectionReason.InvalidField, "second", "second: the same commitment as the first; only different commitments conflict.");
        }

        if (_state.GetNode(node) is null)
        {
            return Reject(RejectionReason.UnknownNode, "node", $"node: {node} is not a registered node.");
        }

        var task = _state.GetTask(a.TaskId);
        if (task is null)
        {
            return Reject(RejectionReason.UnknownTask, "task_id", $"task_id: no task {a.TaskId}.");
        }

        var index = task.IndexOf(node);
        if (index < 0)
        {
            return Reject(RejectionReason.NotAssigned, "task_id", $"task_id: {node} was never assigned to task {a.TaskId}, so its commits could not count.");
        }

        var lastHeight = task.Assignments[index].AssignedHeight + Parameters.UnbondingPeriodBlocks;
        if (Height > lastHeight)
        {
            return Reject(RejectionReason.PastDeadline, "first", $"first: evidence is accepted until block {lastHeight} (assignment + unbonding period); this is block {Height}.");
        }

        var id = EvidenceRecord.IdFor(node, a.TaskId);
        if (_state.GetEvidence(id) is not null)
        {
            return Reject(RejectionReason.DuplicateEvidence, "task_id", $"task_id: equivocation by {node} on task {a.TaskId} was already punished.");
        }

        // The reporter gets the insurance share of the slash, as a winning challenger does; the rest is burned.
        var insuranceBefore = _state.Chain.InsuranceMinorUnits;
        var slashed = Fault(node, Parameters.SlashWrongRevealBps);
        var reward = _state.Chain.InsuranceMinorUnits - insuranceBefore;
        _state.SetChain(_state.Chain with { InsuranceMinorUnits = insuranceBefore });
        CreditSystem(reporter, reward);
        _state.SetEvidence(new EvidenceRecord(id, node, a.TaskId, reporter, Height, slashed, reward, first.Hash, second.Hash));
        return Rejection.Accepted;
    }

    private Rejection Unjail(Address sender)
    {
        var node = _state.GetNode(sender);
        if (node is null)
        {
            return Reject(RejectionReason.UnknownNode, "sender", $"sender: {sender} is not a registered node.");
        }

        if (node.Status != NodeStatus.Jailed)
        {
            return Reject(RejectionReason.WrongPhase, "sender", $"sender: the node is {node.Status}; only a jailed node can unjail.");
        }

        // A node jailed before jail records existed has no record: its period counts as over.
        var unjailHeight = _state.GetJail(sender)?.UnjailHeight ?? 0;
        if (Height < unjailHeight)
        {
            return Reject(RejectionReason.JailPeriodNotElapsed, "sender", $"sender: jailed until block {unjailHeight}; this is block {Height}.");
        }

        if (node.StakeMinorUnits < Parameters.MinStakeMinorUnits)
        {
            return Reject(RejectionReason.InsufficientStake, "stake", $"stake: {node.StakeMinorUnits} is below the minimum stake {Parameters.MinStakeMinorUnits}; add stake before unjailing.");
        }

        _state.SetNode(sender, node with { Status = NodeStatus.Active, Reputation = NodeRecord.UnjailReputation, ConsecutiveFaults = 0 });
        return Rejection.Accepted;
    }

    /// <summary>Writes the jail record of a node that a fault has just jailed (or kept jailed): its period restarts now.</summary>
    private void RecordJail(Address address, bool wasJailed)
    {
        var previous = _state.GetJail(address);
        var times = (previous?.TimesJailed ?? 0) + (wasJailed ? 0u : 1u);
        var jailedHeight = wasJailed && previous is not null ? previous.JailedHeight : Height;
        _state.SetJail(address, new JailRecord(jailedHeight, Height + JailPeriodBlocks, Math.Max(1u, times)));
    }
}
