namespace Assay.Ledger.Views;

/// <summary>A dispute was opened, advanced (a move was accepted) or resolved in a block; fetch <c>/v1/disputes/{dispute_id}</c> for its nodes.</summary>
/// <param name="DisputeId">Dispute id (hex).</param>
/// <param name="TaskId">The challenged task (hex).</param>
/// <param name="Challenger">The challenger's address.</param>
/// <param name="Status">Status after the block (<c>open</c>, <c>challenger_won</c>, <c>defender_won</c>, <c>both_wrong</c>, <c>moot</c>).</param>
/// <param name="PreviousStatus">Status before the block, or <c>none</c> for a dispute opened in it.</param>
/// <param name="Mover">The party to move next (<c>defender</c> or <c>challenger</c>).</param>
/// <param name="Step">The step the next move must carry.</param>
/// <param name="DeadlineHeight">Last block in which the mover may move.</param>
/// <param name="TimedOut">True when it ended by a missed deadline.</param>
public sealed record DisputeEvent(
    string DisputeId, string TaskId, string Challenger, string Status, string PreviousStatus, string Mover, ulong Step, ulong DeadlineHeight, bool TimedOut);
