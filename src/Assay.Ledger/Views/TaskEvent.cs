namespace Assay.Ledger.Views;

/// <summary>A task changed phase (or appeared: <see cref="PreviousPhase"/> is <c>none</c>).</summary>
/// <param name="TaskId">Task id (hex).</param>
/// <param name="Phase">New phase name.</param>
/// <param name="PreviousPhase">Previous phase name, or <c>none</c> for a new task.</param>
public sealed record TaskEvent(string TaskId, string Phase, string PreviousPhase);
