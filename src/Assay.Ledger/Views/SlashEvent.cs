namespace Assay.Ledger.Views;

/// <summary>A node was faulted and lost stake.</summary>
/// <param name="Node">Node address.</param>
/// <param name="Amount">Stake lost in this block (minor units; unbonding stake included).</param>
/// <param name="Reason">The assignment status that caused it (<c>failed_verification</c>, <c>missed_commit</c>, <c>missed_reveal</c>, <c>slashed_wrong</c>), or <c>fault</c>.</param>
/// <param name="TaskId">The task (hex), or null when unknown.</param>
public sealed record SlashEvent(string Node, ulong Amount, string Reason, string? TaskId);
