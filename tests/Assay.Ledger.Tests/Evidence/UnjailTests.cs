using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;

namespace Assay.Ledger.Tests.Evidence;

/// <summary>Unjailing: the period, the reputation floor, the stake requirement, and eligibility afterwards.</summary>
public sealed class UnjailTests
{
    private static (EvidenceNet E, Proofs.Signatures.SigningKey Node) Jailed(ProtocolParameters parameters)
    {
        var e = new EvidenceNet(parameters);
        var node = e.Assigned[0];
        var (first, second) = e.Conflict(node, e.Spec.TaskId);
        e.Net.Commit(e.Evidence(first, second));
        Assert.Equal(NodeStatus.Jailed, e.Net.State.GetNode(node.Address)!.Status);
        return (e, node);
    }

    [Fact]
    public void A_jailed_node_unjails_at_the_end_of_its_period_with_the_reputation_floor_and_can_be_drawn_again()
    {
        // Jailed at block 3 (period 4); its own missed commit faults it again at block 5, so it may unjail at block 9.
        var (e, node) = Jailed(TestNet.Parameters with { JailThresholdFaults = 1 });
        while (e.Net.Ledger.Head.Height + 1 < e.Net.State.GetJail(node.Address)!.UnjailHeight)
        {
            var early = e.Net.Commit(e.Net.Sign(node, new UnjailBody()));
            Assert.Equal(RejectionReason.JailPeriodNotElapsed, early.Outcomes[0].Result.Reason);
        }

        var jail = e.Net.State.GetJail(node.Address)!;
        Assert.Equal(new JailRecord(3, 9, 1), jail);
        var block = e.Net.Commit(e.Net.Sign(node, new UnjailBody()));
        Assert.True(block.Outcomes[0].Result.IsAccepted, block.Outcomes[0].Result.ToString());
        Assert.Equal(9UL, block.Header.Height);
        var record = e.Net.State.GetNode(node.Address)!;
        Assert.Equal(NodeStatus.Active, record.Status);
        Assert.Equal(NodeRecord.UnjailReputation, record.Reputation);
        Assert.Equal(0U, record.ConsecutiveFaults);
        Assert.Equal(2UL, record.TotalFaults);
        Assert.Equal(jail, e.Net.State.GetJail(node.Address));

        // Eligible again: a task replicated on all four nodes draws it.
        var spec = TestNet.PriceBookSpec(replication: 4, quorum: 3, seed: 1);
        e.Net.Tx(TestNet.Key(0), new SubmitTaskBody(spec));
        e.Net.Commit();
        e.Net.Commit();
        Assert.Contains(node.Address, e.Net.Assigned(spec.TaskId));
        Assert.True(SettlementLedger.Replay(e.Net.Genesis, e.Net.Blocks).AllMatch);
    }

    [Fact]
    public void A_node_below_the_minimum_stake_must_add_stake_before_it_unjails()
    {
        // The evidence slash (20 %) and the missed commit (1 %) leave 7 920 000, below a minimum of 9·10^6.
        var (e, node) = Jailed(TestNet.Parameters with { JailThresholdFaults = 1, MinStakeMinorUnits = 9_000_000 });
        while (e.Net.Ledger.Head.Height + 1 < e.Net.State.GetJail(node.Address)!.UnjailHeight)
        {
            e.Net.Commit();
        }

        var refused = e.Net.Commit(e.Net.Sign(node, new UnjailBody()));
        Assert.Equal(RejectionReason.InsufficientStake, refused.Outcomes[0].Result.Reason);
        Assert.Equal(7_920_000UL, e.Net.State.GetNode(node.Address)!.StakeMinorUnits);
        e.Net.Tx(TestNet.Key(0), new TransferBody(node.Address, "ASY", 1_080_000));
        e.Net.Commit();
        e.Net.Tx(node, new AddStakeBody(1_080_000));
        e.Net.Tx(node, new UnjailBody());
        var block = e.Net.Commit();
        Assert.All(block.Outcomes, o => Assert.True(o.Result.IsAccepted, o.Result.ToString()));
        Assert.Equal(NodeStatus.Active, e.Net.State.GetNode(node.Address)!.Status);
    }

    [Fact]
    public void A_fault_while_jailed_restarts_the_period()
    {
        // The jailed node's own assignment (drawn in block 2, commit deadline 4) is missed: faulted at block 5.
        var (e, node) = Jailed(TestNet.Parameters with { JailThresholdFaults = 1 });
        Assert.Equal(new JailRecord(3, 7, 1), e.Net.State.GetJail(node.Address));
        e.Net.Commit();
        e.Net.Commit();
        Assert.Equal(2UL, e.Net.State.GetNode(node.Address)!.TotalFaults);
        Assert.Equal(new JailRecord(3, 9, 1), e.Net.State.GetJail(node.Address));
    }
}
