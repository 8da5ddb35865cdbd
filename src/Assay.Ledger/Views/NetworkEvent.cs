namespace Assay.Ledger.Views;

/// <summary>One server-sent event of <c>/v1/events</c>: its type, the block height it belongs to, and its payload (exactly one payload is set).</summary>
/// <param name="Type">Event type: <c>block</c>, <c>tx</c>, <c>assignment</c>, <c>task</c>, <c>slash</c> or <c>dispute</c>.</param>
/// <param name="Height">Height of the block the event belongs to (the SSE <c>id</c>).</param>
/// <param name="Block">Payload of a <c>block</c> event.</param>
/// <param name="Tx">Payload of a <c>tx</c> event.</param>
/// <param name="Assignment">Payload of an <c>assignment</c> event.</param>
/// <param name="Task">Payload of a <c>task</c> event.</param>
/// <param name="Slash">Payload of a <c>slash</c> event.</param>
/// <param name="Dispute">Payload of a <c>dispute</c> event.</param>
public sealed record NetworkEvent(
    string Type, long Height, BlockEvent? Block = null, TxEvent? Tx = null, AssignmentEvent? Assignment = null, TaskEvent? Task = null, SlashEvent? Slash = null,
    DisputeEvent? Dispute = null)
{
    /// <summary>Type of a <see cref="BlockEvent"/>.</summary>
    public const string BlockType = "block";

    /// <summary>Type of a <see cref="TxEvent"/>.</summary>
    public const string TxType = "tx";

    /// <summary>Type of an <see cref="AssignmentEvent"/>.</summary>
    public const string AssignmentType = "assignment";

    /// <summary>Type of a <see cref="TaskEvent"/>.</summary>
    public const string TaskType = "task";

    /// <summary>Type of a <see cref="SlashEvent"/>.</summary>
    public const string SlashType = "slash";

    /// <summary>Type of a <see cref="DisputeEvent"/>.</summary>
    public const string DisputeType = "dispute";

    /// <summary>The payload object (what the SSE <c>data</c> line carries).</summary>
    public object Payload => (object?)Block ?? (object?)Tx ?? (object?)Assignment ?? (object?)Task ?? (object?)Slash ?? Dispute
        ?? throw new InvalidOperationException("An event carries one payload.");
}
