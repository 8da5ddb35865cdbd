namespace Assay.Simulation;

/// <summary>What a discrete event does when its time comes.</summary>
internal enum SimEventKind
{
    /// <summary>The sequencer builds and applies a block.</summary>
    BlockDue = 1,

    /// <summary>An actor (node or requester) observes the chain and acts.</summary>
    Wake = 2,

    /// <summary>A transaction arrives at the sequencer.</summary>
    Deliver = 3,

    /// <summary>The sequencer crashes, losing its mempool and its in-memory ledger.</summary>
    Crash = 4,

    /// <summary>The sequencer restarts by replaying its block list.</summary>
    Restart = 5,
}
