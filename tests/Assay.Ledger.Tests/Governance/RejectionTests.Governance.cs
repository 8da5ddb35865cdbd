using Assay.Ledger.Tests.Governance;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;
using static Assay.Ledger.Tests.Governance.GovernanceNet;

namespace Assay.Ledger.Tests;

/// <summary>The governance rejection reasons, each shown to change nothing (same state root and nonce as an empty block).</summary>
public sealed partial class RejectionTests
{
    [Fact]
    public void NotGovernor_propose_and_approve()
    {
        var net = GovernanceNet.Create();
        GovernanceNet.AssertRejected(net, net.Sign(Outsider, MinStake(2_000_000)), RejectionReason.NotGovernor, "sender");
        var propose = net.Tx(G0, MinStake(2_000_000));
        AssertAccepted(net.Commit());
        GovernanceNet.AssertRejected(net, net.Sign(Outsider, new GovernanceApproveBody(propose.Hash)), RejectionReason.NotGovernor, "sender");
    }

    [Fact]
    public void NotGovernor_when_governance_is_disabled()
    {
        var net = new TestNet(TestNet.MakeGenesis(2, 2));
        GovernanceNet.AssertRejected(net, net.Sign(G0, MinStake(2_000_000)), RejectionReason.NotGovernor, "sender");
    }

    [Fact]
    public void UnknownProposal_approve_and_execute()
    {
        var net = GovernanceNet.Create();
        var id = DomainHash.Compute("assay/test/v1", "no such proposal"u8);
        GovernanceNet.AssertRejected(net, net.Sign(G1, new GovernanceApproveBody(id)), RejectionReason.UnknownProposal, "proposal_id");
        GovernanceNet.AssertRejected(net, net.Sign(Outsider, new GovernanceExecuteBody(id)), RejectionReason.UnknownProposal, "proposal_id");
    }

    [Fact]
    public void DuplicateApproval_by_proposer_and_by_approver()
    {
        var net = GovernanceNet.Create();
        var id = ProposeAndApprove(net, MinStake(2_000_000));
        GovernanceNet.AssertRejected(net, net.Sign(G0, new GovernanceApproveBody(id)), RejectionReason.DuplicateApproval, "sender");
        GovernanceNet.AssertRejected(net, net.Sign(G1, new GovernanceApproveBody(id)), RejectionReason.DuplicateApproval, "sender");
    }

    [Fact]
    public void TimelockNotElapsed_until_threshold_height_plus_lock()
    {
        var net = GovernanceNet.Create();
        var id = ProposeAndApprove(net, MinStake(2_000_000)); // threshold at block 2, executable from 4
        GovernanceNet.AssertRejected(net, net.Sign(Outsider, new GovernanceExecuteBody(id)), RejectionReason.TimelockNotElapsed, "proposal_id");
        net.Tx(Outsider, new GovernanceExecuteBody(id));
        var block = net.Commit();
        Assert.Equal(4UL, block.Header.Height);
        AssertAccepted(block);
    }

    [Fact]
    public void ProposalExpired_after_lifetime()
    {
        var net = GovernanceNet.Create();
        var propose = net.Tx(G0, MinStake(2_000_000));
        AssertAccepted(net.Commit()); // block 1: expiry height 11
        while (net.Ledger.Head.Height < 10)
        {
            net.Commit();
        }

        net.Tx(G1, new GovernanceApproveBody(propose.Hash));
        AssertAccepted(net.Commit()); // block 11: last block it may be approved; lock would end at 13
        GovernanceNet.AssertRejected(net, net.Sign(G2, new GovernanceApproveBody(propose.Hash)), RejectionReason.ProposalExpired, "proposal_id");
        net.Commit();
        GovernanceNet.AssertRejected(net, net.Sign(Outsider, new GovernanceExecuteBody(propose.Hash)), RejectionReason.ProposalExpired, "proposal_id");
    }

    [Fact]
    public void InsufficientApprovals_with_only_the_proposer()
    {
        var net = GovernanceNet.Create();
        var propose = net.Tx(G0, MinStake(2_000_000));
        AssertAccepted(net.Commit());
        net.Commit();
        net.Commit();
        GovernanceNet.AssertRejected(net, net.Sign(Outsider, new GovernanceExecuteBody(propose.Hash)), RejectionReason.InsufficientApprovals, "proposal_id");
    }

    [Fact]
    public void ProposalClosed_after_execution()
    {
        var net = GovernanceNet.Create();
        var id = ProposeAndApprove(net, MinStake(2_000_000));
        net.Commit();
        net.Tx(G2, new GovernanceExecuteBody(id));
        AssertAccepted(net.Commit());
        GovernanceNet.AssertRejected(net, net.Sign(G2, new GovernanceExecuteBody(id)), RejectionReason.ProposalClosed, "proposal_id");
        GovernanceNet.AssertRejected(net, net.Sign(G2, new GovernanceApproveBody(id)), RejectionReason.ProposalClosed, "proposal_id");
    }
}
