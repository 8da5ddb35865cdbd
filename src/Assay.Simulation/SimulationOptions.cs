using Assay.Ledger.State;

namespace Assay.Simulation;

/// <summary>Everything a simulated run depends on besides its seed's random draws.</summary>
/// <remarks>Times are simulated milliseconds; nothing reads the wall clock. Probabilities are per message.</remarks>
public sealed record SimulationOptions
{
    /// <summary>Most nodes in a run.</summary>
    public const int MaxNodes = 64;

    /// <summary>Most tasks in a run.</summary>
    public const int MaxTasks = 64;

    /// <summary>The seed that drives every random choice of the run.</summary>
    public int Seed { get; init; }

    /// <summary>Compute nodes (4 … <see cref="MaxNodes"/>).</summary>
    public int Nodes { get; init; } = 8;

    /// <summary>Fraction of nodes that are faulty, in [0, 0.5]; the count is rounded to the nearest integer.</summary>
    public double ByzantineFraction { get; init; } = 0.25;

    /// <summary>Requester accounts submitting tasks.</summary>
    public int Requesters { get; init; } = 3;

    /// <summary>Tasks the requesters plan to submit (1 … <see cref="MaxTasks"/>).</summary>
    public int Tasks { get; init; } = 8;

    /// <summary>Probability that one message is lost (bounded: a sender never loses two messages within <see cref="LossCooldownMs"/>).</summary>
    public double LossProbability { get; init; } = 0.1;

    /// <summary>After a lost message, the sender's messages are delivered for this long (the partial-synchrony bound).</summary>
    public long LossCooldownMs { get; init; } = 2_500;

    /// <summary>Probability that one message is delivered twice.</summary>
    public double DuplicationProbability { get; init; } = 0.05;

    /// <summary>Largest delivery delay of a message; delays are uniform in [20, this], so messages reorder.</summary>
    public long MaxDelayMs { get; init; } = 600;

    /// <summary>Simulated time between blocks.</summary>
    public long BlockIntervalMs { get; init; } = 1_000;

    /// <summary>The sequencer's block store takes a ledger snapshot after every block whose height is a multiple of this, so a restart restores the latest snapshot and replays the rest.</summary>
    public int SnapshotIntervalBlocks { get; init; } = 8;

    /// <summary>Directory of the run's temporary SQLite block store (null: the system's temp directory); the file is deleted when the run ends.</summary>
    public string? StoreDirectory { get; init; }

    /// <summary>Probability that the sequencer crashes once in the run (and restarts from its block store).</summary>
    public double CrashProbability { get; init; } = 0.5;

    /// <summary>A run stops at this simulated time after genesis even if tasks are still open (then <see cref="InvariantKind.TasksSettled"/> fails).</summary>
    public long MaxRunMs { get; init; } = 240_000;

    /// <summary>A deliberately broken ledger rule for testing the checker: called with the state after every block the sequencer applies.</summary>
    /// <remarks>Null in real runs. The hook mutates the state outside any transaction, as a buggy rule would.</remarks>
    public Action<LedgerState, ulong>? BrokenRule { get; init; }
}
