namespace Assay.Simulation;

/// <summary>What happened to the nodes of one fault kind in a run: how many there were and how the ledger punished them.</summary>
/// <remarks>Counts are of assignments by their final status; <see cref="StakeLostMinorUnits"/> is genesis stake minus final stake.</remarks>
public sealed record FaultTally
{
    /// <summary>Nodes of this kind.</summary>
    public int Nodes { get; init; }

    /// <summary>Sum of the nodes' fault counters (every slash).</summary>
    public long Slashes { get; init; }

    /// <summary>Reveals whose spot-check proof failed verification (slashed at the reveal).</summary>
    public long FailedVerification { get; init; }

    /// <summary>Assignments without a commitment by the commit deadline.</summary>
    public long MissedCommit { get; init; }

    /// <summary>Commitments never opened by the reveal deadline.</summary>
    public long MissedReveal { get; init; }

    /// <summary>Verified reveals that disagreed with the agreed root (slashed at finality).</summary>
    public long SlashedWrong { get; init; }

    /// <summary>Assignments paid at finality.</summary>
    public long Rewarded { get; init; }

    /// <summary>Transactions of these nodes that the ledger rejected (nothing changed).</summary>
    public long RejectedTransactions { get; init; }

    /// <summary>Pairs of different commitments to one task signed by one of these nodes, seen by the sequencer's mempool.</summary>
    public long EquivocationsSeen { get; init; }

    /// <summary>Tasks for which the ledger slashed one of these nodes on equivocation evidence (two signed commitments to one task).</summary>
    public long EquivocationsSlashed { get; init; }

    /// <summary>Stake taken by slashes, in minor units of the native asset.</summary>
    public ulong StakeLostMinorUnits { get; init; }

    /// <summary>Adds two tallies field by field.</summary>
    public FaultTally Add(FaultTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new FaultTally
        {
            Nodes = Nodes + other.Nodes,
            Slashes = Slashes + other.Slashes,
            FailedVerification = FailedVerification + other.FailedVerification,
            MissedCommit = MissedCommit + other.MissedCommit,
            MissedReveal = MissedReveal + other.MissedReveal,
            SlashedWrong = SlashedWrong + other.SlashedWrong,
            Rewarded = Rewarded + other.Rewarded,
            RejectedTransactions = RejectedTransactions + other.RejectedTransactions,
            EquivocationsSeen = EquivocationsSeen + other.EquivocationsSeen,
            EquivocationsSlashed = EquivocationsSlashed + other.EquivocationsSlashed,
            StakeLostMinorUnits = StakeLostMinorUnits + other.StakeLostMinorUnits,
        };
    }
}
