namespace Assay.Ledger.Governance;

/// <summary>A protocol parameter that governance may change (frozen codes, encoded as u16 in proposals).</summary>
/// <remarks>The native asset is not governed: changing it would strand every stake, escrow and insurance balance.</remarks>
public enum GovernedParameter : ushort
{
    /// <summary><c>min_stake</c>.</summary>
    MinStake = 1,

    /// <summary><c>commit_window_blocks</c>.</summary>
    CommitWindowBlocks = 2,

    /// <summary><c>reveal_window_blocks</c>.</summary>
    RevealWindowBlocks = 3,

    /// <summary><c>min_challenge_window_blocks</c>.</summary>
    MinChallengeWindowBlocks = 4,

    /// <summary><c>unbonding_period_blocks</c>.</summary>
    UnbondingPeriodBlocks = 5,

    /// <summary><c>slash_wrong_reveal_bps</c>.</summary>
    SlashWrongRevealBps = 6,

    /// <summary><c>slash_missed_commit_bps</c>.</summary>
    SlashMissedCommitBps = 7,

    /// <summary><c>slash_missed_reveal_bps</c>.</summary>
    SlashMissedRevealBps = 8,

    /// <summary><c>slash_insurance_share_bps</c>.</summary>
    SlashInsuranceShareBps = 9,

    /// <summary><c>reward_node_share_bps</c>.</summary>
    RewardNodeShareBps = 10,

    /// <summary><c>initial_reputation</c>.</summary>
    InitialReputation = 11,

    /// <summary><c>reputation_up_step</c>.</summary>
    ReputationUpStep = 12,

    /// <summary><c>reputation_down_step</c>.</summary>
    ReputationDownStep = 13,

    /// <summary><c>jail_threshold_faults</c>.</summary>
    JailThresholdFaults = 14,

    /// <summary><c>max_replication</c>.</summary>
    MaxReplication = 15,

    /// <summary><c>max_replacements_per_task</c>.</summary>
    MaxReplacementsPerTask = 16,

    /// <summary><c>min_task_fee</c>.</summary>
    MinTaskFee = 17,

    /// <summary><c>beacon_delay_squarings</c>.</summary>
    BeaconDelaySquarings = 18,
}
