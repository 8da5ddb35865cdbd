using Assay.Ledger.Tests.Evidence;
using Assay.Ledger.Transactions;

namespace Assay.Ledger.Tests;

/// <summary>Rejections of equivocation evidence and unjail transactions.</summary>
public sealed partial class RejectionTests
{
    [Fact]
    public void DuplicateEvidence()
    {
        var e = new EvidenceNet();
        var (first, second) = e.Conflict(e.Assigned[0], e.Spec.TaskId);
        e.Net.Commit(e.Evidence(first, second));
        var third = e.Net.Sign(e.Assigned[0], EvidenceNet.CommitTo(e.Spec.TaskId, 3));
        AssertRejected(e.Net, e.Evidence(second, third), RejectionReason.DuplicateEvidence, "task_id");
        AssertRejected(e.Net, e.Evidence(first, second), RejectionReason.DuplicateEvidence, "task_id");
    }

    [Fact]
    public void InvalidField_evidence_that_does_not_conflict()
    {
        var e = new EvidenceNet();
        var node = e.Assigned[0];
        var (first, second) = e.Conflict(node, e.Spec.TaskId);
        var transfer = e.Net.Sign(node, new TransferBody(Alice.Address, "ASY", 1));
        AssertRejected(e.Net, e.Evidence(transfer, second), RejectionReason.InvalidField, "first");
        AssertRejected(e.Net, e.Evidence(first, transfer), RejectionReason.InvalidField, "second");
        AssertRejected(e.Net, e.Evidence(first, e.Net.Sign(e.Assigned[1], EvidenceNet.CommitTo(e.Spec.TaskId, 2))), RejectionReason.InvalidField, "second");
        AssertRejected(e.Net, e.Evidence(first, e.Net.Sign(node, EvidenceNet.CommitTo(Hash(9), 2))), RejectionReason.InvalidField, "second");
        AssertRejected(e.Net, e.Evidence(first, e.Net.Sign(node, EvidenceNet.CommitTo(e.Spec.TaskId, 1), nonceOffset: 1)), RejectionReason.InvalidField, "second");
        AssertRejected(e.Net, e.Evidence(first, first), RejectionReason.InvalidField, "second");
    }

    [Fact]
    public void BadSignature_inside_evidence()
    {
        var e = new EvidenceNet();
        var node = e.Assigned[0];
        var (first, second) = e.Conflict(node, e.Spec.TaskId);
        var forged = new SignedTransaction(node.PublicKey, second.Nonce, second.Body, first.Signature);
        AssertRejected(e.Net, e.Evidence(forged, second), RejectionReason.BadSignature, "first");
        AssertRejected(e.Net, e.Evidence(first, forged), RejectionReason.BadSignature, "second");
    }

    [Fact]
    public void UnknownNode_evidence_signed_by_an_account_that_is_not_a_node()
    {
        var e = new EvidenceNet();
        var (first, second) = e.Conflict(Bob, e.Spec.TaskId);
        AssertRejected(e.Net, e.Evidence(first, second, Alice), RejectionReason.UnknownNode, "node");
    }

    [Fact]
    public void UnknownTask_evidence_for_a_task_that_does_not_exist()
    {
        var e = new EvidenceNet();
        var (first, second) = e.Conflict(e.Assigned[0], Hash(7));
        AssertRejected(e.Net, e.Evidence(first, second), RejectionReason.UnknownTask, "task_id");
    }

    [Fact]
    public void NotAssigned_evidence_against_a_node_never_assigned_to_the_task()
    {
        var e = new EvidenceNet();
        var (first, second) = e.Conflict(e.Unassigned, e.Spec.TaskId);
        AssertRejected(e.Net, e.Evidence(first, second), RejectionReason.NotAssigned, "task_id");
    }

    [Fact]
    public void PastDeadline_evidence_older_than_the_unbonding_period()
    {
        // Assigned at block 2, unbonding period 4: evidence is accepted up to block 6.
        var e = new EvidenceNet();
        var (first, second) = e.Conflict(e.Assigned[0], e.Spec.TaskId);
        for (var h = 3; h <= 6; h++)
        {
            e.Net.Commit();
        }

        AssertRejected(e.Net, e.Evidence(first, second), RejectionReason.PastDeadline, "first");
    }

    [Fact]
    public void JailPeriodNotElapsed()
    {
        var e = new EvidenceNet(TestNet.Parameters with { JailThresholdFaults = 1 });
        var node = e.Assigned[0];
        var (first, second) = e.Conflict(node, e.Spec.TaskId);
        e.Net.Commit(e.Evidence(first, second));
        AssertRejected(e.Net, e.Net.Sign(node, new UnjailBody()), RejectionReason.JailPeriodNotElapsed, "sender");
    }

    [Fact]
    public void InsufficientStake_unjail_below_the_minimum_stake()
    {
        // The 20 % evidence slash leaves 8·10^6 of 10^7, below a minimum of 9·10^6.
        var e = new EvidenceNet(TestNet.Parameters with { JailThresholdFaults = 1, MinStakeMinorUnits = 9_000_000 });
        var node = e.Assigned[0];
        var (first, second) = e.Conflict(node, e.Spec.TaskId);
        e.Net.Commit(e.Evidence(first, second));
        while (e.Net.Ledger.Head.Height + 1 < e.Net.State.GetJail(node.Address)!.UnjailHeight)
        {
            e.Net.Commit();
        }

        AssertRejected(e.Net, e.Net.Sign(node, new UnjailBody()), RejectionReason.InsufficientStake, "stake");
    }

    [Fact]
    public void WrongPhase_unjail_of_a_node_that_is_not_jailed()
    {
        var net = Net();
        AssertRejected(net, net.Sign(TestNet.Key(100), new UnjailBody()), RejectionReason.WrongPhase, "sender");
    }

    [Fact]
    public void UnknownNode_unjail_by_an_account_that_is_not_a_node()
    {
        var net = Net();
        AssertRejected(net, net.Sign(Alice, new UnjailBody()), RejectionReason.UnknownNode, "sender");
    }

    private static Proofs.Hashing.Hash256 Hash(byte b) => Proofs.Hashing.DomainHash.Compute("assay/test/v1", [b]);
}
