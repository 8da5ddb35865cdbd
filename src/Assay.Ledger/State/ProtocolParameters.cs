using Assay.Proofs.Canonical;

namespace Assay.Ledger.State;

/// <summary>The protocol's economic and timing parameters, held as state (governance will change them).</summary>
/// <remarks>
/// Fractions are basis points (1/10 000). Windows and periods are in blocks. Amounts are minor units of
/// <see cref="NativeAsset"/>, which is also the asset of stakes, fees, slashes and the insurance fund.
/// Canonical body (format 1, tag <see cref="LedgerTypeTags.ProtocolParameters"/>): native asset string, then every
/// other property in declaration order, u64 for amounts/windows/squarings and u32 for the rest. Format 2 added
/// <see cref="BeaconDelaySquarings"/> at the end.
/// </remarks>
public sealed record ProtocolParameters : ICanonicalEncodable<ProtocolParameters>
{
    /// <summary>Largest reputation; allocation weight = stake × reputation.</summary>
    public const uint MaxReputation = 10_000;

    /// <summary>Denominator of basis-point fractions.</summary>
    public const uint BasisPoints = 10_000;

    /// <summary>Longest window or period, in blocks.</summary>
    public const ulong MaxWindowBlocks = 1UL << 32;

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.ProtocolParameters;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 2;

    /// <summary>Domain tag of the record's hash.</summary>
    public static string HashTag => "assay/ledger-parameters/v2";

    /// <summary>The asset of stakes, fees, slashes and insurance (JSON <c>native_asset</c>).</summary>
    public string NativeAsset { get; init; } = "ASY";

    /// <summary>Least stake of an eligible node (JSON <c>min_stake</c>).</summary>
    public ulong MinStakeMinorUnits { get; init; } = 1_000_000;

    /// <summary>Blocks an assigned node has to commit, counting the block it was drawn in (JSON <c>commit_window_blocks</c>).</summary>
    public ulong CommitWindowBlocks { get; init; } = 5;

    /// <summary>Blocks a node has to reveal once reveals open (JSON <c>reveal_window_blocks</c>).</summary>
    public ulong RevealWindowBlocks { get; init; } = 5;

    /// <summary>Least challenge window; a task's own window applies when longer (JSON <c>min_challenge_window_blocks</c>).</summary>
    public ulong MinChallengeWindowBlocks { get; init; } = 3;

    /// <summary>Blocks between beginning to unbond and release (JSON <c>unbonding_period_blocks</c>).</summary>
    public ulong UnbondingPeriodBlocks { get; init; } = 20;

    /// <summary>Slash of a wrong or unverifiable reveal, basis points of the slashable stake (JSON <c>slash_wrong_reveal_bps</c>).</summary>
    public uint SlashWrongRevealBps { get; init; } = 2_000;

    /// <summary>Slash of a missed commit (JSON <c>slash_missed_commit_bps</c>).</summary>
    public uint SlashMissedCommitBps { get; init; } = 100;

    /// <summary>Slash of a missed reveal (JSON <c>slash_missed_reveal_bps</c>).</summary>
    public uint SlashMissedRevealBps { get; init; } = 500;

    /// <summary>Share of every slash that goes to the insurance fund; the rest is burned (JSON <c>slash_insurance_share_bps</c>).</summary>
    public uint SlashInsuranceShareBps { get; init; } = 5_000;

    /// <summary>Share of a task's fee split among agreeing nodes; the rest and the rounding dust go to insurance (JSON <c>reward_node_share_bps</c>).</summary>
    public uint RewardNodeShareBps { get; init; } = 9_000;

    /// <summary>Reputation of a newly registered node (JSON <c>initial_reputation</c>).</summary>
    public uint InitialReputation { get; init; } = 5_000;

    /// <summary>Reputation gained per agreed result (JSON <c>reputation_up_step</c>).</summary>
    public uint ReputationUpStep { get; init; } = 100;

    /// <summary>Reputation lost per fault (JSON <c>reputation_down_step</c>).</summary>
    public uint ReputationDownStep { get; init; } = 1_000;

    /// <summary>Consecutive faults that jail a node (JSON <c>jail_threshold_faults</c>).</summary>
    public uint JailThresholdFaults { get; init; } = 3;

    /// <summary>Largest replication a task may ask for (JSON <c>max_replication</c>).</summary>
    public uint MaxReplication { get; init; } = 16;

    /// <summary>Most replacement nodes drawn for one task (JSON <c>max_replacements_per_task</c>).</summary>
    public uint MaxReplacementsPerTask { get; init; } = 16;

    /// <summary>Least task fee (JSON <c>min_task_fee</c>).</summary>
    public ulong MinTaskFeeMinorUnits { get; init; } = 1;

    /// <summary>Sequential squarings of the VDF beacon per block (JSON <c>beacon_delay_squarings</c>); used only with a verifiable beacon such as <c>Beacon.VdfBeacon</c>.</summary>
    public ulong BeaconDelaySquarings { get; init; } = 1UL << 20;

