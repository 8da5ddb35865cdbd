namespace Assay.Simulation;

/// <summary>The outcome of one simulated run: invariant violations, fault tallies and traffic counts.</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="Violations">The first violation of each broken invariant (empty when every invariant held).</param>
/// <param name="Faults">Per fault kind (honest included), what the ledger did to those nodes.</param>
/// <param name="Blocks">Blocks produced after genesis.</param>
/// <param name="AcceptedTransactions">Transactions applied.</param>
/// <param name="RejectedTransactions">Transactions rejected (state unchanged).</param>
/// <param name="FinalTasks">Tasks final at the end.</param>
/// <param name="ExpiredTasks">Tasks expired at the end (escrow returned).</param>
/// <param name="Crashes">Sequencer crashes (each followed by a restart from the block list).</param>
/// <param name="MessagesSent">Messages handed to the network.</param>
/// <param name="MessagesLost">Messages dropped (by loss or because the sequencer was down).</param>
/// <param name="MessagesDuplicated">Messages delivered twice.</param>
/// <param name="EndTimeMs">Simulated milliseconds from genesis to the last block.</param>
/// <param name="HeadHash">Hash of the last block (hex): equal for two runs of the same options exactly when they produced the same chain.</param>
public sealed record SimulationReport(
    int Seed,
    IReadOnlyList<InvariantViolation> Violations,
    IReadOnlyDictionary<FaultKind, FaultTally> Faults,
    int Blocks,
    int AcceptedTransactions,
    int RejectedTransactions,
    int FinalTasks,
    int ExpiredTasks,
    int Crashes,
    int MessagesSent,
    int MessagesLost,
    int MessagesDuplicated,
    long EndTimeMs,
    string HeadHash)
{
    /// <summary>Restarts that restored a ledger snapshot above height 0 and replayed only the blocks after it.</summary>
    public int RestartsFromSnapshot { get; init; }

    /// <summary>Tolerance (independent-seed Monte Carlo) tasks that became final.</summary>
    public int ToleranceTasksFinal { get; init; }

    /// <summary>Wrong (shifted) estimates that a final tolerance task pooled and the band rejected (slashed as wrong).</summary>
    public int ToleranceWrongEstimatesRejected { get; init; }

    /// <summary>Final tolerance tasks in which a quorum of the pooled estimates were wrong (the invariant cannot promise anything there).</summary>
    public int ToleranceWrongQuorums { get; init; }

    /// <summary>True when every invariant held.</summary>
    public bool Passed => Violations.Count == 0;
}
