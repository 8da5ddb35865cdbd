using System.CommandLine;
using System.Globalization;
using Assay.Cli.Ledger;
using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;
using Assay.Storage;
using Assay.Storage.Chain;
using Assay.Storage.Sqlite;
using Spectre.Console;

namespace Assay.Cli.Commands;

/// <summary><c>assay ledger</c>: write a demo chain, replay a stored chain, show a block, prove an account.</summary>
public static class LedgerCommand
{
    /// <summary>Exit code of success (every block matched, the proof verified).</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a usage or file error.</summary>
    public const int ExitError = 1;

    /// <summary>Exit code when a stored block differs from its replay, or a proof does not verify.</summary>
    public const int ExitMismatch = 2;

    /// <summary>Default snapshot interval of <c>ledger demo</c>, in blocks.</summary>
    public const int DemoSnapshotEvery = 10;

    /// <summary>Builds the <c>ledger</c> command and its subcommands.</summary>
    public static Command Build(IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        var ledger = new Command(
            "ledger",
            """
            Inspect and check a stored settlement chain (SQLite file, or PostgreSQL with --store "Host=…").
            Subcommands: demo (write a demo chain), replay (re-execute and compare every block), show (one block),
            prove-account (balances, nonce and a verified inclusion proof against the head state root).
            Exit codes: 0 ok, 1 usage or file error, 2 a block differs from its replay or a proof does not verify.
            Example: assay ledger demo --store chain.db && assay ledger replay --store chain.db --from-genesis
            """);
        ledger.Add(BuildDemo(stdout, stderr));
        ledger.Add(BuildReplay(console, stdout, stderr));
        ledger.Add(BuildShow(stdout, stderr));
        ledger.Add(BuildProveAccount(stdout, stderr));
        return ledger;
    }

    private static Option<string> StoreOption() =>
        new("--store") { Description = "SQLite file path, or a PostgreSQL connection string starting with Host=.", Required = true };

    private static Command BuildDemo(TextWriter stdout, TextWriter stderr)
    {
        var store = new Option<string>("--store") { Description = "New SQLite file to write (must not exist).", Required = true };
        var blocks = new Option<int>("--blocks") { Description = $"Blocks after genesis (0 … {LedgerDemoChain.MaxBlocks}).", DefaultValueFactory = _ => 40 };
        var seed = new Option<int>("--seed") { Description = "Seed of the demo transfers.", DefaultValueFactory = _ => 1 };
        var every = new Option<int>("--snapshot-every") { Description = "Store a snapshot every K blocks (≥ 1).", DefaultValueFactory = _ => DemoSnapshotEvery };
        var command = new Command(
            "demo",
            """
            Write a demo chain into a new SQLite file: 6 funded accounts, 4 analytic nodes, three seeded transfers per block
            (some overdrawn, so rejected) and a PriceBook task every sixth block, committed and revealed by in-process nodes.
            Example: assay ledger demo --store chain.db --blocks 40 --seed 7
            """)
        {
            store, blocks, seed, every,
        };
        command.SetAction(parse => Demo(parse.GetValue(store)!, parse.GetValue(blocks), parse.GetValue(seed), parse.GetValue(every), stdout, stderr));
        return command;
    }

    /// <summary>Writes a demo chain of <paramref name="blocks"/> blocks into the new SQLite file <paramref name="path"/>; refuses an existing file.</summary>
    public static int Demo(string path, int blocks, int seed, int snapshotEvery, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (blocks is < 0 or > LedgerDemoChain.MaxBlocks)
        {
            return Fail(stderr, $"--blocks: must be 0 … {LedgerDemoChain.MaxBlocks}; got {blocks}.");
        }

        if (snapshotEvery < 1)
        {
            return Fail(stderr, $"--snapshot-every: must be ≥ 1; got {snapshotEvery}.");
        }

        if (string.IsNullOrWhiteSpace(path) || LedgerStoreLocator.IsPostgres(path))
        {
            return Fail(stderr, "--store: ledger demo writes a new SQLite file; give a file path.");
        }

        if (File.Exists(path) || Directory.Exists(path))
        {
            return Fail(stderr, $"--store: '{path}' already exists; ledger demo writes a new store only.");
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null && !Directory.Exists(dir))
        {
            return Fail(stderr, $"--store: the directory '{dir}' does not exist.");
        }

        using (var sqlite = SqliteBlockStore.Open(path))
        {
            var chain = LedgerDemoChain.WriteAsync(sqlite, blocks, seed, new LedgerChainOptions(snapshotEvery)).GetAwaiter().GetResult();
            var head = chain.Ledger.Head;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {blocks} blocks to {path}; head {head.Height} hash {head.Hash} root {head.StateRoot}"));
        }

        return ExitOk;
    }

