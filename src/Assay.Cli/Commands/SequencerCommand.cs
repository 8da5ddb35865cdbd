using System.CommandLine;
using System.Runtime.InteropServices;
using Assay.Sequencer;
using Microsoft.Extensions.Logging;

namespace Assay.Cli.Commands;

/// <summary><c>assay sequencer run</c>: the sequencer service (REST API, block production, events, metrics, dashboard) on a data directory.</summary>
public static class SequencerCommand
{
    /// <summary>Exit code of a clean stop.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a usage or configuration error (the message names the flag).</summary>
    public const int ExitError = 1;

    /// <summary>Builds the <c>sequencer</c> command with its <c>run</c> subcommand.</summary>
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string>("--data") { Description = "Data directory (the SQLite store is DIR/ledger.db).", Required = true };
        var genesis = new Option<string?>("--genesis") { Description = "Genesis JSON file; needed only when the store is empty (assay devnet writes one)." };
        var port = new Option<int>("--port") { Description = "TCP port (0: any free port).", DefaultValueFactory = _ => SequencerOptions.DefaultPort };
        var host = new Option<string>("--host") { Description = "Address to listen on (0.0.0.0 for every interface).", DefaultValueFactory = _ => "127.0.0.1" };
        var store = new Option<string?>("--store") { Description = "PostgreSQL connection string (Host=…) or a SQLite file; default DIR/ledger.db." };
        var schema = new Option<string>("--store-schema") { Description = "PostgreSQL schema of the store.", DefaultValueFactory = _ => Storage.Postgres.PostgresBlockStore.DefaultSchemaName };
        var blockMs = new Option<int>("--block-interval-ms") { Description = "Block interval while transactions or open tasks wait.", DefaultValueFactory = _ => SequencerOptions.DefaultBlockIntervalMs };
        var followUpMs = new Option<int>("--follow-up-block-delay-ms") { Description = "Delay of the block after one that submitted a task or brought its last commitment (0: off; at most the block interval).", DefaultValueFactory = _ => SequencerOptions.DefaultFollowUpBlockDelayMs };
        var idleMs = new Option<int>("--idle-block-interval-ms") { Description = "Longest gap between blocks when idle.", DefaultValueFactory = _ => SequencerOptions.DefaultIdleBlockIntervalMs };
        var maxTxs = new Option<int>("--max-block-txs") { Description = "Most transactions per block; a full block is produced at once.", DefaultValueFactory = _ => SequencerOptions.DefaultMaxBlockTransactions };
        var mempool = new Option<int>("--mempool-capacity") { Description = "Most waiting transactions; beyond it POST answers 429.", DefaultValueFactory = _ => SequencerOptions.DefaultMempoolCapacity };
        var maxBody = new Option<long>("--max-body-bytes") { Description = "Largest request body; larger ones get 413.", DefaultValueFactory = _ => SequencerOptions.DefaultMaxBodyBytes };
        var snapshot = new Option<int>("--snapshot-every") { Description = "Store a snapshot every N blocks.", DefaultValueFactory = _ => Storage.Chain.LedgerChainOptions.DefaultSnapshotIntervalBlocks };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Lowest log level (Trace, Debug, Information, Warning, Error).", DefaultValueFactory = _ => LogLevel.Information };
        var logFormat = new Option<string>("--log-format") { Description = "Console log format: text (one line each) or json (one JSON object per line with the named fields).", DefaultValueFactory = _ => "text" };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var run = new Command("run", """
            Run the sequencer: opens (or, with --genesis and an empty store, creates) the chain in --data or --store,
            then serves the REST API (/v1/...), server-sent events (/v1/events), /healthz, /metrics, the OpenAPI
            document (/openapi/v1.json) and the dashboard (/). Ctrl-C stops it cleanly. Exit code 0 on a clean stop,
            1 when the settings or the store are refused (the message names the flag).
            Example: assay sequencer run --data ./devnet --genesis ./devnet/genesis.json --port 5080
            """)
        {
            data, genesis, port, host, store, schema, blockMs, followUpMs, idleMs, maxTxs, mempool, maxBody, snapshot, logLevel, logFormat,
        };
        run.SetAction(parse => Run(
            new SequencerOptions
            {
                DataDirectory = parse.GetValue(data)!,
                GenesisPath = parse.GetValue(genesis),
                Port = parse.GetValue(port),
                Host = parse.GetValue(host)!,
                StoreConnectionString = parse.GetValue(store),
                StoreSchema = parse.GetValue(schema)!,
                BlockIntervalMs = parse.GetValue(blockMs),
                FollowUpBlockDelayMs = parse.GetValue(followUpMs),
                IdleBlockIntervalMs = parse.GetValue(idleMs),
                MaxBlockTransactions = parse.GetValue(maxTxs),
                MempoolCapacity = parse.GetValue(mempool),
                MaxBodyBytes = parse.GetValue(maxBody),
                SnapshotEvery = parse.GetValue(snapshot),
                MinimumLogLevel = parse.GetValue(logLevel),
                JsonLogs = parse.GetValue(logFormat) == "json",
            },
            stdout,
            stderr,
            CancellationToken.None));
        return new Command("sequencer", "The sequencer service: REST API, block production, event stream, metrics, dashboard.") { run };
    }

    /// <summary>Starts the sequencer, prints its address, and runs it until Ctrl-C, SIGTERM or <paramref name="ct"/>; returns the exit code.</summary>
    public static int Run(SequencerOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            stop.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            var host = SequencerHost.StartAsync(options, stop.Token).GetAwaiter().GetResult();
            try
            {
                stdout.WriteLine($"sequencer listening on {host.BaseAddress} (height {host.Height}); dashboard {host.BaseAddress}, API {host.BaseAddress}v1/status; Ctrl-C stops");
                stdout.Flush();
                host.WaitForShutdownAsync(stop.Token).GetAwaiter().GetResult();
            }
            finally
            {
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            stdout.WriteLine($"sequencer stopped at height {host.Height}");
            return ExitOk;
        }
        catch (SequencerConfigurationException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitError;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("sequencer: cancelled while starting.");
            return ExitOk;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: --port: cannot listen on {options.ListenUrls}: {e.Message}");
            return ExitError;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }
}
