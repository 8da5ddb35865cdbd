using Assay.Ledger.State;

namespace Assay.Ledger.Governance;

/// <summary>One typed parameter change of a proposal: set <paramref name="Parameter"/> to <paramref name="Value"/>.</summary>
/// <remarks>Encoded as u16 parameter code ‖ u64 value. The value is checked against the parameter's range when the
/// proposal is made and again when it is executed (<see cref="TryApply"/>).</remarks>
/// <param name="Parameter">Which parameter.</param>
/// <param name="Value">The new value (u32 parameters must fit in 32 bits).</param>
public readonly record struct ParameterChange(GovernedParameter Parameter, ulong Value)
{
    /// <summary>The parameter's name as the genesis JSON spells it, or null for an unknown code.</summary>
    public static string? NameOf(GovernedParameter parameter) => parameter switch
    {
        GovernedParameter.MinStake => "min_stake",
        GovernedParameter.CommitWindowBlocks => "commit_window_blocks",
        GovernedParameter.RevealWindowBlocks => "reveal_window_blocks",
        GovernedParameter.MinChallengeWindowBlocks => "min_challenge_window_blocks",
        GovernedParameter.UnbondingPeriodBlocks => "unbonding_period_blocks",
        GovernedParameter.SlashWrongRevealBps => "slash_wrong_reveal_bps",
        GovernedParameter.SlashMissedCommitBps => "slash_missed_commit_bps",
        GovernedParameter.SlashMissedRevealBps => "slash_missed_reveal_bps",
        GovernedParameter.SlashInsuranceShareBps => "slash_insurance_share_bps",
        GovernedParameter.RewardNodeShareBps => "reward_node_share_bps",
        GovernedParameter.InitialReputation => "initial_reputation",
        GovernedParameter.ReputationUpStep => "reputation_up_step",
        GovernedParameter.ReputationDownStep => "reputation_down_step",
        GovernedParameter.JailThresholdFaults => "jail_threshold_faults",
        GovernedParameter.MaxReplication => "max_replication",
        GovernedParameter.MaxReplacementsPerTask => "max_replacements_per_task",
        GovernedParameter.MinTaskFee => "min_task_fee",
        GovernedParameter.BeaconDelaySquarings => "beacon_delay_squarings",
        _ => null,
    };

    /// <summary>Applies <paramref name="changes"/> in order to <paramref name="parameters"/>; returns the result, or the first field out of range as (name, message).</summary>
    /// <remarks>Each value must fit its type, then the whole result must pass <see cref="ProtocolParameters.Validate"/>
    /// (so a combination such as a zero window is refused and named). A parameter may appear only once.</remarks>
    public static ProtocolParameters TryApply(ProtocolParameters parameters, ReadOnlySpan<ParameterChange> changes, out (string Field, string Message)? error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var result = parameters;
        var seen = new HashSet<GovernedParameter>();
        foreach (var change in changes)
        {
            var name = NameOf(change.Parameter);
            if (name is null)
            {
                error = ("parameter", $"parameter: {(ushort)change.Parameter} is not a governed parameter code (1 … 18).");
                return parameters;
            }

            if (!seen.Add(change.Parameter))
            {
                error = (name, $"{name}: appears more than once in the proposal.");
                return parameters;
            }

            if (!IsWideParameter(change.Parameter) && change.Value > uint.MaxValue)
            {
                error = (name, $"{name} must be 0 … {uint.MaxValue}; got {change.Value}.");
                return parameters;
            }

            result = With(result, change.Parameter, change.Value);
        }

        error = result.Validate();
        return error is null ? result : parameters;
    }

    private static bool IsWideParameter(GovernedParameter parameter) => parameter is GovernedParameter.MinStake or GovernedParameter.CommitWindowBlocks
        or GovernedParameter.RevealWindowBlocks or GovernedParameter.MinChallengeWindowBlocks or GovernedParameter.UnbondingPeriodBlocks
        or GovernedParameter.MinTaskFee or GovernedParameter.BeaconDelaySquarings;

    private static ProtocolParameters With(ProtocolParameters p, GovernedParameter parameter, ulong value) => parameter switch
    {
        GovernedParameter.MinStake => p with { MinStakeMinorUnits = value },
        GovernedParameter.CommitWindowBlocks => p with { CommitWindowBlocks = value },
        GovernedParameter.RevealWindowBlocks => p with { RevealWindowBlocks = value },
        GovernedParameter.MinChallengeWindowBlocks => p with { MinChallengeWindowBlocks = value },
        GovernedParameter.UnbondingPeriodBlocks => p with { UnbondingPeriodBlocks = value },
        GovernedParameter.SlashWrongRevealBps => p with { SlashWrongRevealBps = (uint)value },
        GovernedParameter.SlashMissedCommitBps => p with { SlashMissedCommitBps = (uint)value },
        GovernedParameter.SlashMissedRevealBps => p with { SlashMissedRevealBps = (uint)value },
        GovernedParameter.SlashInsuranceShareBps => p with { SlashInsuranceShareBps = (uint)value },
        GovernedParameter.RewardNodeShareBps => p with { RewardNodeShareBps = (uint)value },
        GovernedParameter.InitialReputation => p with { InitialReputation = (uint)value },
        GovernedParameter.ReputationUpStep => p with { ReputationUpStep = (uint)value },
        GovernedParameter.ReputationDownStep => p with { ReputationDownStep = (uint)value },
        GovernedParameter.JailThresholdFaults => p with { JailThresholdFaults = (uint)value },
        GovernedParameter.MaxReplication => p with { MaxReplication = (uint)value },
        GovernedParameter.MaxReplacementsPerTask => p with { MaxReplacementsPerTask = (uint)value },
        GovernedParameter.MinTaskFee => p with { MinTaskFeeMinorUnits = value },
        _ => p with { BeaconDelaySquarings = value },
    };
}
