using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;

namespace Assay.Ledger.Tests.Evidence;

/// <summary>Equivocation evidence: the slash, the reporter's share, the fault count, jailing, and replay.</summary>
public sealed class EquivocationTests
{
    [Fact]
    public void Evidence_slashes_the_node_pays_the_reporter_the_insurance_share_and_burns_the_rest()
    {
        var e = new EvidenceNet();
        var node = e.Assigned[0];
        var (first, second) = e.Conflict(node, e.Spec.TaskId);
        e.Net.Commit(first);
        var reporterBefore = e.Net.State.GetAccount(EvidenceNet.Reporter.Address)!.BalanceOf("ASY");
        var chainBefore = e.Net.State.Chain;
        var block = e.Net.Commit(e.Evidence(first, second));
        Assert.True(block.Outcomes[0].Result.IsAccepted, block.Outcomes[0].Result.ToString());

        // Slash 2 000 bps of 10^7 = 2 000 000: the insurance share (50 %) to the reporter, the rest burned.
        var record = e.Net.State.GetNode(node.Address)!;
        Assert.Equal(8_000_000UL, record.StakeMinorUnits);
        Assert.Equal(1UL, record.TotalFaults);
        Assert.Equal(1U, record.ConsecutiveFaults);
        Assert.Equal(4_000U, record.Reputation);
        Assert.Equal(NodeStatus.Active, record.Status);
        Assert.Equal(reporterBefore + 1_000_000, e.Net.State.GetAccount(EvidenceNet.Reporter.Address)!.BalanceOf("ASY"));
        Assert.Equal(chainBefore.BurnedMinorUnits + 1_000_000, e.Net.State.Chain.BurnedMinorUnits);
        Assert.Equal(chainBefore.InsuranceMinorUnits, e.Net.State.Chain.InsuranceMinorUnits);
        var evidence = e.Net.State.GetEvidence(EvidenceRecord.IdFor(node.Address, e.Spec.TaskId))!;
        Assert.Equal(new EvidenceRecord(evidence.EvidenceId, node.Address, e.Spec.TaskId, EvidenceNet.Reporter.Address, 4, 2_000_000, 1_000_000, first.Hash, second.Hash), evidence);

        // The task itself goes on: the applied commitment stands and the other nodes are untouched.
        Assert.Equal(AssignmentStatus.Committed, e.Net.AssignmentOf(e.Spec.TaskId, node.Address).Status);
        Assert.All(e.Assigned.Skip(1), k => Assert.Equal(10_000_000UL, e.Net.State.GetNode(k.Address)!.StakeMinorUnits));
        Assert.True(SettlementLedger.Replay(e.Net.Genesis, e.Net.Blocks).AllMatch);
    }

    [Fact]
    public void Commits_never_included_and_at_different_nonces_are_evidence_too_and_any_order_counts_once()
    {
        var e = new EvidenceNet();
        var node = e.Assigned[1];
        var first = e.Net.Sign(node, EvidenceNet.CommitTo(e.Spec.TaskId, 1));
        var second = e.Net.Sign(node, EvidenceNet.CommitTo(e.Spec.TaskId, 2), nonceOffset: 5);
        var third = e.Net.Sign(node, EvidenceNet.CommitTo(e.Spec.TaskId, 3), nonceOffset: 9);
        var block = e.Net.Commit(e.Evidence(second, first), e.Evidence(first, third, TestNet.Key(0)));
        Assert.True(block.Outcomes[0].Result.IsAccepted, block.Outcomes[0].Result.ToString());
        Assert.Equal(RejectionReason.DuplicateEvidence, block.Outcomes[1].Result.Reason);
        Assert.Equal(8_000_000UL, e.Net.State.GetNode(node.Address)!.StakeMinorUnits);
        Assert.Equal(0UL, e.Net.State.GetAccount(node.Address)!.Nonce);
    }

    [Fact]
    public void Evidence_that_reaches_the_threshold_jails_the_node_and_writes_its_jail_record()
    {
        var e = new EvidenceNet(TestNet.Parameters with { JailThresholdFaults = 1 });
        var node = e.Assigned[2];
        var (first, second) = e.Conflict(node, e.Spec.TaskId);
        e.Net.Commit(e.Evidence(first, second));
        Assert.Equal(NodeStatus.Jailed, e.Net.State.GetNode(node.Address)!.Status);

        // Jailed at block 3; the period is the unbonding period (4 blocks), so the first unjail height is 7.
        Assert.Equal(new JailRecord(3, 7, 1), e.Net.State.GetJail(node.Address));
        Assert.Null(e.Net.State.GetJail(e.Assigned[0].Address));
        Assert.True(SettlementLedger.Replay(e.Net.Genesis, e.Net.Blocks).AllMatch);
    }

    [Fact]
    public void Self_reporting_still_costs_the_burned_part()
    {
        var e = new EvidenceNet();
        var node = e.Assigned[0];
        var (first, second) = e.Conflict(node, e.Spec.TaskId);
        var before = e.Net.State.GetAccount(node.Address)!.BalanceOf("ASY") + e.Net.State.GetNode(node.Address)!.StakeMinorUnits;
        var block = e.Net.Commit(e.Evidence(first, second, node));
        Assert.True(block.Outcomes[0].Result.IsAccepted, block.Outcomes[0].Result.ToString());
        var after = e.Net.State.GetAccount(node.Address)!.BalanceOf("ASY") + e.Net.State.GetNode(node.Address)!.StakeMinorUnits;
        Assert.Equal(before - 1_000_000, after);
    }

    [Fact]
    public void A_snapshot_holding_jail_and_evidence_records_restores_and_continues_block_for_block()
    {
        var e = new EvidenceNet(TestNet.Parameters with { JailThresholdFaults = 1 });
        var (first, second) = e.Conflict(e.Assigned[0], e.Spec.TaskId);
        e.Net.Commit(e.Evidence(first, second));
        var restored = LedgerSnapshot.Restore(LedgerSnapshot.Encode(e.Net.Ledger));
        Assert.Equal(e.Net.Ledger.Head.StateRoot, restored.State.ComputeRoot());
        Assert.Equal(e.Net.State.GetJail(e.Assigned[0].Address), restored.State.GetJail(e.Assigned[0].Address));

        // The restored ledger rebuilds its deadline index with one full scan and then follows the original exactly.
        for (var i = 0; i < 6; i++)
        {
            var block = e.Net.Commit();
            var again = restored.ApplyBlock(block.Header.TimestampUnixMs, block.Transactions);
            Assert.Equal(block.Header, again.Header);
            if (i == 0)
            {
                // The full scan steps the one open task, due or not.
                Assert.Equal(1, restored.LastBlockTasksStepped);
            }
            else
            {
                Assert.Equal(e.Net.Ledger.LastBlockTasksStepped, restored.LastBlockTasksStepped);
            }
        }
    }
}
