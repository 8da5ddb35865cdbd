using Assay.Ledger.Disputes;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Ledger.Tests.Disputes;

/// <summary>Every malformed challenge and bisection step is a rejection that leaves the state root as an empty block leaves it.</summary>
public sealed class DisputeRejectionTests
{
    private static void AssertRejected(TestNet net, SignedTransaction tx, RejectionReason reason, string field)
    {
        var fork = net.Fork();
        var nonceBefore = net.State.GetAccount(tx.Sender)?.Nonce;
        var block = net.Commit(tx);
        var empty = fork.Commit();
        var outcome = Assert.Single(block.Outcomes);
        Assert.True(outcome.Result.Reason == reason && outcome.Result.Field == field, $"expected {reason} ({field}); got {outcome.Result}");
        Assert.Contains(field, outcome.Result.Message, StringComparison.Ordinal);
        Assert.Equal(empty.Header.StateRoot, block.Header.StateRoot);
        Assert.Equal(nonceBefore, net.State.GetAccount(tx.Sender)?.Nonce);
    }

    private static BisectionStepBody WithLeftHash(BisectionStepBody step, Hash256 hash) => step with { Left = step.Left with { Hash = hash } };

    [Fact]
    public void Malformed_challenges_are_rejected_without_effect()
    {
        var s = DisputeNet.Agreed(8, liars: true, slow: true);
        var net = s.Net;
        var c = DisputeNet.Challenger;
        var good = s.ChallengeBody(s.HonestTree);
        AssertRejected(net, net.Sign(c, good with { TaskId = DomainHash.Compute("test/none", [1]) }), RejectionReason.UnknownTask, "task_id");
        AssertRejected(net, net.Sign(c, good with { BondMinorUnits = 999 }), RejectionReason.InvalidField, "bond");
        AssertRejected(net, net.Sign(c, good with { BondMinorUnits = 2_000_000_000_000 }), RejectionReason.InsufficientBalance, "bond");
        AssertRejected(net, net.Sign(c, good with { AgreedRoot = s.HonestTree.Root }), RejectionReason.InvalidField, "agreed_root");
        AssertRejected(net, net.Sign(c, good with { ClaimedRoot = s.AgreedTree.Root }), RejectionReason.InvalidField, "claimed_root");
        AssertRejected(net, net.Sign(c, good with { ClaimedRoot = s.HonestTree.Root with { LeafCount = 9 } }), RejectionReason.InvalidField, "claimed_root");
        AssertRejected(net, net.Sign(s.Works[0].Key, good), RejectionReason.InvalidField, "sender");

        var id = s.Challenge(s.HonestTree);
        Assert.True(s.State.GetDispute(id)!.IsOpen);
        AssertRejected(net, net.Sign(c, good), RejectionReason.DuplicateTask, "task_id");
    }

    [Fact]
    public void A_challenge_after_finality_is_in_the_wrong_phase()
    {
        var s = DisputeNet.Agreed(4, liars: false);
        s.Net.Commit();
        s.Net.Commit();
        s.Net.Commit();
        Assert.Equal(State.TaskPhase.Final, s.State.GetTask(s.Spec.TaskId)!.Phase);
        var fake = TreeNodes.Falsify(s.HonestTree, 1, 1);
        AssertRejected(s.Net, s.Net.Sign(DisputeNet.Challenger, s.ChallengeBody(fake)), RejectionReason.WrongPhase, "task_id");
    }

    [Fact]
    public void Malformed_bisection_steps_are_rejected_without_effect()
    {
        var s = DisputeNet.Agreed(8, liars: true, slow: true);
        var net = s.Net;
        var id = s.Challenge(s.HonestTree);
        var defender = s.Works[1].Key;
        var step = s.NextStep(id, s.AgreedTree, s.HonestTree);

        AssertRejected(net, net.Sign(defender, step with { DisputeId = DomainHash.Compute("test/none", [2]) }), RejectionReason.UnknownTask, "dispute_id");
        AssertRejected(net, net.Sign(DisputeNet.Challenger, s.NextStep(id, s.HonestTree, s.HonestTree)), RejectionReason.WrongPhase, "sender");
        AssertRejected(net, net.Sign(DisputeNet.Outsider, step), RejectionReason.NotAssigned, "sender");
        AssertRejected(net, net.Sign(s.Works[2].Key, step), RejectionReason.NotAssigned, "sender");    // the honest minority node is not the defence
        AssertRejected(net, net.Sign(defender, step with { Step = 1 }), RejectionReason.InvalidField, "step");
        AssertRejected(net, net.Sign(defender, WithLeftHash(step, step.Right.Hash)), RejectionReason.MalformedProof, "left");
        var right = step.Right.Sums;
        var shifted = new LaneSums(right.Count + 1, right.Lanes);
        AssertRejected(net, net.Sign(defender, step with { Right = step.Right with { Sums = shifted } }), RejectionReason.MalformedProof, "left");

        // The challenger's own tree for the defender's move: it does not hash to the agreed node.
        var honestChildren = s.NextStep(id, s.HonestTree, s.HonestTree);
        AssertRejected(net, net.Sign(defender, honestChildren), RejectionReason.MalformedProof, "left");

        // A valid move, then the challenger must answer with children of its own node, not the defender's.
        net.Tx(defender, step);
        Assert.True(net.Commit().Outcomes[0].Result.IsAccepted);
        AssertRejected(net, net.Sign(defender, s.NextStep(id, s.AgreedTree, s.AgreedTree)), RejectionReason.WrongPhase, "sender");
        AssertRejected(net, net.Sign(DisputeNet.Challenger, s.NextStep(id, s.AgreedTree, s.AgreedTree)), RejectionReason.MalformedProof, "left");

        // Silent challenger: after its deadline the dispute is lost and a late move is past the deadline.
        var deadline = s.State.GetDispute(id)!.DeadlineHeight;
        var late = s.NextStep(id, s.AgreedTree, s.HonestTree);
        while (net.Ledger.Head.Height <= deadline)
        {
            net.Commit();
        }

        Assert.Equal(DisputeStatus.DefenderWon, s.State.GetDispute(id)!.Status);
        AssertRejected(net, net.Sign(DisputeNet.Challenger, late), RejectionReason.PastDeadline, "step");
    }

    [Fact]
    public void A_step_on_a_decided_dispute_is_in_the_wrong_phase()
    {
        var s = DisputeNet.Agreed(4, liars: false);
        var fake = TreeNodes.Falsify(s.HonestTree, 2, 1);
        var id = s.Challenge(fake);
        var first = s.NextStep(id, s.AgreedTree, fake);
        s.Play(id, s.AgreedTree, fake);
        Assert.Equal(DisputeStatus.DefenderWon, s.State.GetDispute(id)!.Status);
        AssertRejected(s.Net, s.Net.Sign(s.Works[0].Key, first), RejectionReason.WrongPhase, "dispute_id");
    }
}
