namespace Assay.Ledger.Views;

/// <summary>A node newly assigned to a task, or an assignment whose reveal window opened (<see cref="RevealDeadline"/> &gt; 0).</summary>
/// <param name="TaskId">Task id (hex).</param>
/// <param name="Node">Node address.</param>
/// <param name="Round">0 for the first allocation, else the task's replacement count after this draw.</param>
/// <param name="CommitDeadline">Last height to commit.</param>
/// <param name="RevealDeadline">Last height to reveal; 0 until the reveal opens.</param>
public sealed record AssignmentEvent(string TaskId, string Node, uint Round, ulong CommitDeadline, ulong RevealDeadline);
