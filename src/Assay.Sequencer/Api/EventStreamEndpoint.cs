using System.Globalization;
using System.Text;
using System.Text.Json;
using Assay.Ledger.Blocks;
using Assay.Ledger.Views;
using Assay.Proofs.Canonical;
using Assay.Sequencer.Events;
using Assay.Sequencer.Production;

namespace Assay.Sequencer.Api;

/// <summary><c>GET /v1/events</c>: server-sent events of every block after <c>from_height</c> (or <c>Last-Event-ID</c>), replayed then live.</summary>
internal static class EventStreamEndpoint
{
    /// <summary>Seconds between keep-alive comments on an idle stream.</summary>
    public const int KeepAliveSeconds = 15;

    private const int BlocksPerRead = 256;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/v1/events", StreamAsync)
            .WithName("StreamEvents")
            .WithSummary("Server-sent events (block, tx, assignment, task, dispute, slash) of every block above from_height, then live.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task StreamAsync(HttpContext context, LedgerHost host, CancellationToken ct)
    {
        if (host.Head is not { } head)
        {
            await Problems.Of(StatusCodes.Status503ServiceUnavailable, "Sequencer unavailable", "the sequencer is starting.", "sequencer").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var text = context.Request.Query["from_height"].ToString();
        var field = "from_height";
        if (text.Length == 0 && context.Request.Headers.TryGetValue("Last-Event-ID", out var lastId))
        {
            text = lastId.ToString();
            field = "Last-Event-ID";
        }

        long after;
        if (text.Length == 0)
        {
            after = head.Height;
        }
        else if (!RouteValues.TryHeight(text, out after))
        {
            await Problems.BadRequest(field, $"must be a non-negative integer height (got '{text}').").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
        var log = host.Events;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var next = log.NextAsync();
                var first = log.First;
                if (first > after + 1 && after < log.Head)
                {
                    // Older than the events held in memory: block and tx events from the store.
                    after = await WriteStoredAsync(context, host, after, first - 1, ct).ConfigureAwait(false);
                    continue;
                }

                var blocks = log.ReadAfter(after, BlocksPerRead);
                if (blocks.Count > 0)
                {
                    foreach (var (height, events) in blocks)
                    {
                        await WriteAsync(context.Response, events, ct).ConfigureAwait(false);
                        after = height;
                    }

                    await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                    continue;
                }

                var finished = await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(KeepAliveSeconds), ct)).ConfigureAwait(false);
                if (finished != next)
                {
                    ct.ThrowIfCancellationRequested();
                    await context.Response.WriteAsync(": keep-alive\n\n", ct).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the server is stopping.
        }
    }

    private static async Task<long> WriteStoredAsync(HttpContext context, LedgerHost host, long after, long upTo, CancellationToken ct)
    {
        var to = Math.Min(upTo, after + BlocksPerRead);
        await foreach (var stored in host.Store.ReadRangeAsync(after + 1, to, ct).ConfigureAwait(false))
        {
            var block = CanonicalEncoding.Decode<Block>(stored.Encoded.Span);
            await WriteAsync(context.Response, BlockEventDeriver.FromStoredBlock(block), ct).ConfigureAwait(false);
            after = stored.Height;
        }

        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
        return Math.Max(after, to);
    }

    private static Task WriteAsync(HttpResponse response, NetworkEvent[] events, CancellationToken ct)
    {
        var text = new StringBuilder(256 * events.Length);
        foreach (var e in events)
        {
            text.Append(CultureInfo.InvariantCulture, $"id: {e.Height}\nevent: {e.Type}\ndata: ");
            text.Append(JsonSerializer.Serialize(e.Payload, e.Payload.GetType(), ApiJson.Options));
            text.Append("\n\n");
        }

        return response.WriteAsync(text.ToString(), ct);
    }
}
