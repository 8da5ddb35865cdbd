using Assay.Ledger.Blocks;
using Assay.Ledger.Disputes;
using Assay.Ledger.State;
using Assay.Proofs.Canonical;
using Assay.Proofs.MerkleSum;

namespace Assay.Ledger.Tests.Disputes;

public sealed class DisputeTests
{
    private const ulong Stake = 10_000_000;
    private const ulong Funds = 1_000_000_000_000;

    [Fact]
    public void An_honest_challenge_against_a_wrong_agreed_result_wins_and_the_task_is_rerun()
    {
        var s = DisputeNet.Agreed(16, liars: true);
        var liars = s.Works.Take(2).Select(w => w.Key.Address).ToList();
        var honestNode = s.Works[2].Key.Address;
        var id = s.Challenge(s.HonestTree, bond: 5_000);
        Assert.Equal(Funds - 5_000, DisputeNet.Balance(s.Net, DisputeNet.Challenger.Address));

        var moves = s.Play(id, s.AgreedTree, s.HonestTree);
        var d = s.State.GetDispute(id)!;
        Assert.Equal(DisputeStatus.ChallengerWon, d.Status);
        Assert.False(d.TimedOut);
        Assert.Equal((ulong)s.LiarLeaf, d.RangeStart);
        Assert.Equal(1UL, d.RangeLength);
        Assert.Equal(8, moves);          // 16 leaves: 4 levels, two moves each
        Assert.Equal(0UL, d.BondMinorUnits);

        // Each liar loses 20 % of 10^7; the insurance half of both slashes (2 × 1 000 000) pays the challenger.
        foreach (var liar in liars)
        {
            Assert.Equal(Stake - 2_000_000, s.State.GetNode(liar)!.StakeMinorUnits);
            Assert.Equal(AssignmentStatus.SlashedWrong, s.Net.AssignmentOf(s.Spec.TaskId, liar).Status);
        }

        Assert.Equal(Funds + 2_000_000, DisputeNet.Balance(s.Net, DisputeNet.Challenger.Address));
        Assert.Equal(2_000_000UL, s.State.Chain.BurnedMinorUnits);
        Assert.Equal(0UL, s.State.Chain.InsuranceMinorUnits);

        // The agreement is void; fresh nodes are drawn, the honest root is agreed and paid, the liars get nothing.
        var task = s.State.GetTask(s.Spec.TaskId)!;
        Assert.NotEqual(TaskPhase.Agreed, task.Phase);
        s.RunHonestlyToFinal();
        task = s.State.GetTask(s.Spec.TaskId)!;
        Assert.Equal(s.HonestTree.Root.Digest(), task.AgreedRoot);
        Assert.Equal(AssignmentStatus.Rewarded, s.Net.AssignmentOf(s.Spec.TaskId, honestNode).Status);
        Assert.True(DisputeNet.Balance(s.Net, honestNode) > 0);
        Assert.All(liars, l => Assert.Equal(0UL, DisputeNet.Balance(s.Net, l)));
        Assert.True(SettlementLedger.Replay(s.Net.Genesis, s.Net.Blocks, s.Beacon).AllMatch);
    }

    [Fact]
    public void When_other_reveals_already_form_a_quorum_the_challenged_result_is_replaced_at_once()
    {
        // r = 4, q = 2: the two liars reveal first and are agreed; the two honest nodes reveal the honest root after them.
        var s = DisputeNet.Agreed(16, liars: true, replication: 4);
        var id = s.Challenge(s.HonestTree);
        s.Play(id, s.AgreedTree, s.HonestTree);
        Assert.Equal(DisputeStatus.ChallengerWon, s.State.GetDispute(id)!.Status);
        var task = s.State.GetTask(s.Spec.TaskId)!;
        Assert.Equal(TaskPhase.Agreed, task.Phase);
        Assert.Equal(s.HonestTree.Root.Digest(), task.AgreedRoot);
        Assert.Equal(s.Net.Ledger.Head.Height + 2, task.FinalityHeight);     // a new challenge window from the decision
        Assert.Equal(4, task.Assignments.Length);                             // nobody new was drawn
        while (s.State.GetTask(s.Spec.TaskId)!.Phase != TaskPhase.Final)
        {
            s.Net.Commit();
        }

        var share = s.Spec.FeeMinorUnits * 9 / 10 / 2;
        Assert.All(s.Works.Skip(2), w => Assert.Equal(share, DisputeNet.Balance(s.Net, w.Key.Address)));
        Assert.All(s.Works.Take(2), w => Assert.Equal(0UL, DisputeNet.Balance(s.Net, w.Key.Address)));
        Assert.True(SettlementLedger.Replay(s.Net.Genesis, s.Net.Blocks, s.Beacon).AllMatch);
    }

