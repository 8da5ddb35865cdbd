using System.Diagnostics;
using System.Globalization;
using Assay.Proofs.Hashing;
using Assay.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Assay.Storage.Tests.Sqlite;

/// <summary>Kills a writing child process with SIGKILL and checks that the reopened file holds an intact, contiguous chain containing every acknowledged block.</summary>
public sealed class SqliteCrashTests : IDisposable
{
    private const int Rounds = 2;
    private const int KillSeed = 5150;
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task SigkillDuringAppendsLosesNoAcknowledgedBlock()
    {
        var rng = new Random(KillSeed);
        var path = _directory.File("crash.db");
        long lastAcked = -1;
        for (var round = 0; round < Rounds; round++)
        {
            // Kill after a random number of acknowledgements, right while the child is inside its next append.
            var acksBeforeKill = 5 + rng.Next(30);
            var context = $"kill seed {KillSeed}, round {round}, kill after {acksBeforeKill} acks";
            var (acked, output) = await RunAndKillAsync(path, acksBeforeKill, context);
            Assert.True(acked >= lastAcked, $"{context}: child acknowledged {acked} after {lastAcked} earlier\n{output}");
            lastAcked = acked;

            using var store = SqliteBlockStore.Open(path);
            var head = await store.GetHeadAsync();
            var headHeight = head?.Height ?? -1;
            Assert.True(headHeight >= lastAcked, $"{context}: head {headHeight} is below the last acknowledged height {lastAcked}\n{output}");
            var parent = Hash256.Zero;
            long expected = 0;
            await foreach (var block in store.ReadRangeAsync(0, long.MaxValue))
            {
                Assert.True(block.Height == expected, $"{context}: expected height {expected}, read {block.Height}");
                TestChain.AssertSame(SqliteCrashChild.BlockAt(expected, parent), block, context);
                parent = block.Hash;
                expected++;
            }

            Assert.True(expected == headHeight + 1, $"{context}: read {expected} blocks but head is {headHeight}");
        }

        Assert.True(lastAcked >= Rounds * 5, $"kill seed {KillSeed}: only {lastAcked + 1} blocks acknowledged over {Rounds} rounds");
    }

    private static async Task<(long Acked, string Output)> RunAndKillAsync(string path, int acksBeforeKill, string context)
    {
        var assembly = typeof(SqliteCrashTests).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        start.Environment["DOTNET_STARTUP_HOOKS"] = assembly;
        start.Environment[SqliteCrashChild.DatabaseVariable] = path;
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"{context}: could not start {start.FileName}");
        var errors = child.StandardError.ReadToEndAsync();
        var log = new System.Text.StringBuilder();
        long acked = -1;
        var acks = 0;
        using var timeout = new CancellationTokenSource(ChildTimeout);
        try
        {
            while (acks < acksBeforeKill)
            {
                var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"{context}: child ended early\n{log}\n{await errors}");
                log.AppendLine(line);
                if (line.StartsWith("ACK ", StringComparison.Ordinal))
                {
                    acked = long.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
                    acks++;
                }
            }
        }
        finally
        {
            // Process.Kill sends SIGKILL on Unix: no handler, no flush, no SQLite shutdown.
            child.Kill(entireProcessTree: true);
        }

        await child.WaitForExitAsync();

        // Lines already written before the kill were acknowledgements too.
        while (await child.StandardOutput.ReadLineAsync() is { } rest)
        {
            log.AppendLine(rest);
            if (rest.StartsWith("ACK ", StringComparison.Ordinal))
            {
                acked = long.Parse(rest.AsSpan(4), CultureInfo.InvariantCulture);
            }
        }

        log.Append(await errors);
        return (acked, log.ToString());
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
