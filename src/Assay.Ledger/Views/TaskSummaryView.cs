using Assay.Compute.Tasks;
using Assay.Ledger.State;

namespace Assay.Ledger.Views;

/// <summary>One line of the task list: id, kind, phase, requester and heights.</summary>
/// <param name="TaskId">Task id (hex).</param>
/// <param name="Kind">Task kind name (<c>price_book</c>, <c>monte_carlo</c>, or the numeric id).</param>
/// <param name="Phase">Phase name (<c>pending</c>, <c>committing</c>, <c>revealing</c>, <c>agreed</c>, <c>final</c>, <c>expired</c>).</param>
/// <param name="Requester">Requester address.</param>
/// <param name="SubmittedHeight">Height of submission.</param>
/// <param name="FinalityHeight">Height at which an agreed result becomes final (0 before agreement).</param>
/// <param name="Escrow">Fee held in escrow (minor units).</param>
/// <param name="AssignmentCount">Assignments so far (replacements included).</param>
public sealed record TaskSummaryView(
    string TaskId, string Kind, string Phase, string Requester, ulong SubmittedHeight, ulong FinalityHeight, ulong Escrow, int AssignmentCount)
{
    /// <summary>The summary of <paramref name="task"/> with its <paramref name="spec"/>.</summary>
    public static TaskSummaryView From(TaskRecord task, TaskSpec? spec)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TaskSummaryView(
            task.TaskId.ToString(), KindName(spec), ViewText.Of(task.Phase), task.Requester.ToString(), task.SubmittedHeight, task.FinalityHeight,
            task.EscrowMinorUnits, task.Assignments.Length);
    }

    /// <summary>The name of a spec's kind (<c>price_book</c>, <c>monte_carlo</c>), or its number when unknown.</summary>
    public static string KindName(TaskSpec? spec) => spec is null ? "unknown" : spec.Kind switch
    {
        TaskKindIds.PriceBook => "price_book",
        TaskKindIds.MonteCarlo => "monte_carlo",
        var other => other.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