    [Fact]
    public void A_frivolous_challenge_loses_its_bond_and_the_task_then_finalizes()
    {
        var s = DisputeNet.Agreed(11, liars: false);
        var fake = TreeNodes.Falsify(s.HonestTree, 9, (Int128)1 << 50);
        var id = s.Challenge(fake, bond: 4_000);
        s.Play(id, s.AgreedTree, fake);
        var d = s.State.GetDispute(id)!;
        Assert.Equal(DisputeStatus.DefenderWon, d.Status);
        Assert.Equal(9UL, d.RangeStart);
        Assert.Equal(Funds - 4_000, DisputeNet.Balance(s.Net, DisputeNet.Challenger.Address));
        Assert.Equal(2_000UL, s.State.Chain.InsuranceMinorUnits);
        Assert.Equal(2_000UL, s.State.Chain.BurnedMinorUnits);
        Assert.All(s.Works, w => Assert.Equal(Stake, s.State.GetNode(w.Key.Address)!.StakeMinorUnits));

        // Finality (block 7) waited for the dispute; the next block finalizes and pays the three honest nodes.
        Assert.Equal(TaskPhase.Agreed, s.State.GetTask(s.Spec.TaskId)!.Phase);
        Assert.True(s.Net.Ledger.Head.Height > 7);
        s.Net.Commit();
        Assert.Equal(TaskPhase.Final, s.State.GetTask(s.Spec.TaskId)!.Phase);
        Assert.All(s.Works, w => Assert.Equal(2_700_000UL, DisputeNet.Balance(s.Net, w.Key.Address)));
        Assert.True(SettlementLedger.Replay(s.Net.Genesis, s.Net.Blocks, s.Beacon).AllMatch);
    }

    [Fact]
    public void A_silent_defender_loses_at_its_timeout_and_finality_waits_meanwhile()
    {
        var s = DisputeNet.Agreed(16, liars: true);
        var id = s.Challenge(s.HonestTree);                  // block 5: the defender must move by block 5 + 3 = 8
        Assert.Equal(8UL, s.State.GetDispute(id)!.DeadlineHeight);
        while (s.Net.Ledger.Head.Height < 8)
        {
            s.Net.Commit();
            Assert.Equal(TaskPhase.Agreed, s.State.GetTask(s.Spec.TaskId)!.Phase);   // past finality height 7 from block 7 on, still waiting
            Assert.True(s.State.GetDispute(id)!.IsOpen);
        }

        s.Net.Commit();                                       // block 9: the duty resolves the timeout
        var d = s.State.GetDispute(id)!;
        Assert.Equal(DisputeStatus.ChallengerWon, d.Status);
        Assert.True(d.TimedOut);
        Assert.All(s.Works.Take(2), w => Assert.Equal(Stake - 2_000_000, s.State.GetNode(w.Key.Address)!.StakeMinorUnits));
        Assert.Equal(Stake, s.State.GetNode(s.Works[2].Key.Address)!.StakeMinorUnits);
        Assert.Equal(Funds + 2_000_000, DisputeNet.Balance(s.Net, DisputeNet.Challenger.Address));
        Assert.True(SettlementLedger.Replay(s.Net.Genesis, s.Net.Blocks, s.Beacon).AllMatch);
    }