    private static Command BuildReplay(IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        var store = StoreOption();
        var fromGenesis = new Option<bool>("--from-genesis") { Description = "Replay every block from block 0, not only those after the latest valid snapshot." };
        var command = new Command(
            "replay",
            """
            Re-execute the stored chain and compare every block's roots and hash with the stored ones.
            Prints "all N blocks match; head H root R" (exit 0) or "first mismatch at height H: detail" (exit 2).
            Example: assay ledger replay --store chain.db --from-genesis
            """)
        {
            store, fromGenesis,
        };
        command.SetAction(parse =>
        {
            var progress = console.Profile.Capabilities.Interactive ? console : null;
            return Replay(parse.GetValue(store), parse.GetValue(fromGenesis), stdout, stderr, progress);
        });
        return command;
    }

    /// <summary>Replays the chain in <paramref name="storeValue"/> and prints whether every block matches; returns the exit code.</summary>
    /// <param name="storeValue">The <c>--store</c> value.</param>
    /// <param name="fromGenesis">Replay from block 0 rather than from the latest snapshot.</param>
    /// <param name="stdout">Report output.</param>
    /// <param name="stderr">Errors.</param>
    /// <param name="progress">A terminal console to draw a progress bar on, or null.</param>
    public static int Replay(string? storeValue, bool fromGenesis, TextWriter stdout, TextWriter stderr, IAnsiConsole? progress)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        using var store = LedgerStoreLocator.OpenExisting(storeValue, out var error);
        if (store is null)
        {
            return Fail(stderr, error);
        }

