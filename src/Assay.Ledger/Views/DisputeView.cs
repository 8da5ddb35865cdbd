using Assay.Ledger.Disputes;

namespace Assay.Ledger.Views;

/// <summary>A dispute (<c>GET /v1/disputes/{dispute_id}</c>): the challenge, who moves next, the current range and both sides' nodes.</summary>
/// <param name="DisputeId">Dispute id (hex).</param>
/// <param name="TaskId">The challenged task (hex).</param>
/// <param name="Challenger">The challenger's address.</param>
/// <param name="Bond">Bond held in escrow, native minor units (0 once resolved).</param>
/// <param name="OpenedHeight">Block of the challenge.</param>
/// <param name="Status">Status: <c>open</c>, <c>challenger_won</c>, <c>defender_won</c>, <c>both_wrong</c> or <c>moot</c>.</param>
/// <param name="TimedOut">True when the dispute ended because the party to move missed its deadline.</param>
/// <param name="Mover">The party to move next: <c>defender</c> or <c>challenger</c>.</param>
/// <param name="Step">Completed descents (the current node's depth), the <c>step</c> the next move must carry.</param>
/// <param name="DeadlineHeight">Last block in which the mover may move.</param>
/// <param name="RangeStart">First leaf under the current node.</param>
/// <param name="RangeLength">Leaves under the current node (1: the leaf that was recomputed).</param>
/// <param name="Defended">The agreed tree's current node.</param>
/// <param name="Claimed">The challenger's current node.</param>
/// <param name="DefenderLeft">The defender's revealed left child in this round, or null.</param>
/// <param name="DefenderRight">The defender's revealed right child in this round, or null.</param>
public sealed record DisputeView(
    string DisputeId, string TaskId, string Challenger, ulong Bond, ulong OpenedHeight, string Status, bool TimedOut, string Mover, ulong Step,
    ulong DeadlineHeight, ulong RangeStart, ulong RangeLength, DisputeNodeView Defended, DisputeNodeView Claimed, DisputeNodeView? DefenderLeft,
    DisputeNodeView? DefenderRight)
{
    /// <summary>Status of an open dispute.</summary>
    public const string OpenStatus = "open";

    /// <summary>Mover value when the defender moves next.</summary>
    public const string DefenderMover = "defender";

    /// <summary>Mover value when the challenger moves next.</summary>
    public const string ChallengerMover = "challenger";

    /// <summary>True while the bisection runs.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpen => Status == OpenStatus;

    /// <summary>The view of <paramref name="d"/>.</summary>
    public static DisputeView From(DisputeRecord d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DisputeView(
            d.DisputeId.ToString(), d.TaskId.ToString(), d.Challenger.ToString(), d.BondMinorUnits, d.OpenedHeight, ViewText.Of(d.Status), d.TimedOut,
            ViewText.Of(d.Mover), d.Step, d.DeadlineHeight, d.RangeStart, d.RangeLength, DisputeNodeView.From(d.Defended), DisputeNodeView.From(d.Claimed),
            d.DefenderLeft is { } l ? DisputeNodeView.From(l) : null, d.DefenderRight is { } r ? DisputeNodeView.From(r) : null);
    }
}
