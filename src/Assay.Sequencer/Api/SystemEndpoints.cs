using Assay.Ledger.Views;
using Assay.Sequencer.Production;

namespace Assay.Sequencer.Api;

/// <summary>Operations routes: <c>/healthz</c>, <c>/metrics</c> and the dashboard at <c>/</c>.</summary>
internal static class SystemEndpoints
{
    private static readonly Lazy<string> DashboardHtml = new(() =>
    {
        using var stream = typeof(SystemEndpoints).Assembly.GetManifestResourceStream("Assay.Sequencer.Dashboard.index.html")
            ?? throw new InvalidOperationException("The dashboard resource is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Health).WithName("Health").WithSummary("200 while blocks are produced and the store answers, else 503.")
            .Produces<HealthView>().Produces<HealthView>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/metrics", Metrics).WithName("Metrics").WithSummary("Prometheus text format 0.0.4.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        app.MapGet("/", () => Results.Content(DashboardHtml.Value, "text/html; charset=utf-8")).WithName("Dashboard").WithSummary("The dashboard page.")
            .ExcludeFromDescription();
    }

    private static IResult Health(LedgerHost host)
    {
        var height = host.Head?.Height ?? -1;
        return host.Phase switch
        {
            HostPhase.Running => Results.Json(new HealthView("ok", height, null), ApiJson.Options),
            HostPhase.Starting => Results.Json(new HealthView("starting", height, "opening the store"), ApiJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable),
            HostPhase.Faulted => Results.Json(new HealthView("faulted", height, host.FaultDetail), ApiJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => Results.Json(new HealthView("stopping", height, null), ApiJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable),
        };
    }

    private static IResult Metrics(LedgerHost host)
    {
        var head = host.Head;
        var text = host.Metrics.Write(head?.Height ?? -1, host.Mempool.Count, head?.TasksByPhase ?? new Dictionary<string, int>());
        return Results.Text(text, "text/plain; version=0.0.4; charset=utf-8");
    }
}