        ChainReplayReport report;
        try
        {
            report = progress is null ? ReplayWith(store, fromGenesis, null) : ReplayWithBar(store, fromGenesis, progress);
        }
        catch (LedgerChainException e) when (e.Height >= 0)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first mismatch at height {e.Height}: {e.Message}"));
            return ExitMismatch;
        }
        catch (Exception e) when (e is LedgerChainException or BlockStoreException)
        {
            return Fail(stderr, $"--store: {e.Message}");
        }

        if (report.AllMatch)
        {
            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"all {report.BlocksChecked} blocks match; head {report.HeadHeight} root {report.HeadStateRoot} ({report.TransactionsReplayed} transactions replayed from height {report.StartHeight})"));
            return ExitOk;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first mismatch at height {report.FirstMismatchHeight}: {report.Detail}"));
        return ExitMismatch;
    }

    private static ChainReplayReport ReplayWith(IBlockStore store, bool fromGenesis, IProgress<long>? progress) =>
        LedgerChain.ReplayAsync(store, LedgerChainOptions.Default, fromGenesis, progress).GetAwaiter().GetResult();

    private static ChainReplayReport ReplayWithBar(IBlockStore store, bool fromGenesis, IAnsiConsole console)
    {
        var head = store.GetHeadAsync().GetAwaiter().GetResult()?.Height ?? 0;
        ChainReplayReport? report = null;
        console.Progress().Start(ctx =>
        {
            var bar = ctx.AddTask("replaying blocks", maxValue: Math.Max(1, head));
            report = ReplayWith(store, fromGenesis, new ImmediateProgress<long>(h => bar.Value = h));
            bar.Value = bar.MaxValue;
        });
        return report!;
    }

    private static Command BuildShow(TextWriter stdout, TextWriter stderr)
    {
        var store = StoreOption();
        var height = new Option<long>("--height") { Description = "Height of the block (0 is the genesis).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command(
            "show",
            """
            Print one stored block: its header (hashes in lowercase hex) and each transaction's kind, sender, nonce and
            outcome (accepted, or the rejection reason and field; the field is recovered by re-executing the block).
            Example: assay ledger show --store chain.db --height 7 --json
            """)
        {
            store, height, json,
        };
        command.SetAction(parse => Show(parse.GetValue(store), parse.GetValue(height), parse.GetValue(json), stdout, stderr));
        return command;
    }

    /// <summary>Prints the block at <paramref name="height"/> as text or JSON; returns the exit code.</summary>
    public static int Show(string? storeValue, long height, bool json, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (height < 0)
        {
            return Fail(stderr, $"--height: must be ≥ 0; got {height}.");
        }

        using var store = LedgerStoreLocator.OpenExisting(storeValue, out var error);
        if (store is null)
        {
            return Fail(stderr, error);
        }

        try
        {
            if (BlockInspector.ReadAsync(store, height).GetAwaiter().GetResult() is not { } read)
            {
                var head = store.GetHeadAsync().GetAwaiter().GetResult()?.Height;
                return Fail(stderr, $"--height: no block {height}; the store's head is {(head is null ? "absent" : head.Value.ToString(CultureInfo.InvariantCulture))}.");
            }

            stdout.Write(json ? LedgerJson.Block(read.Block, read.Outcomes, read.Replayed) : LedgerText.Block(read.Block, read.Outcomes, read.Replayed));
            return ExitOk;
        }
        catch (Exception e) when (e is CanonicalFormatException or BlockStoreException or LedgerChainException)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"block {height} is corrupt: {e.Message}"));
            return ExitMismatch;
        }
    }

    private static Command BuildProveAccount(TextWriter stdout, TextWriter stderr)
    {
        var store = StoreOption();
        var address = new Argument<string>("ADDRESS") { Description = "The account address (asy followed by 40 hex digits)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command(
            "prove-account",
            """
            Open the chain at its head and print an account's balances and nonce with its sparse-Merkle inclusion proof
            against the head state root; the proof is verified before printing (exit 2 if it does not verify).
            Example: assay ledger prove-account --store chain.db asy0123…
            """)
        {
            store, address, json,
        };
        command.SetAction(parse => ProveAccount(parse.GetValue(store), parse.GetValue(address), parse.GetValue(json), stdout, stderr));
        return command;
    }

    /// <summary>Prints the account at the head with a verified inclusion proof; returns the exit code.</summary>
    public static int ProveAccount(string? storeValue, string? addressText, bool json, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!Address.TryParse(addressText, out var address))
        {
            return Fail(stderr, $"ADDRESS: '{addressText}' is not an address ({Address.TextPrefix} followed by 40 hex digits).");
        }

        using var store = LedgerStoreLocator.OpenExisting(storeValue, out var error);
        if (store is null)
        {
            return Fail(stderr, error);
        }

        LedgerChain chain;
        try
        {
            chain = LedgerChain.OpenAsync(store, LedgerChainOptions.Default).GetAwaiter().GetResult();
        }
        catch (LedgerChainException e) when (e.Height >= 0)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the chain does not replay: first mismatch at height {e.Height}: {e.Message}"));
            return ExitMismatch;
        }
        catch (Exception e) when (e is LedgerChainException or BlockStoreException)
        {
            return Fail(stderr, $"--store: {e.Message}");
        }

        var head = chain.Ledger.Head;
        var proof = chain.Ledger.ProveAccount(address);
        if (proof is null)
        {
            stdout.Write(json ? LedgerJson.UnknownAccount(address, head) : LedgerText.UnknownAccount(address, head));
            return ExitOk;
        }

        if (!proof.Verify(head.StateRoot))
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the inclusion proof of {address} does not verify against the head state root {head.StateRoot} (height {head.Height})."));
            return ExitMismatch;
        }

        stdout.Write(json ? LedgerJson.Account(proof, head) : LedgerText.Account(proof, head));
        return ExitOk;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitError;
    }
}
