using Assay.Ledger.State;
using Assay.Ledger.Views;
using Assay.Proofs.Canonical;
using Assay.Sequencer.Production;
using Assay.Storage.Chain;

namespace Assay.Sequencer.Api;

/// <summary>The read routes: status, accounts and proofs, nodes, tasks and specs, blocks.</summary>
internal static class QueryEndpoints
{
    /// <summary>Largest <c>limit</c> of the task list.</summary>
    public const int MaxTaskListLimit = 1_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/status", Status).WithName("GetStatus").WithSummary("Head, state root, mempool, block production settings, task counts, parameters.")
            .Produces<StatusView>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/v1/accounts/{address}", AccountAsync).WithName("GetAccount").WithSummary("An account's nonce, key and balances.")
            .Produces<AccountView>().ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/v1/accounts/{address}/proof", ProofAsync).WithName("ProveAccount").WithSummary("An inclusion proof of the account against the head state root.")
            .Produces<AccountProofView>().ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/v1/nodes", NodesAsync).WithName("ListNodes").WithSummary("Every registered node, ascending address.")
            .Produces<NodeView[]>();
        app.MapGet("/v1/nodes/{address}", NodeAsync).WithName("GetNode").WithSummary("One node.")
            .Produces<NodeView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/v1/tasks", TasksAsync).WithName("ListTasks").WithSummary("Tasks, newest first (phase=open|final|expired|all, limit 1–1000).")
            .Produces<TaskSummaryView[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/v1/tasks/{task_id}", TaskAsync).WithName("GetTask").WithSummary("A task with its policy and every assignment.")
            .Produces<TaskView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/v1/tasks/{task_id}/spec", SpecAsync).WithName("GetTaskSpec").WithSummary("The canonical task spec (hex).")
            .Produces<TaskSpecView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/v1/blocks/head", HeadBlockAsync).WithName("GetHeadBlock").WithSummary("The head block.")
            .Produces<BlockView>();
        app.MapGet("/v1/blocks/{height}", BlockAsync).WithName("GetBlock").WithSummary("The block at a height.")
            .Produces<BlockView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Status(LedgerHost host)
    {
        if (host.Head is not { } head)
        {
            return Problems.Unavailable("the sequencer is starting.");
        }

        var options = host.Options;
        var view = new StatusView(
            head.Height, head.Header.Hash.ToString(), head.Header.StateRoot.ToString(), head.Genesis.Hash.ToString(), head.Header.TimestampUnixMs,
            host.Mempool.Count, host.Mempool.Capacity, options.BlockIntervalMs, options.IdleBlockIntervalMs, options.MaxBlockTransactions, head.TasksByPhase,
            head.NodeCount, host.Phase == HostPhase.Running, head.Parameters);
        return Results.Json(view, ApiJson.Options);
    }

    private static async Task<IResult> AccountAsync(string address, LedgerHost host, CancellationToken ct)
    {
        if (!RouteValues.TryAddress(address, out var a))
        {
            return Problems.BadRequest("address", "must be an address: 'asy' and 40 lowercase hex digits.");
        }

        return Results.Json(await host.ReadAsync(l => AccountView.From(a, l.State.GetAccount(a)), ct).ConfigureAwait(false), ApiJson.Options);
    }

    private static async Task<IResult> ProofAsync(string address, LedgerHost host, CancellationToken ct)
    {
        if (!RouteValues.TryAddress(address, out var a))
        {
            return Problems.BadRequest("address", "must be an address: 'asy' and 40 lowercase hex digits.");
        }

        var view = await host.ReadAsync(l =>
        {
            var proof = l.ProveAccount(a);
            return new AccountProofView(
                a.ToString(), (long)l.Head.Height, l.Head.StateRoot.ToString(), proof is not null, proof is null ? null : Convert.ToHexStringLower(CanonicalEncoding.Encode(proof)));
        }, ct).ConfigureAwait(false);
        return Results.Json(view, ApiJson.Options);
    }

    private static async Task<IResult> NodesAsync(LedgerHost host, CancellationToken ct) =>
        Results.Json(await host.ReadAsync(l => l.State.Nodes.Select(kv => NodeView.From(kv.Key, kv.Value)).ToArray(), ct).ConfigureAwait(false), ApiJson.Options);

    private static async Task<IResult> NodeAsync(string address, LedgerHost host, CancellationToken ct)
    {
        if (!RouteValues.TryAddress(address, out var a))
        {
            return Problems.BadRequest("address", "must be an address: 'asy' and 40 lowercase hex digits.");
        }

        var view = await host.ReadAsync(l => l.State.GetNode(a) is { } node ? NodeView.From(a, node) : null, ct).ConfigureAwait(false);
        return view is null ? Problems.NotFound("address", $"{a} is not a registered node.") : Results.Json(view, ApiJson.Options);
    }

    private static async Task<IResult> TasksAsync(HttpRequest request, LedgerHost host, CancellationToken ct)
    {
        var phase = request.Query["phase"].ToString();
        phase = phase.Length == 0 ? "all" : phase;
        if (phase is not ("open" or "final" or "expired" or "all"))
        {
            return Problems.BadRequest("phase", $"must be open, final, expired or all (got '{phase}').");
        }

        var limit = 100;
        var limitText = request.Query["limit"].ToString();
        if (limitText.Length > 0 && (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxTaskListLimit))
        {
            return Problems.BadRequest("limit", $"must be an integer 1 … {MaxTaskListLimit} (got '{limitText}').");
        }

        var list = await host.ReadAsync(l => l.State.Tasks
            .Where(t => phase switch
            {
                "open" => t.IsOpen,
                "final" => t.Phase == TaskPhase.Final,
                "expired" => t.Phase == TaskPhase.Expired,
                _ => true,
            })
            .OrderByDescending(t => t.SubmittedHeight)
            .ThenBy(t => t.TaskId, ByteOrder.Instance)
            .Take(limit)
            .Select(t => TaskSummaryView.From(t, l.State.GetSpec(t.TaskId)))
            .ToArray(), ct).ConfigureAwait(false);
        return Results.Json(list, ApiJson.Options);
    }

    private static async Task<IResult> TaskAsync(string task_id, LedgerHost host, CancellationToken ct)
    {
        if (!RouteValues.TryHash(task_id, out var id))
        {
            return Problems.BadRequest("task_id", "must be 64 hex digits.");
        }

        var view = await host.GetTaskViewAsync(id, ct).ConfigureAwait(false);
        return view is null ? Problems.NotFound("task_id", $"no task {id}.") : Results.Json(view, ApiJson.Options);
    }

    private static async Task<IResult> SpecAsync(string task_id, LedgerHost host, CancellationToken ct)
    {
        if (!RouteValues.TryHash(task_id, out var id))
        {
            return Problems.BadRequest("task_id", "must be 64 hex digits.");
        }

        var hex = await host.ReadAsync(l => l.State.GetSpec(id) is { } spec ? Convert.ToHexStringLower(CanonicalEncoding.Encode(spec)) : null, ct).ConfigureAwait(false);
        return hex is null ? Problems.NotFound("task_id", $"no task {id}.") : Results.Json(new TaskSpecView(hex), ApiJson.Options);
    }

    private static async Task<IResult> HeadBlockAsync(LedgerHost host, CancellationToken ct)
    {
        if (host.Head is not { } head)
        {
            return Problems.Unavailable("the sequencer is starting.");
        }

        var block = await LedgerChain.ReadBlockAsync(host.Store, head.Height, ct).ConfigureAwait(false);
        return block is null ? Problems.NotFound("height", "the head block is not readable.") : Results.Json(BlockView.From(block), ApiJson.Options);
    }

    private static async Task<IResult> BlockAsync(string height, LedgerHost host, CancellationToken ct)
    {
        if (!RouteValues.TryHeight(height, out var h))
        {
            return Problems.BadRequest("height", $"must be a non-negative integer or 'head' (got '{height}').");
        }

        var head = host.Head?.Height ?? -1;
        var block = h > head ? null : await LedgerChain.ReadBlockAsync(host.Store, h, ct).ConfigureAwait(false);
        return block is null ? Problems.NotFound("height", $"no block {h}; the head is {head}.") : Results.Json(BlockView.From(block), ApiJson.Options);
    }
}
