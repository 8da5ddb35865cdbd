using Assay.Ledger.Blocks;
using Assay.Ledger.Governance;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using static Assay.Ledger.Tests.Governance.GovernanceNet;

namespace Assay.Ledger.Tests.Governance;

/// <summary>Governance: k-of-n approval, time lock, changes in force from the next block, range checks naming the field, governor-set changes, replay.</summary>
public sealed class GovernanceTests
{
    private const ulong NewMinStake = 20_000_000;

    [Fact]
    public void An_executed_min_stake_takes_effect_from_the_next_block_and_refuses_a_registration()
    {
        var net = GovernanceNet.Create();
        var caps = NodeCapabilities.TryCreate(["analytic"], 4, 1024, out _)!;
        var id = ProposeAndApprove(net, MinStake(NewMinStake));
        Assert.Equal(2UL, net.State.GetProposal(id)!.ThresholdHeight);
        net.Commit();

        // Block 4: execute, then a registration at the old minimum in the same block: still accepted.
        net.Tx(Outsider, new GovernanceExecuteBody(id));
        net.Tx(Outsider, new RegisterNodeBody(10_000_000, caps));
        var block4 = net.Commit();
        AssertAccepted(block4);
        Assert.Equal(TestNet.Parameters.MinStakeMinorUnits, net.State.Parameters.MinStakeMinorUnits);
        Assert.Equal(NewMinStake, net.State.Governance!.PendingParameters!.MinStakeMinorUnits);
        Assert.Equal(ProposalStatus.Executed, net.State.GetProposal(id)!.Status);

        // Block 5: the new minimum is in force.
        GovernanceNet.AssertRejected(net, net.Sign(G2, new RegisterNodeBody(10_000_000, caps)), RejectionReason.InsufficientStake, "stake");
        Assert.Equal(NewMinStake, net.State.Parameters.MinStakeMinorUnits);
        Assert.Null(net.State.Governance!.PendingParameters);
        net.Tx(G2, new RegisterNodeBody(NewMinStake, caps));
        AssertAccepted(net.Commit());
        Assert.Equal("all blocks match", SettlementLedger.Replay(net.Genesis, net.Blocks).Detail);
    }

    [Fact]
    public void Several_parameters_change_together_and_two_executions_in_one_block_compose()
    {
        var net = GovernanceNet.Create();
        var first = net.Tx(G0, new GovernanceProposeBody(Changes((GovernedParameter.SlashWrongRevealBps, 2_500), (GovernedParameter.CommitWindowBlocks, 7)), null));
        var second = net.Tx(G1, new GovernanceProposeBody(Changes((GovernedParameter.MinTaskFee, 1_000)), null));
        AssertAccepted(net.Commit());
        net.Tx(G1, new GovernanceApproveBody(first.Hash));
        net.Tx(G2, new GovernanceApproveBody(second.Hash));
        AssertAccepted(net.Commit());
        net.Commit();
        net.Tx(Outsider, new GovernanceExecuteBody(first.Hash));
        net.Tx(Outsider, new GovernanceExecuteBody(second.Hash));
        AssertAccepted(net.Commit());
        net.Commit();
        var p = net.State.Parameters;
        Assert.Equal((2_500u, 7UL, 1_000UL), (p.SlashWrongRevealBps, p.CommitWindowBlocks, p.MinTaskFeeMinorUnits));
        Assert.Equal(TestNet.Parameters with { SlashWrongRevealBps = 2_500, CommitWindowBlocks = 7, MinTaskFeeMinorUnits = 1_000 }, p);
    }