    [Fact]
    public void A_silent_challenger_loses_its_bond_at_its_timeout()
    {
        var s = DisputeNet.Agreed(16, liars: false);
        var fake = TreeNodes.Falsify(s.HonestTree, 3, (Int128)1 << 50);
        var id = s.Challenge(fake, bond: 1_000);
        s.Net.Tx(s.Works[1].Key, s.NextStep(id, s.AgreedTree, fake));   // any agreeing node may move for the defence
        Assert.True(s.Net.Commit().Outcomes[0].Result.IsAccepted);         // block 6: the challenger must move by 9
        Assert.Equal(DisputeParty.Challenger, s.State.GetDispute(id)!.Mover);
        Assert.Equal(9UL, s.State.GetDispute(id)!.DeadlineHeight);
        while (s.Net.Ledger.Head.Height < 10)
        {
            s.Net.Commit();
        }

        var d = s.State.GetDispute(id)!;
        Assert.Equal(DisputeStatus.DefenderWon, d.Status);
        Assert.True(d.TimedOut);
        Assert.Equal(Funds - 1_000, DisputeNet.Balance(s.Net, DisputeNet.Challenger.Address));

        // The same block's duties then finalize the task (its finality height 7 has passed).
        Assert.Equal(TaskPhase.Final, s.State.GetTask(s.Spec.TaskId)!.Phase);
        Assert.True(SettlementLedger.Replay(s.Net.Genesis, s.Net.Blocks, s.Beacon).AllMatch);
    }

    [Fact]
    public void When_both_leaves_are_wrong_the_result_is_voided_and_the_bond_forfeited()
    {
        var s = DisputeNet.Agreed(8, liars: true);
        var alsoWrong = TreeNodes.Falsify(s.HonestTree, s.LiarLeaf, (Int128)3 << 50);   // the liars' leaf, wrong differently
        Assert.NotEqual(s.AgreedTree.Root.Hash, alsoWrong.Root.Hash);
        var id = s.Challenge(alsoWrong, bond: 2_000);
        s.Play(id, s.AgreedTree, alsoWrong);
        var d = s.State.GetDispute(id)!;
        Assert.Equal(DisputeStatus.BothWrong, d.Status);
        Assert.Equal((ulong)s.LiarLeaf, d.RangeStart);
        Assert.Equal(Funds - 2_000, DisputeNet.Balance(s.Net, DisputeNet.Challenger.Address));
        Assert.All(s.Works.Take(2), w => Assert.Equal(Stake - 2_000_000, s.State.GetNode(w.Key.Address)!.StakeMinorUnits));
        Assert.Equal(2_000_000UL + 1_000UL, s.State.Chain.InsuranceMinorUnits);
        Assert.NotEqual(TaskPhase.Agreed, s.State.GetTask(s.Spec.TaskId)!.Phase);
    }

    [Fact]
    public void When_one_dispute_voids_the_result_the_others_are_moot_and_refunded()
    {
        var s = DisputeNet.Agreed(16, liars: true);
        s.Net.Tx(DisputeNet.Outsider, s.ChallengeBody(s.HonestTree, 3_000));
        var first = s.Challenge(s.HonestTree);                                              // block 5, both disputes
        var second = DisputeRules.DisputeId(s.Spec.TaskId, DisputeNet.Outsider.Address, s.Net.Ledger.Head.Height);
        Assert.True(s.State.GetDispute(second)!.IsOpen);
        Assert.Equal(Funds - 3_000, DisputeNet.Balance(s.Net, DisputeNet.Outsider.Address));

        // The defence answers the first dispute only; the second times out at block 9 and voids the agreed result.
        for (var i = 0; i < 2; i++)
        {
            var mover = s.State.GetDispute(first)!.Mover == DisputeParty.Defender ? s.Works[0].Key : DisputeNet.Challenger;
            s.Net.Tx(mover, s.NextStep(first, s.AgreedTree, s.HonestTree));
            Assert.True(s.Net.Commit().Outcomes[0].Result.IsAccepted);
        }

        while (s.Net.Ledger.Head.Height < 9)
        {
            s.Net.Commit();
        }

        Assert.Equal(DisputeStatus.ChallengerWon, s.State.GetDispute(second)!.Status);
        Assert.Equal(DisputeStatus.Moot, s.State.GetDispute(first)!.Status);
        Assert.Equal(0UL, s.State.GetDispute(first)!.BondMinorUnits);
        Assert.Equal(Funds, DisputeNet.Balance(s.Net, DisputeNet.Challenger.Address));
        Assert.Equal(Funds + 2_000_000, DisputeNet.Balance(s.Net, DisputeNet.Outsider.Address));
    }

