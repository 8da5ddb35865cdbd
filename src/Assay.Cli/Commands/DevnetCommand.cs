using System.CommandLine;
using Assay.Cli.Devnet;
using Spectre.Console;

namespace Assay.Cli.Commands;

/// <summary><c>assay devnet</c>: a local network in one command.</summary>
public static class DevnetCommand
{
    /// <summary>Exit code of a usage error.</summary>
    public const int ExitError = 1;

    private static Command BenchCommand(TextWriter stdout, TextWriter stderr)
    {
        var nodes = new Option<int>("--nodes") { Description = "Honest compute nodes (1 … 32).", DefaultValueFactory = _ => 4 };
        var port = new Option<int>("--port") { Description = "Sequencer port on 127.0.0.1.", DefaultValueFactory = _ => 5090 };
        var data = new Option<string?>("--data") { Description = "Data directory (default: a new temporary directory)." };
        var latency = new Option<int>("--latency-tasks") { Description = "Tasks for the latency percentiles (1 … 1000).", DefaultValueFactory = _ => 50 };
        var waves = new Option<string>("--waves") { Description = "Throughput: comma-separated wave sizes (tasks submitted at once, each ≤ 1000).", DefaultValueFactory = _ => "5,10,20,40" };
        var transfers = new Option<int>("--transfers") { Description = "Sequencer load: pre-signed transfers to post (≤ 100 000).", DefaultValueFactory = _ => 5_000 };
        var inFlight = new Option<int>("--in-flight") { Description = "Sequencer load: most requests outstanding (≤ 1024).", DefaultValueFactory = _ => 100 };
        var command = new Command(
            "bench",
            """
            Measure the local network (loopback only, bounded): submit→agreed latency percentiles of small PriceBook
            tasks, tasks per second in waves of growing size, and acknowledged sequencer transactions per second
            under a bounded load of pre-signed transfers. Used by bench/run-network.sh.
            """)
        {
            nodes, port, data, latency, waves, transfers, inFlight,
        };
        command.SetAction(async (parse, ct) =>
        {
            int[] sizes;
            try
            {
                sizes = [.. parse.GetValue(waves)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => int.Parse(w, System.Globalization.CultureInfo.InvariantCulture))];
            }
            catch (FormatException)
            {
                stderr.WriteLine($"error: --waves: comma-separated integers expected; got '{parse.GetValue(waves)}'.");
                return ExitError;
            }

            var (n, l, t, f) = (parse.GetValue(nodes), parse.GetValue(latency), parse.GetValue(transfers), parse.GetValue(inFlight));
            if (n is < 1 or > 32 || l is < 1 or > 1000 || t is < 1 or > 100_000 || f is < 1 or > 1024 || sizes.Any(s => s is < 1 or > 1000))
            {
                stderr.WriteLine("error: --nodes 1 … 32, --latency-tasks 1 … 1000, --transfers 1 … 100000, --in-flight 1 … 1024, --waves sizes 1 … 1000.");
                return ExitError;
            }

            var options = new DevnetOptions { Nodes = n, Byzantine = 0, Watcher = false, Port = parse.GetValue(port), DataDirectory = parse.GetValue(data), SubmitIntervalMs = 0 };
            try
            {
                return await new DevnetRunner(options, AnsiConsole.Console, stdout).BenchAsync(l, sizes, t, f, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or Client.AssayApiException)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitError;
            }
        });
        return command;
    }

    /// <summary>Builds the <c>devnet</c> command.</summary>
    public static Command Build(IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        var nodes = new Option<int>("--nodes") { Description = "Compute nodes to start (1 … 32).", DefaultValueFactory = _ => 4 };
        var byzantine = new Option<int>("--byzantine") { Description = "How many of them run with --fault wrong-result (slashed when caught).", DefaultValueFactory = _ => 1 };
        var data = new Option<string?>("--data") { Description = "Data directory (keys, genesis.json, ledger.db, node states, logs); reused when it exists. Default: a new temporary directory." };
        var port = new Option<int>("--port") { Description = "Sequencer port on 127.0.0.1.", DefaultValueFactory = _ => 5080 };
        var duration = new Option<int>("--duration") { Description = "Stop after this many seconds (0: run until Ctrl-C).", DefaultValueFactory = _ => 0 };
        var store = new Option<string?>("--store") { Description = "Sequencer store: a PostgreSQL connection string (Host=…) or a SQLite path. Default: DIR/ledger.db." };
        var interval = new Option<int>("--submit-interval-ms") { Description = "Milliseconds between the demo requester's tasks (0: submit none).", DefaultValueFactory = _ => 1_000 };
        var command = new Command(
            "devnet",
            """
            Run a local network in one command: a sequencer (SQLite in DIR/ledger.db), N compute nodes (the last
            --byzantine of them with --fault wrong-result, node 1 also a watcher) and a demo requester submitting a
            steady mix of PriceBook tasks from a bundled sample book and small Monte Carlo tasks. A live view shows
            blocks, nodes, tasks submitted/agreed/final/expired, challenges and slashes, with the API and dashboard URL.
            Ctrl-C (or the end of --duration) stops every child process and prints a summary. Afterwards
            'assay ledger replay --store DIR/ledger.db' re-executes the whole chain.
            Example: assay devnet --nodes 4 --byzantine 1 --duration 60
            """)
        {
            nodes, byzantine, data, port, duration, store, interval,
        };
        command.Add(BenchCommand(stdout, stderr));
        command.SetAction(async (parse, ct) =>
        {
            var options = new DevnetOptions
            {
                Nodes = parse.GetValue(nodes),
                Byzantine = parse.GetValue(byzantine),
                DataDirectory = parse.GetValue(data),
                Port = parse.GetValue(port),
                DurationSeconds = parse.GetValue(duration),
                Store = parse.GetValue(store),
                SubmitIntervalMs = parse.GetValue(interval),
            };
            if (options.Nodes is < 1 or > 32 || options.Byzantine < 0 || options.Byzantine >= options.Nodes)
            {
                stderr.WriteLine($"error: --nodes must be 1 … 32 and --byzantine 0 … nodes − 1; got {options.Nodes} and {options.Byzantine}.");
                return ExitError;
            }

            if (options.Port is < 1 or > 65535 || options.DurationSeconds < 0 || options.SubmitIntervalMs < 0)
            {
                stderr.WriteLine("error: --port must be 1 … 65535; --duration and --submit-interval-ms ≥ 0.");
                return ExitError;
            }

            try
            {
                return await new DevnetRunner(options, console, stdout).RunAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or Node.Keys.NodeKeyException or Tasks.TaskFileException)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitError;
            }
        });
        return command;
    }
}
