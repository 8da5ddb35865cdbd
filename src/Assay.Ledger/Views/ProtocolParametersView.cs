using Assay.Ledger.State;

namespace Assay.Ledger.Views;

/// <summary>The protocol parameters under the names the genesis file uses.</summary>
/// <param name="NativeAsset">Asset of stakes, fees and slashes.</param>
/// <param name="MinStake">Minimum node stake (minor units).</param>
/// <param name="CommitWindowBlocks">Blocks to commit after assignment.</param>
/// <param name="RevealWindowBlocks">Blocks to reveal after the reveal opens.</param>
/// <param name="MinChallengeWindowBlocks">Smallest challenge window a task may ask for.</param>
/// <param name="UnbondingPeriodBlocks">Blocks before unbonded stake is released.</param>
/// <param name="SlashWrongRevealBps">Slash of a wrong reveal (basis points of stake).</param>
/// <param name="SlashMissedCommitBps">Slash of a missed commit (basis points).</param>
/// <param name="SlashMissedRevealBps">Slash of a missed reveal (basis points).</param>
/// <param name="SlashInsuranceShareBps">Share of a slash paid to insurance (basis points).</param>
/// <param name="RewardNodeShareBps">Share of a fee paid to nodes (basis points).</param>
/// <param name="InitialReputation">Reputation of a new node (0 … 10 000).</param>
/// <param name="ReputationUpStep">Reputation gained per rewarded task.</param>
/// <param name="ReputationDownStep">Reputation lost per fault.</param>
/// <param name="JailThresholdFaults">Consecutive faults that jail a node.</param>
/// <param name="MaxReplication">Largest replication a task may ask for.</param>
/// <param name="MaxReplacementsPerTask">Largest number of replacement draws per task.</param>
/// <param name="MinTaskFee">Smallest task fee (minor units).</param>
/// <param name="BeaconDelaySquarings">Squarings of the verifiable beacon.</param>
public sealed record ProtocolParametersView(
    string NativeAsset,
    ulong MinStake,
    ulong CommitWindowBlocks,
    ulong RevealWindowBlocks,
    ulong MinChallengeWindowBlocks,
    ulong UnbondingPeriodBlocks,
    uint SlashWrongRevealBps,
    uint SlashMissedCommitBps,
    uint SlashMissedRevealBps,
    uint SlashInsuranceShareBps,
    uint RewardNodeShareBps,
    uint InitialReputation,
    uint ReputationUpStep,
    uint ReputationDownStep,
    uint JailThresholdFaults,
    uint MaxReplication,
    uint MaxReplacementsPerTask,
    ulong MinTaskFee,
    ulong BeaconDelaySquarings)
{
    /// <summary>The view of <paramref name="p"/>.</summary>
    public static ProtocolParametersView From(ProtocolParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new ProtocolParametersView(
            p.NativeAsset, p.MinStakeMinorUnits, p.CommitWindowBlocks, p.RevealWindowBlocks, p.MinChallengeWindowBlocks, p.UnbondingPeriodBlocks,
            p.SlashWrongRevealBps, p.SlashMissedCommitBps, p.SlashMissedRevealBps, p.SlashInsuranceShareBps, p.RewardNodeShareBps,
            p.InitialReputation, p.ReputationUpStep, p.ReputationDownStep, p.JailThresholdFaults, p.MaxReplication, p.MaxReplacementsPerTask,
            p.MinTaskFeeMinorUnits, p.BeaconDelaySquarings);
    }
}