    /// <summary>The first field out of range as (JSON name, message), or null when all are valid.</summary>
    public (string Field, string Message)? Validate()
    {
        if (!CanonicalFields.IsValidAsset(NativeAsset))
        {
            return ("native_asset", "native_asset must be 1 … 16 characters A–Z, 0–9.");
        }

        if (MinStakeMinorUnits == 0)
        {
            return ("min_stake", "min_stake must be ≥ 1.");
        }

        foreach (var (name, value) in new[]
        {
            ("commit_window_blocks", CommitWindowBlocks), ("reveal_window_blocks", RevealWindowBlocks),
            ("min_challenge_window_blocks", MinChallengeWindowBlocks), ("unbonding_period_blocks", UnbondingPeriodBlocks),
        })
        {
            if (value is 0 or > MaxWindowBlocks)
            {
                return (name, $"{name} must be 1 … {MaxWindowBlocks}; got {value}.");
            }
        }

        foreach (var (name, value) in new[]
        {
            ("slash_wrong_reveal_bps", SlashWrongRevealBps), ("slash_missed_commit_bps", SlashMissedCommitBps),
            ("slash_missed_reveal_bps", SlashMissedRevealBps), ("slash_insurance_share_bps", SlashInsuranceShareBps),
            ("reward_node_share_bps", RewardNodeShareBps), ("initial_reputation", InitialReputation),
            ("reputation_up_step", ReputationUpStep), ("reputation_down_step", ReputationDownStep),
        })
        {
            if (value > BasisPoints)
            {
                return (name, $"{name} must be 0 … {BasisPoints}; got {value}.");
            }
        }

        if (JailThresholdFaults == 0)
        {
            return ("jail_threshold_faults", "jail_threshold_faults must be ≥ 1.");
        }

        if (MaxReplication is 0 or > 64)
        {
            return ("max_replication", $"max_replication must be 1 … 64; got {MaxReplication}.");
        }

        if (MaxReplacementsPerTask > 128)
        {
            return ("max_replacements_per_task", $"max_replacements_per_task must be 0 … 128; got {MaxReplacementsPerTask}.");
        }

        if (BeaconDelaySquarings is 0 or > (1UL << 40))
        {
            return ("beacon_delay_squarings", $"beacon_delay_squarings must be 1 … {1UL << 40}; got {BeaconDelaySquarings}.");
        }

        return null;
    }

    /// <summary>Reads and validates a body.</summary>
    public static ProtocolParameters ReadBody(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var p = new ProtocolParameters
        {
            NativeAsset = CanonicalFields.ReadAsset(ref reader),
            MinStakeMinorUnits = reader.ReadUInt64(),
            CommitWindowBlocks = reader.ReadUInt64(),
            RevealWindowBlocks = reader.ReadUInt64(),
            MinChallengeWindowBlocks = reader.ReadUInt64(),
            UnbondingPeriodBlocks = reader.ReadUInt64(),
            SlashWrongRevealBps = reader.ReadUInt32(),
            SlashMissedCommitBps = reader.ReadUInt32(),
            SlashMissedRevealBps = reader.ReadUInt32(),
            SlashInsuranceShareBps = reader.ReadUInt32(),
            RewardNodeShareBps = reader.ReadUInt32(),
            InitialReputation = reader.ReadUInt32(),
            ReputationUpStep = reader.ReadUInt32(),
            ReputationDownStep = reader.ReadUInt32(),
            JailThresholdFaults = reader.ReadUInt32(),
            MaxReplication = reader.ReadUInt32(),
            MaxReplacementsPerTask = reader.ReadUInt32(),
            MinTaskFeeMinorUnits = reader.ReadUInt64(),
            BeaconDelaySquarings = reader.ReadUInt64(),
        };
        if (p.Validate() is { } error)
        {
            CanonicalReader.Fail(start, error.Message);
        }

        return p;
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(NativeAsset, CanonicalFields.MaxAssetLength);
        writer.WriteUInt64(MinStakeMinorUnits);
        writer.WriteUInt64(CommitWindowBlocks);
        writer.WriteUInt64(RevealWindowBlocks);
        writer.WriteUInt64(MinChallengeWindowBlocks);
        writer.WriteUInt64(UnbondingPeriodBlocks);
        writer.WriteUInt32(SlashWrongRevealBps);
        writer.WriteUInt32(SlashMissedCommitBps);
        writer.WriteUInt32(SlashMissedRevealBps);
        writer.WriteUInt32(SlashInsuranceShareBps);
        writer.WriteUInt32(RewardNodeShareBps);
        writer.WriteUInt32(InitialReputation);
        writer.WriteUInt32(ReputationUpStep);
        writer.WriteUInt32(ReputationDownStep);
        writer.WriteUInt32(JailThresholdFaults);
        writer.WriteUInt32(MaxReplication);
        writer.WriteUInt32(MaxReplacementsPerTask);
        writer.WriteUInt64(MinTaskFeeMinorUnits);
        writer.WriteUInt64(BeaconDelaySquarings);
    }
}
