using Assay.Ledger.Views;
using Assay.Ledger.State;
using Assay.Sequencer.Production;

namespace Assay.Sequencer.Api;

/// <summary>The dispute routes: one dispute by id, and the disputes of a task.</summary>
internal static class DisputeEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/disputes/{dispute_id}", DisputeAsync).WithName("GetDispute")
            .WithSummary("A dispute: challenger, bond, status, who moves, step, deadline, the current range and both sides' nodes.")
            .Produces<DisputeView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/v1/tasks/{task_id}/disputes", TaskDisputesAsync).WithName("ListTaskDisputes")
            .WithSummary("Every dispute of a task (open and resolved), by opening height then id.")
            .Produces<DisputeView[]>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> DisputeAsync(string dispute_id, LedgerHost host, CancellationToken ct)
    {
        if (!RouteValues.TryHash(dispute_id, out var id))
        {
            return Problems.BadRequest("dispute_id", "must be 64 hex digits.");
        }

        var view = await host.ReadAsync(l => l.State.GetDispute(id) is { } d ? DisputeView.From(d) : null, ct).ConfigureAwait(false);
        return view is null ? Problems.NotFound("dispute_id", $"no dispute {id}.") : Results.Json(view, ApiJson.Options);
    }

    private static async Task<IResult> TaskDisputesAsync(string task_id, LedgerHost host, CancellationToken ct)
    {
        if (!RouteValues.TryHash(task_id, out var id))
        {
            return Problems.BadRequest("task_id", "must be 64 hex digits.");
        }

        var list = await host.ReadAsync(l => l.State.GetTask(id) is null ? null : l.State.Disputes
            .Where(d => d.TaskId == id)
            .OrderBy(d => d.OpenedHeight)
            .ThenBy(d => d.DisputeId, ByteOrder.Instance)
            .Select(DisputeView.From)
            .ToArray(), ct).ConfigureAwait(false);
        return list is null ? Problems.NotFound("task_id", $"no task {id}.") : Results.Json(list, ApiJson.Options);
    }
}
