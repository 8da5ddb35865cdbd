using System.Diagnostics;
using Assay.Client;
using Assay.Ledger.Transactions;

namespace Assay.Sequencer.Tests;

public sealed class PostgresTests
{
    [Fact]
    public async Task SequencerRunsOnPostgresAndRestartsFromIt()
    {
        var script = FindScript();
        var cluster = Path.Combine(Path.GetTempPath(), "assay-seq-pg-" + Guid.NewGuid().ToString("N"));
        var (code, stdout, stderr) = await RunAsync(script, "start", cluster);
        var connection = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        Assert.True(code == 0 && !string.IsNullOrEmpty(connection), $"{script} start {cluster} exited {code}\n{stdout}\n{stderr}");
        try
        {
            var schema = "seq_" + Guid.NewGuid().ToString("N")[..12];
            await using var net = await TestNetwork.StartAsync(d => TestNetwork.OptionsFor(d, idleMs: 600_000) with { StoreConnectionString = connection, StoreSchema = schema });
            var sender = new TransactionSender(net.Client, TestNetwork.Account(0));
            var receipts = new List<Ledger.Views.TransactionReceipt>();
            for (var i = 0; i < 5; i++)
            {
                receipts.Add(await sender.SendAsync(new TransferBody(TestNetwork.Account(1).Address, TestNetwork.Native, 100)));
            }

            Assert.All(receipts, r => Assert.True(r.IsApplied, r.ToString()));
            Assert.False(File.Exists(Path.Combine(net.Directory, SequencerOptions.SqliteFileName)), "a PostgreSQL sequencer wrote a SQLite file");
            var before = await net.Client.GetStatusAsync();
            await net.RestartAsync(o => o with { Genesis = null });
            var after = await net.Client.GetStatusAsync();
            Assert.Equal((before.Height, before.HeadHash, before.StateRoot), (after.Height, after.HeadHash, after.StateRoot));
            Assert.Equal(TestNetwork.Funding + 500, (await net.Client.GetAccountAsync(TestNetwork.Account(1).Address)).Balances[TestNetwork.Native]);
            foreach (var r in receipts)
            {
                var view = await net.Client.GetTransactionAsync(Proofs.Hashing.Hash256.Parse(r.Hash));
                Assert.True(view?.Height == r.Height, $"{r} after restart: {view}");
            }
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await RunAsync(script, "stop", cluster);
        }
    }

    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "scripts", "postgres-test-cluster.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"scripts/postgres-test-cluster.sh not found above {AppContext.BaseDirectory}.");
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string script, string verb, string directory)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await stdout, await stderr + "\n(timed out)");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
