using Assay.Compute.Tasks;
using Assay.Ledger.State;

namespace Assay.Ledger.Views;

/// <summary>A task in full: its record, its kind and policy, and every assignment.</summary>
/// <param name="TaskId">Task id (hex).</param>
/// <param name="Kind">Task kind name.</param>
/// <param name="Phase">Phase name.</param>
/// <param name="Requester">Requester address.</param>
/// <param name="SubmittedHeight">Height of submission.</param>
/// <param name="FinalityHeight">Height at which the agreed result becomes final (0 before agreement).</param>
/// <param name="Escrow">Fee held in escrow (minor units).</param>
/// <param name="AgreedRoot">Digest of the agreed root (hex), zero before agreement.</param>
/// <param name="Replacements">Replacement nodes drawn so far.</param>
/// <param name="ItemCount">Items (leaves) of the task.</param>
/// <param name="Fee">Fee offered (minor units).</param>
/// <param name="DeadlineUnixMs">Task deadline (Unix ms).</param>
/// <param name="Policy">Verification policy.</param>
/// <param name="Assignments">Every assignment, in the order drawn.</param>
public sealed record TaskView(
    string TaskId, string Kind, string Phase, string Requester, ulong SubmittedHeight, ulong FinalityHeight, ulong Escrow, string AgreedRoot,
    uint Replacements, long ItemCount, ulong Fee, long DeadlineUnixMs, VerificationPolicyView? Policy, IReadOnlyList<AssignmentView> Assignments)
{
    /// <summary>The view of <paramref name="task"/>; <paramref name="transactionsOf"/> gives the commit and reveal transaction hashes of a node, when known.</summary>
    public static TaskView From(TaskRecord task, TaskSpec? spec, Func<Proofs.Signatures.Address, (string? Commit, string? Reveal)>? transactionsOf = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var assignments = new List<AssignmentView>(task.Assignments.Length);
        foreach (var a in task.Assignments)
        {
            var (commit, reveal) = transactionsOf?.Invoke(a.Node) ?? (null, null);
            assignments.Add(AssignmentView.From(a, commit, reveal));
        }

        return new TaskView(
            task.TaskId.ToString(), TaskSummaryView.KindName(spec), ViewText.Of(task.Phase), task.Requester.ToString(), task.SubmittedHeight,
            task.FinalityHeight, task.EscrowMinorUnits, task.AgreedRoot.ToString(), task.Replacements, spec?.ItemCount ?? 0, spec?.FeeMinorUnits ?? 0,
            spec?.DeadlineUnixMs ?? 0, spec is null ? null : VerificationPolicyView.From(spec.Policy), assignments);
    }
}
