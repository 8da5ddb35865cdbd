using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Assay.Ledger.Blocks;
using Assay.Ledger.Transactions;
using Assay.Storage.Chain;
using Assay.Storage.Sqlite;

namespace Assay.Cli.Commands;

/// <summary><c>assay bench ledger</c>: apply throughput with and without signature checks, SQLite commit latency per block, and replay speed.</summary>
public static class LedgerBenchCommand
{
    /// <summary>Builds the <c>ledger</c> subcommand of <c>bench</c>.</summary>
    public static Command Build(TextWriter stdout)
    {
        var quick = new Option<bool>("--quick") { Description = "Fewer blocks (seconds, for smoke tests)." };
        var command = new Command(
            "ledger",
            """
            Settlement-ledger costs on this machine, bounded to about a minute (--quick: seconds). For a transfer
            workload (31 transfers per block) and the demo chain's mix (transfers, PriceBook tasks, commits, reveals):
            ApplyBlock throughput including the state root, with signatures checked (freshly decoded transactions) and
            with them already checked (cached); SQLite commit latency per block (AppendAsync, durable on return); and
            replay from genesis of the stored chain (LedgerChain.ReplayAsync). Wall time and the calling thread's CPU
            time. Prints a Markdown table.
            """)
        { quick };
        command.SetAction(parse =>
        {
            Run(stdout, parse.GetValue(quick));
            return 0;
        });
        return command;
    }

    /// <summary>Runs the measurements and writes the table to <paramref name="stdout"/>.</summary>
    public static void Run(TextWriter stdout, bool quick)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var transferBlocks = quick ? 20 : 400;
        var mixBlocks = quick ? 12 : 120;
        stdout.WriteLine($"clock: {(TaskBenchClock.IsThreadTime ? "thread CPU time" : "process CPU time")}; {Environment.ProcessorCount} cores");
        stdout.WriteLine();
        stdout.WriteLine("| workload | measure | blocks | txs | wall s | cpu s | blocks/s | tx/s | per block |");
        stdout.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var workload in new[] { LedgerBenchWorkload.Transfers(transferBlocks), LedgerBenchWorkload.DemoMix(mixBlocks, 1) })
        {
            Measure(stdout, workload);
        }
    }

    private static void Measure(TextWriter stdout, LedgerBenchWorkload workload)
    {
        var txs = workload.TransactionCount;
        var blocks = workload.EncodedBlocks.Count;
        var cold = workload.Decode();
        var (applied, wall, cpu) = Apply(cold);
        Row(stdout, workload.Name, "apply, signatures checked", blocks, txs, wall, cpu);
        (_, wall, cpu) = Apply(cold);
        Row(stdout, workload.Name, "apply, signatures cached", blocks, txs, wall, cpu);

        var path = Path.Combine(Path.GetTempPath(), $"assay-bench-ledger-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        try
        {
            var latencies = new double[blocks];
            using (var store = SqliteBlockStore.Open(path))
            {
                LedgerChain.CreateAsync(store, LedgerDemoChain.Genesis(), LedgerChainOptions.Default).GetAwaiter().GetResult();
                for (var i = 0; i < blocks; i++)
                {
                    var row = LedgerChain.ToStoredBlock(applied[i]);
                    var t0 = Stopwatch.GetTimestamp();
                    store.AppendAsync(row).GetAwaiter().GetResult();
                    latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                }

                Array.Sort(latencies);
                stdout.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {workload.Name} | SQLite commit per block | {blocks} | {txs} | {latencies.Sum() / 1e3:F3} | | {blocks / (latencies.Sum() / 1e3):F0} | | median {latencies[blocks / 2]:F2} ms, p95 {latencies[Math.Min(blocks - 1, blocks * 95 / 100)]:F2} ms |"));

                var cpu0 = TaskBenchClock.Seconds();
                var start = Stopwatch.GetTimestamp();
                var report = LedgerChain.ReplayAsync(store, LedgerChainOptions.Default, fromGenesis: true).GetAwaiter().GetResult();
                var replayWall = Stopwatch.GetElapsedTime(start).TotalSeconds;
                var replayCpu = TaskBenchClock.Seconds() - cpu0;
                if (!report.AllMatch)
                {
                    throw new InvalidOperationException($"bench ledger: the replay differs at {report.FirstMismatchHeight}: {report.Detail}");
                }

                Row(stdout, workload.Name, "replay from genesis (SQLite)", blocks, report.TransactionsReplayed, replayWall, replayCpu);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static (List<Block> Blocks, double Wall, double Cpu) Apply(List<SignedTransaction[]> blocks)
    {
        var ledger = SettlementLedger.Create(LedgerDemoChain.Genesis());
        var result = new List<Block>(blocks.Count);
        var cpu0 = TaskBenchClock.Seconds();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < blocks.Count; i++)
        {
            result.Add(ledger.ApplyBlock(LedgerBenchWorkload.Timestamp(i + 1), blocks[i]));
        }

        return (result, Stopwatch.GetElapsedTime(start).TotalSeconds, TaskBenchClock.Seconds() - cpu0);
    }

    private static void Row(TextWriter stdout, string workload, string measure, int blocks, long txs, double wall, double cpu) =>
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {workload} | {measure} | {blocks} | {txs} | {wall:F3} | {cpu:F3} | {blocks / wall:F1} | {txs / wall:F0} | {wall / blocks * 1e3:F2} ms |"));
}
