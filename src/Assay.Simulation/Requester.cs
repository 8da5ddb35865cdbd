using Assay.Compute.Tasks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;

namespace Assay.Simulation;

/// <summary>A simulated requester: submits its planned tasks when they fall due, and resubmits any that did not land.</summary>
internal sealed class Requester(Outbox outbox)
{
    private readonly List<(long DueMs, TaskSpec Spec)> _planned = [];

    public Outbox Outbox { get; } = outbox;

    public IEnumerable<TaskSpec> Planned => _planned.Select(p => p.Spec);

    public void Plan(long dueMs, TaskSpec spec) => _planned.Add((dueMs, spec));

    /// <summary>Submits the tasks that fall due, and reports every equivocation in <paramref name="evidence"/> the ledger has not punished yet.</summary>
    public void Wake(LedgerState state, SimulatedNetwork network, long nowMs, long blockIntervalMs, IReadOnlyList<EquivocationEvidenceBody> evidence)
    {
        if (!Outbox.Ready(state))
        {
            return;
        }

        var any = false;
        foreach (var (due, spec) in _planned)
        {
            // A submission that could only land after its deadline is abandoned (the ledger would refuse it anyway).
            if (due <= nowMs && state.GetTask(spec.TaskId) is null && spec.DeadlineUnixMs > nowMs + (2 * blockIntervalMs))
            {
                network.Send(Outbox.Sign(new SubmitTaskBody(spec)));
                any = true;
            }
        }

        foreach (var pair in evidence)
        {
            var commit = (CommitBody)pair.First.Body;
            if (state.GetEvidence(EvidenceRecord.IdFor(pair.First.Sender, commit.TaskId)) is null)
            {
                network.Send(Outbox.Sign(pair));
                any = true;
            }
        }

        if (any)
        {
            Outbox.Sent(state);
        }
    }
}
