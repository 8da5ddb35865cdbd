using System.Collections.Immutable;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Governance;

/// <summary>The governance transactions (propose, approve, execute) and the block-start step that puts executed changes in force.</summary>
/// <remarks>Runs inside the state machine's transaction scope: checks first, writes after, so a rejection changes nothing.
/// Executed changes are held as pending in <see cref="GovernanceState"/> and take effect at the start of the next block
/// (<see cref="ApplyPending"/>), so every transaction of a block sees the same parameters.</remarks>
internal static class GovernanceRules
{
    private static Rejection Reject(RejectionReason reason, string field, string message) => new(reason, field, message);

    /// <summary>Puts changes executed in the previous block in force (called at block start, inside the duties scope).</summary>
    public static void ApplyPending(LedgerState state)
    {
        var governance = state.Governance;
        if (governance is null || (governance.PendingParameters is null && governance.PendingConfig is null))
        {
            return;
        }

        if (governance.PendingParameters is not null)
        {
            state.SetParameters(governance.PendingParameters);
        }

        state.SetGovernance(new GovernanceState(governance.PendingConfig ?? governance.Config, null, null));
    }

    /// <summary>Records a proposal, approved by its proposer.</summary>
    public static Rejection Propose(LedgerState state, ulong height, SignedTransaction tx, GovernanceProposeBody body)
    {
        if (GovernorCheck(state, tx.Sender) is { } notGovernor)
        {
            return notGovernor;
        }

        var governance = state.Governance!;
        if (body.Changes.IsDefaultOrEmpty && body.NewConfig is null)
        {
            return Reject(RejectionReason.InvalidField, "changes", "changes: a proposal needs at least one parameter change or a new governance config.");
        }

        if (body.Changes.Length > Proposal.MaxChanges)
        {
            return Reject(RejectionReason.InvalidField, "changes", $"changes: at most {Proposal.MaxChanges} per proposal; got {body.Changes.Length}.");
        }

        ParameterChange.TryApply(state.Parameters, body.Changes.AsSpan(), out var error);
        if (error is { } e)
        {
            return Reject(RejectionReason.InvalidField, e.Field, e.Message);
        }

        if (body.NewConfig?.Validate() is { } configError)
        {
            return Reject(RejectionReason.InvalidField, configError.Field, configError.Message);
        }

        var config = governance.Config;
        var proposal = new Proposal(
            tx.Hash, tx.Sender, height, height + config.ProposalLifetimeBlocks, body.Changes.IsDefault ? [] : body.Changes, body.NewConfig,
            [tx.Sender], config.Threshold <= 1 ? height : 0, ProposalStatus.Open);
        state.SetProposal(proposal);
        return Rejection.Accepted;
    }

    /// <summary>Adds the sender's approval.</summary>
    public static Rejection Approve(LedgerState state, ulong height, Address sender, GovernanceApproveBody body)
    {
        if (GovernorCheck(state, sender) is { } notGovernor)
        {
            return notGovernor;
        }

        if (OpenProposal(state, height, body.ProposalId, out var proposal) is { } closed)
        {
            return closed;
        }

        var index = proposal.Approvals.BinarySearch(sender, ByteOrder.Instance);
        if (index >= 0)
        {
            return Reject(RejectionReason.DuplicateApproval, "sender", $"sender: {sender} already approved proposal {proposal.Id}.");
        }

        proposal = proposal with { Approvals = proposal.Approvals.Insert(~index, sender) };
        if (proposal.ThresholdHeight == 0 && proposal.CountingApprovals(state.Governance!.Config) >= state.Governance.Config.Threshold)
        {
            proposal = proposal with { ThresholdHeight = height };
        }

        state.SetProposal(proposal);
        return Rejection.Accepted;
    }

    /// <summary>Executes an approved proposal whose time lock has elapsed; its changes take effect from the next block.</summary>
    public static Rejection Execute(LedgerState state, ulong height, GovernanceExecuteBody body)
    {
        var governance = state.Governance;
        if (governance is null)
        {
            return Reject(RejectionReason.UnknownProposal, "proposal_id", $"proposal_id: governance is disabled on this ledger; there is no proposal {body.ProposalId}.");
        }

        if (OpenProposal(state, height, body.ProposalId, out var proposal) is { } closed)
        {
            return closed;
        }

        var config = governance.Config;
        var approvals = proposal.CountingApprovals(config);
        if (approvals < config.Threshold)
        {
            return Reject(RejectionReason.InsufficientApprovals, "proposal_id", $"proposal_id: {approvals} approvals from current governors; the threshold is {config.Threshold}.");
        }

        // A threshold reached under an earlier governor set (or never marked) starts its time lock now.
        var lockStart = proposal.ThresholdHeight == 0 ? height : proposal.ThresholdHeight;
        if (height < lockStart + config.TimelockBlocks)
        {
            return Reject(RejectionReason.TimelockNotElapsed, "proposal_id", $"proposal_id: executable from block {lockStart + config.TimelockBlocks} (threshold at {lockStart} + time lock {config.TimelockBlocks}); this is block {height}.");
        }

        var basis = governance.PendingParameters ?? state.Parameters;
        var parameters = ParameterChange.TryApply(basis, proposal.Changes.AsSpan(), out var error);
        if (error is { } e)
        {
            return Reject(RejectionReason.InvalidField, e.Field, e.Message);
        }

        state.SetGovernance(governance with
        {
            PendingParameters = proposal.Changes.IsEmpty ? governance.PendingParameters : parameters,
            PendingConfig = proposal.NewConfig ?? governance.PendingConfig,
        });
        state.SetProposal(proposal with { Status = ProposalStatus.Executed });
        return Rejection.Accepted;
    }

    private static Rejection? GovernorCheck(LedgerState state, Address sender)
    {
        var governance = state.Governance;
        return governance is not null && governance.Config.IsGovernor(sender)
            ? null
            : Reject(RejectionReason.NotGovernor, "sender", $"sender: {sender} is not one of the {(governance is null ? 0 : governance.Config.Governors.Length)} governors.");
    }

    private static Rejection? OpenProposal(LedgerState state, ulong height, Hash256 id, out Proposal proposal)
    {
        proposal = state.GetProposal(id)!;
        if (proposal is null)
        {
            return Reject(RejectionReason.UnknownProposal, "proposal_id", $"proposal_id: no proposal {id}.");
        }

        if (proposal.Status != ProposalStatus.Open)
        {
            return Reject(RejectionReason.ProposalClosed, "proposal_id", $"proposal_id: proposal {id} was already executed.");
        }

        return height > proposal.ExpiryHeight
            ? Reject(RejectionReason.ProposalExpired, "proposal_id", $"proposal_id: proposal {id} expired after block {proposal.ExpiryHeight}; this is block {height}.")
            : null;
    }
}