    [Fact]
    public void A_one_leaf_task_is_decided_at_the_challenge()
    {
        var s = DisputeNet.Agreed(1, liars: false);
        var fake = TreeNodes.Falsify(s.HonestTree, 0, (Int128)1 << 50);
        var id = s.Challenge(fake);
        Assert.Equal(DisputeStatus.DefenderWon, s.State.GetDispute(id)!.Status);
        Assert.Equal(Funds - 1_000, DisputeNet.Balance(s.Net, DisputeNet.Challenger.Address));
    }

    [Fact]
    public void Dispute_records_and_bodies_round_trip_through_their_encodings()
    {
        var s = DisputeNet.Agreed(5, liars: false);
        var fake = TreeNodes.Falsify(s.HonestTree, 2, (Int128)1 << 50);
        var id = s.Challenge(fake);
        var open = s.State.GetDispute(id)!;
        Assert.Equal(open, CanonicalEncoding.Decode<DisputeRecord>(CanonicalEncoding.Encode(open)));
        var step = s.Net.Tx(s.Works[0].Key, s.NextStep(id, s.AgreedTree, fake));
        s.Net.Commit();
        var moved = s.State.GetDispute(id)!;
        Assert.NotNull(moved.DefenderLeft);
        Assert.Equal(moved, CanonicalEncoding.Decode<DisputeRecord>(CanonicalEncoding.Encode(moved)));
        foreach (var tx in s.Net.Blocks.SelectMany(b => b.Transactions).Where(t => t.Body is Transactions.ChallengeBody or Transactions.BisectionStepBody).Append(step))
        {
            var back = CanonicalEncoding.Decode<Transactions.SignedTransaction>(CanonicalEncoding.Encode(tx));
            Assert.Equal(tx.Hash, back.Hash);
            Assert.Equal(tx.Body, back.Body);
            Assert.True(back.VerifySignature());
        }
    }

    [Fact]
    public void Left_length_is_the_largest_power_of_two_below_the_range()
    {
        foreach (var (n, k) in new (ulong, ulong)[] { (2, 1), (3, 2), (4, 2), (5, 4), (8, 4), (9, 8), (16, 8), (17, 16), (1UL << 32, 1UL << 31) })
        {
            Assert.True(DisputeRules.LeftLength(n) == k, $"n = {n}: expected {k}, got {DisputeRules.LeftLength(n)}");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => DisputeRules.LeftLength(1));
    }

    [Fact]
    public void The_recursive_node_helper_reproduces_the_tree_root()
    {
        foreach (var n in new[] { 1, 2, 3, 5, 7, 12 })
        {
            var s = TestNet.PriceBookSpec(positions: n);
            var tree = Compute.Tasks.TaskRunner.Run(s, new byte[20], maxDegreeOfParallelism: 1).Tree;
            var node = TreeNodes.Node(tree, 0, n);
            Assert.True(node.Hash == tree.Root.Hash && node.Sums == tree.Root.Sums, $"n = {n}");
            if (n > 1)
            {
                var (left, right) = TreeNodes.Children(tree, 0, n);
                Assert.Null(DisputeRules.CheckChildren(Compute.Kinds.PriceBookKind.Instance.Layout, new MerkleSumSibling(tree.Root.Hash, tree.Root.Sums), left, right));
            }
        }
    }
}
