using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assay.Sequencer.Api;
using Assay.Sequencer.Production;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Assay.Sequencer;

/// <summary>The sequencer service: the ledger chain behind the REST API, the event stream, metrics and the dashboard, on Kestrel.</summary>
/// <remarks>
/// <see cref="StartAsync"/> opens (or creates) the chain before it listens, so a bad store or a missing genesis fails at
/// once with <see cref="SequencerConfigurationException"/>. <see cref="Build"/> returns the unstarted application, whose
/// block producer opens the chain in the background (the API answers 503 until then).
/// </remarks>
public sealed class SequencerHost : IAsyncDisposable
{
    private readonly LedgerHost _ledger;
    private int _stopped;

    private SequencerHost(WebApplication app, LedgerHost ledger, Uri baseAddress)
    {
        App = app;
        _ledger = ledger;
        BaseAddress = baseAddress;
    }

    /// <summary>The running web application.</summary>
    public WebApplication App { get; }

    /// <summary>The first address the server listens on (with the real port when the options asked for port 0), ending in <c>/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The height of the head block (−1 while starting).</summary>
    public long Height => _ledger.Head?.Height ?? -1;

    /// <summary>Builds the web application for <paramref name="options"/> without starting it.</summary>
    /// <exception cref="SequencerConfigurationException">A setting is out of range.</exception>
    public static WebApplication Build(SequencerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SequencerHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(options.ListenUrls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        if (options.JsonLogs)
        {
            // One JSON object per line: timestamp, level, category, message and every named field of the message template.
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = false;
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<LedgerHost>();
        builder.Services.AddHostedService<BlockProducerService>();

        var app = builder.Build();
        var ledger = app.Services.GetRequiredService<LedgerHost>();
        app.Lifetime.ApplicationStopping.Register(ledger.BeginStop);
        app.Use((context, next) => GuardAsync(context, next, ledger, app.Logger));
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var (field, detail) = status == StatusCodes.Status415UnsupportedMediaType
                ? ("content-type", $"{http.Request.Method} {http.Request.Path} takes application/json (got '{http.Request.ContentType}').")
                : ("path", $"{http.Request.Method} {http.Request.Path}: no such route or method.");
            return Problems.WriteAsync(http, status, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), detail, field);
        });
        app.UseRouting();
        app.Use((context, next) => MeasureAsync(context, next, ledger));
        app.MapOpenApi();
        TransactionEndpoints.Map(app);
        QueryEndpoints.Map(app);
        DisputeEndpoints.Map(app);
        EventStreamEndpoint.Map(app);
        SystemEndpoints.Map(app);
        return app;
    }

    /// <summary>Opens (or creates) the chain, then starts listening; returns once the API answers.</summary>
    /// <exception cref="SequencerConfigurationException">A setting is out of range, the store is empty without a genesis, or the store cannot be opened.</exception>
    public static async Task<SequencerHost> StartAsync(SequencerOptions options, CancellationToken ct = default)
    {
        var app = Build(options);
        var ledger = app.Services.GetRequiredService<LedgerHost>();
        try
        {
            await ledger.OpenAsync(ct).ConfigureAwait(false);
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await ledger.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? options.ListenUrls;
        address = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
        return new SequencerHost(app, ledger, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Starts the sequencer and runs it until <paramref name="ct"/> is cancelled or the host stops itself, then stops it cleanly.</summary>
    public static async Task RunAsync(SequencerOptions options, CancellationToken ct)
    {
        await using var host = await StartAsync(options, ct).ConfigureAwait(false);
        await host.WaitForShutdownAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Completes when the host shuts down (a stop, or a fatal start-up error) or <paramref name="ct"/> is cancelled; the host is not stopped by this call.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => App.WaitForShutdownAsync(ct);

    /// <summary>Stops accepting transactions, finishes the block in progress, stops the server and closes the store.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _ledger.BeginStop();
        await App.StopAsync(ct).ConfigureAwait(false);
        await _ledger.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task GuardAsync(HttpContext context, Func<Task> next, LedgerHost ledger, ILogger log)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (SequencerUnavailableException e) when (!context.Response.HasStarted)
        {
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Sequencer unavailable", e.Message, "sequencer").ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await Problems.WriteAsync(context, e.StatusCode, "Bad request", e.Message, "body").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
#pragma warning disable CA1031 // Every unexpected error becomes a 500 problem; the server keeps running.
        catch (Exception e) when (!context.Response.HasStarted)
#pragma warning restore CA1031
        {
            log.LogError(e, "unhandled error on {Method} {Path} (phase {Phase})", context.Request.Method, context.Request.Path, ledger.Phase);
            await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal error", e.Message, "sequencer").ConfigureAwait(false);
        }
    }

    private static async Task MeasureAsync(HttpContext context, Func<Task> next, LedgerHost ledger)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            if (route != "/v1/events")
            {
                ledger.Metrics.ObserveRequest(route, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
    }
}
