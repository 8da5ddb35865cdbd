using System.Diagnostics;
using System.Globalization;
using Assay.Cli.Tasks;
using Assay.Client;
using Assay.Node.Keys;
using Spectre.Console;

namespace Assay.Cli.Devnet;

/// <summary>Runs a local network: a sequencer child process, N node child processes (some Byzantine, one watcher), a demo requester and a live view.</summary>
/// <remarks>Every child is the same <c>assay</c> binary. The children are stopped (SIGTERM, then kill of the process tree)
/// on Ctrl-C, at the end of <c>--duration</c>, and on any exception.</remarks>
public sealed class DevnetRunner
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    private readonly DevnetOptions _options;
    private readonly IAnsiConsole _console;
    private readonly TextWriter _stdout;
    private readonly List<ChildProcess> _children = [];

    /// <summary>Creates a runner printing to <paramref name="console"/> (live view) and <paramref name="stdout"/> (lines).</summary>
    public DevnetRunner(DevnetOptions options, IAnsiConsole console, TextWriter stdout)
    {
        _options = options;
        _console = console;
        _stdout = stdout;
    }

    /// <summary>The sequencer's base URL.</summary>
    public Uri SequencerUrl => new($"http://127.0.0.1:{_options.Port}/");

    /// <summary>Runs until <paramref name="ct"/> is cancelled or the duration ends, then stops everything and prints the summary; returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var root = _options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "assay-devnet-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var layout = DevnetLayout.Prepare(root, _options.Nodes, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        _stdout.WriteLine($"devnet data: {Path.GetFullPath(root)}");
        _stdout.WriteLine($"API and dashboard: {SequencerUrl}  (events {SequencerUrl}v1/events, metrics {SequencerUrl}metrics)");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (_options.DurationSeconds > 0)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(_options.DurationSeconds));
        }

        var clock = Stopwatch.StartNew();
        var monitor = new DevnetMonitor();
        DevnetRequester? requester = null;
        try
        {
            StartSequencer(layout);
            using var client = new AssayClient(SequencerUrl);
            await WaitForSequencerAsync(client, stop.Token).ConfigureAwait(false);
            StartNodes(layout);
            await WaitForNodesAsync(client, stop.Token).ConfigureAwait(false);
            using var requesterKey = NodeKeyStore.LoadOrCreate(layout.RequesterKeyPath, null, out _);
            requester = new DevnetRequester(client, requesterKey, PriceBookCsv.Read(layout.BookPath), _options.Seed);
            var watching = monitor.RunAsync(client, stop.Token);
            var submitting = _options.SubmitIntervalMs > 0
                ? requester.RunAsync(TimeSpan.FromMilliseconds(_options.SubmitIntervalMs), stop.Token)
                : Task.CompletedTask;
            await ShowAsync(monitor, requester, stop.Token).ConfigureAwait(false);
            await Task.WhenAll(watching, submitting).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl-C or the end of --duration before the network was up.
        }
        finally
        {
            StopAll();
        }

        PrintSummary(layout, monitor, requester, clock.Elapsed);
        return 0;
    }

    /// <summary>Starts the sequencer and honest nodes, runs the network benchmark (<see cref="DevnetBench"/>) and stops everything; returns the exit code.</summary>
    public async Task<int> BenchAsync(int latencyTasks, IReadOnlyList<int> waves, int transfers, int inFlight, CancellationToken ct)
    {
        var root = _options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "assay-devnet-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var layout = DevnetLayout.Prepare(root, _options.Nodes, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        _stdout.WriteLine($"bench: {_options.Nodes} nodes, data {Path.GetFullPath(root)}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
        try
        {
            StartSequencer(layout);
            using var client = new AssayClient(SequencerUrl);
            await WaitForSequencerAsync(client, ct).ConfigureAwait(false);
            StartNodes(layout);
            await WaitForNodesAsync(client, ct).ConfigureAwait(false);
            var bench = new DevnetBench(layout, client, _stdout);

            // Warm-up: the first tasks pay for JIT compilation in every process.
            await bench.LatencyAsync(3, ct).ConfigureAwait(false);
            await bench.LatencyAsync(latencyTasks, ct).ConfigureAwait(false);
            await bench.ThroughputAsync(waves, ct).ConfigureAwait(false);
            await bench.SequencerAsync(transfers, inFlight, ct).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            StopAll();
        }
    }

    private void StartSequencer(DevnetLayout layout)
    {
        var args = new List<string>
        {
            "sequencer", "run", "--data", layout.Root, "--genesis", layout.GenesisPath, "--port", _options.Port.ToString(CultureInfo.InvariantCulture),
        };
        if (_options.Store is not null)
        {
            args.AddRange(["--store", _options.Store]);
        }

        _children.Add(ChildProcess.Start("sequencer", args, Path.Combine(layout.LogDirectory, "sequencer.log")));
    }

    private void StartNodes(DevnetLayout layout)
    {
        var honest = _options.Nodes - _options.Byzantine;
        for (var i = 1; i <= _options.Nodes; i++)
        {
            var args = new List<string>
            {
                "node", "run", "--sequencer", SequencerUrl.ToString(), "--key", layout.NodeKeyPath(i), "--data", layout.NodeDataDirectory(i),
            };
            if (i > honest)
            {
                args.AddRange(["--fault", "wrong-result"]);
            }
            else if (i == 1 && _options.Watcher)
            {
                args.Add("--watcher");
            }

            _children.Add(ChildProcess.Start($"node-{i}", args, Path.Combine(layout.LogDirectory, $"node-{i}.log")));
        }
    }

    private async Task WaitForSequencerAsync(AssayClient client, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await client.GetStatusAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or AssayApiException)
            {
                if (DateTime.UtcNow > deadline || _children[0].HasExited)
                {
                    throw new InvalidOperationException($"the sequencer did not start (see {Path.Combine(_options.DataDirectory ?? "DIR", "logs", "sequencer.log")}): {e.Message}");
                }

                await Task.Delay(200, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForNodesAsync(AssayClient client, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while ((await client.GetNodesAsync(ct).ConfigureAwait(false)).Count < _options.Nodes && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
    }

    private async Task ShowAsync(DevnetMonitor monitor, DevnetRequester requester, CancellationToken ct)
    {
        if (!_console.Profile.Capabilities.Interactive)
        {
            while (!ct.IsCancellationRequested)
            {
                _stdout.WriteLine(Line(monitor, requester));
                await Delay(TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
            }

            return;
        }

        await _console.Live(Table(monitor, requester)).StartAsync(async context =>
        {
            while (!ct.IsCancellationRequested)
            {
                context.UpdateTarget(Table(monitor, requester));
                await Delay(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false);
            }

            context.UpdateTarget(Table(monitor, requester));
        }).ConfigureAwait(false);
    }

    private Table Table(DevnetMonitor monitor, DevnetRequester requester)
    {
        var table = new Table().Title($"assay devnet: {SequencerUrl}  (Ctrl-C stops)").AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("blocks", monitor.Height.ToString(CultureInfo.InvariantCulture));
        table.AddRow("nodes running", $"{_children.Count(c => c.Name.StartsWith("node-", StringComparison.Ordinal) && !c.HasExited)} of {_options.Nodes} ({_options.Byzantine} Byzantine)");
        table.AddRow("tasks submitted", requester.Tasks.Count.ToString(CultureInfo.InvariantCulture));
        table.AddRow("tasks agreed", monitor.Agreed.ToString(CultureInfo.InvariantCulture));
        table.AddRow("tasks final", monitor.Final.ToString(CultureInfo.InvariantCulture));
        table.AddRow("tasks expired", monitor.Expired.ToString(CultureInfo.InvariantCulture));
        table.AddRow("challenges", monitor.Challenges.ToString(CultureInfo.InvariantCulture));
        table.AddRow("disputes ended", monitor.DisputeSummary);
        table.AddRow("slashes", $"{monitor.Slashes} ({monitor.SlashedAmount} ASY minor units)");
        return table;
    }

    private string Line(DevnetMonitor monitor, DevnetRequester requester) =>
        $"{DateTime.UtcNow:HH:mm:ss} height {monitor.Height}, nodes {_children.Count(c => c.Name.StartsWith("node-", StringComparison.Ordinal) && !c.HasExited)}/{_options.Nodes}, "
        + $"tasks submitted {requester.Tasks.Count}, agreed {monitor.Agreed}, final {monitor.Final}, expired {monitor.Expired}, challenges {monitor.Challenges}, slashes {monitor.Slashes}";

    private void StopAll()
    {
        // Nodes first, then the sequencer, so no node logs a lost connection as an error that matters.
        foreach (var child in Enumerable.Reverse(_children))
        {
            child.Stop(StopGrace);
            child.Dispose();
        }

        _children.Clear();
    }

    private void PrintSummary(DevnetLayout layout, DevnetMonitor monitor, DevnetRequester? requester, TimeSpan elapsed)
    {
        _stdout.WriteLine();
        _stdout.WriteLine($"devnet stopped after {elapsed.TotalSeconds:F0} s at height {monitor.Height}");
        _stdout.WriteLine($"tasks: submitted {requester?.Tasks.Count ?? 0}, agreed {monitor.Agreed}, final {monitor.Final}, expired {monitor.Expired}, challenged {monitor.Challenges}");
        _stdout.WriteLine($"disputes ended: {monitor.DisputeSummary}");
        _stdout.WriteLine($"slashes: {monitor.Slashes} ({monitor.SlashedAmount} minor units)");
        foreach (var (node, count) in monitor.SlashesByNode.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            _stdout.WriteLine($"  {node}: {count}");
        }

        _stdout.WriteLine($"data: {Path.GetFullPath(layout.Root)} (logs in {layout.LogDirectory})");
        _stdout.WriteLine(_options.Store is null ? $"replay: assay ledger replay --store {layout.LedgerPath}" : $"replay: assay ledger replay --store \"{_options.Store}\"");
    }

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
