namespace Assay.Node.Persistence;

/// <summary>How far the node has gone with one of its assignments.</summary>
public enum PendingTaskStatus
{
    /// <summary>Assigned; nothing sent yet.</summary>
    Assigned = 1,

    /// <summary>The commitment was acknowledged by the sequencer.</summary>
    Committed = 2,

    /// <summary>The reveal was acknowledged by the sequencer.</summary>
    Revealed = 3,

    /// <summary>Nothing more to do (revealed and settled, missed, released, or the task ended).</summary>
    Done = 4,
}