    public static TheoryData<ushort, ulong, string> OutOfRange => new()
    {
        { (ushort)GovernedParameter.SlashWrongRevealBps, 10_001, "slash_wrong_reveal_bps" },
        { (ushort)GovernedParameter.RewardNodeShareBps, 1UL << 32, "reward_node_share_bps" },
        { (ushort)GovernedParameter.CommitWindowBlocks, 0, "commit_window_blocks" },
        { (ushort)GovernedParameter.UnbondingPeriodBlocks, (1UL << 32) + 1, "unbonding_period_blocks" },
        { (ushort)GovernedParameter.MinStake, 0, "min_stake" },
        { (ushort)GovernedParameter.MaxReplication, 65, "max_replication" },
        { (ushort)GovernedParameter.MaxReplacementsPerTask, 129, "max_replacements_per_task" },
        { (ushort)GovernedParameter.JailThresholdFaults, 0, "jail_threshold_faults" },
        { 0, 5, "parameter" },
        { 99, 5, "parameter" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void An_out_of_range_parameter_is_refused_naming_the_field(ushort code, ulong value, string field)
    {
        var net = GovernanceNet.Create();
        var body = new GovernanceProposeBody([new ParameterChange((GovernedParameter)code, value)], null);
        GovernanceNet.AssertRejected(net, net.Sign(G0, body), RejectionReason.InvalidField, field);
    }

    [Fact]
    public void Empty_duplicate_and_invalid_config_proposals_are_refused_naming_the_field()
    {
        var net = GovernanceNet.Create();
        GovernanceNet.AssertRejected(net, net.Sign(G0, new GovernanceProposeBody([], null)), RejectionReason.InvalidField, "changes");
        var twice = Changes((GovernedParameter.MinStake, 2_000_000), (GovernedParameter.MinStake, 3_000_000));
        GovernanceNet.AssertRejected(net, net.Sign(G0, new GovernanceProposeBody(twice, null)), RejectionReason.InvalidField, "min_stake");
        var badThreshold = GovernanceConfig.Create([G0.Address, G1.Address], 3, 0, 5);
        GovernanceNet.AssertRejected(net, net.Sign(G0, new GovernanceProposeBody([], badThreshold)), RejectionReason.InvalidField, "threshold");
        var badLifetime = GovernanceConfig.Create([G0.Address], 1, 5, 5);
        GovernanceNet.AssertRejected(net, net.Sign(G0, new GovernanceProposeBody([], badLifetime)), RejectionReason.InvalidField, "proposal_lifetime_blocks");
        var duplicateGovernor = new GovernanceConfig([G0.Address, G0.Address], 1, 0, 5);
        GovernanceNet.AssertRejected(net, net.Sign(G0, new GovernanceProposeBody([], duplicateGovernor)), RejectionReason.InvalidField, "governors");
    }

    [Fact]
    public void Changing_the_governor_set_is_a_proposal_and_removed_governors_lose_their_vote()
    {
        var net = GovernanceNet.Create();
        var newConfig = GovernanceConfig.Create([G0.Address, Outsider.Address], 1, 0, 5);
        var pendingByG1 = net.Tx(G1, MinStake(3_000_000)); // G1 proposes something before being removed
        AssertAccepted(net.Commit());
        var id = ProposeAndApprove(net, new GovernanceProposeBody([], newConfig));
        net.Tx(G2, new GovernanceApproveBody(pendingByG1.Hash));
        net.Commit();
        net.Tx(Outsider, new GovernanceExecuteBody(id));
        AssertAccepted(net.Commit());
        Assert.Equal(GovernanceNet.Config, net.State.Governance!.Config);

        // Next block: the new set is in force. G1 is out; the outsider is a governor with threshold 1 and no lock.
        GovernanceNet.AssertRejected(net, net.Sign(G1, MinStake(4_000_000)), RejectionReason.NotGovernor, "sender");
        Assert.Equal(newConfig, net.State.Governance!.Config);

        // G1's old proposal had approvals from G1 and G2, neither a governor now: it cannot execute.
        GovernanceNet.AssertRejected(net, net.Sign(Outsider, new GovernanceExecuteBody(pendingByG1.Hash)), RejectionReason.InsufficientApprovals, "proposal_id");

        var propose = net.Tx(Outsider, MinStake(5_000_000));
        net.Tx(Outsider, new GovernanceExecuteBody(propose.Hash));
        AssertAccepted(net.Commit());
        net.Commit();
        Assert.Equal(5_000_000UL, net.State.Parameters.MinStakeMinorUnits);
        Assert.Equal("all blocks match", SettlementLedger.Replay(net.Genesis, net.Blocks).Detail);
    }

    [Fact]
    public void Genesis_governance_errors_name_the_field()
    {
        var genesis = TestNet.MakeGenesis(2, 2) with { Governance = GovernanceConfig.Create([G0.Address, G1.Address], 0, 1, 5) };
        var e = Assert.Throws<GenesisException>(() => SettlementLedger.Create(genesis));
        Assert.Equal("governance.threshold", e.Field);
    }

    [Fact]
    public void Governance_is_in_the_state_root_only_when_configured()
    {
        var plain = SettlementLedger.Create(TestNet.MakeGenesis(4, 4));
        var governed = SettlementLedger.Create(TestNet.MakeGenesis(4, 4) with { Governance = GovernanceNet.Config });
        Assert.Null(plain.State.Governance);
        Assert.NotEqual(plain.GenesisHeader.StateRoot, governed.GenesisHeader.StateRoot);
        Assert.Equal(GovernanceNet.Config, governed.State.Governance!.Config);
    }

    [Theory]
    [InlineData("""{"governors":[],"threshold":1,"timelock_blocks":0,"proposal_lifetime_blocks":5}""", "governance.governors")]
    [InlineData("""{"governors":["G0","G0"],"threshold":1,"timelock_blocks":0,"proposal_lifetime_blocks":5}""", "governance.governors")]
    [InlineData("""{"governors":["G0","asy12"],"threshold":1,"timelock_blocks":0,"proposal_lifetime_blocks":5}""", "governance.governors[1]")]
    [InlineData("""{"governors":["G0"],"threshold":2,"timelock_blocks":0,"proposal_lifetime_blocks":5}""", "governance.threshold")]
    [InlineData("""{"governors":["G0"],"threshold":1,"timelock_blocks":5,"proposal_lifetime_blocks":5}""", "governance.proposal_lifetime_blocks")]
    [InlineData("""{"governors":["G0"],"threshold":1,"timelock_blocks":0}""", "governance.proposal_lifetime_blocks")]
    [InlineData("""{"governors":["G0"],"threshold":1,"timelock_blocks":0,"proposal_lifetime_blocks":5,"quorum":1}""", "governance.quorum")]
    public void Genesis_json_governance_errors_name_the_path(string governance, string field)
    {
        var json = Json(governance);
        var e = Assert.Throws<GenesisException>(() => GenesisJson.Parse(json));
        Assert.True(e.Field == field, $"input {json}: expected {field}, got {e.Field} ({e.Message})");
    }

    [Fact]
    public void Genesis_json_reads_the_governance_section()
    {
        var genesis = GenesisJson.Parse(Json("""{"governors":["G1","G0","G2"],"threshold":2,"timelock_blocks":2,"proposal_lifetime_blocks":10}"""));
        Assert.Equal(GovernanceNet.Config, genesis.Governance);
        Assert.Equal(GovernanceNet.Config, SettlementLedger.Create(genesis).State.Governance!.Config);
        Assert.Null(GenesisJson.Parse(Json(null)).Governance);
    }

    private static string Json(string? governance)
    {
        var text = governance?.Replace("G0", G0.Address.ToString(), StringComparison.Ordinal)
            .Replace("G1", G1.Address.ToString(), StringComparison.Ordinal).Replace("G2", G2.Address.ToString(), StringComparison.Ordinal);
        return "{\"timestamp_unix_ms\": 1790000000000" + (text is null ? string.Empty : ", \"governance\": " + text) + "}";
    }
}
