using System.Globalization;
using System.Text.RegularExpressions;
using Assay.IntegrationTests.Harness;
using Assay.Node.Keys;

namespace Assay.IntegrationTests;

public sealed partial class CliTests
{
    /// <summary>The README's main command, as a user runs it: the whole devnet for a bounded time, its summary, then a replay of its store.</summary>
    [Fact]
    public async Task TheDevnetCommandRunsTasksToFinalitySlashesTheByzantineNodeAndItsStoreReplays()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var ct = cts.Token;
        var dir = Path.Combine(Path.GetTempPath(), "assay-it-devnet-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var port = TestNet.FreePort().ToString(CultureInfo.InvariantCulture);
            var run = await RunAsync(ct, "devnet", "--nodes", "4", "--byzantine", "1", "--duration", "25", "--data", dir, "--port", port);
            Assert.True(run.Code == 0, run.Output);
            Assert.Contains("devnet stopped after", run.Output, StringComparison.Ordinal);

            var tasks = TasksLine().Match(run.Output);
            Assert.True(tasks.Success, run.Output);
            var submitted = int.Parse(tasks.Groups["submitted"].Value, CultureInfo.InvariantCulture);
            var final = int.Parse(tasks.Groups["final"].Value, CultureInfo.InvariantCulture);
            Assert.True(submitted >= 5 && final >= 3, $"expected a steady flow of tasks reaching finality:\n{run.Output}");
            Assert.Contains("disputes ended: ", run.Output, StringComparison.Ordinal);

            // The Byzantine node is the last one; every slash of the run is its own.
            using var byzantine = NodeKeyStore.LoadOrCreate(Path.Combine(dir, "keys", "node-4.pem"), null, out _);
            var slashes = SlashesLine().Match(run.Output);
            Assert.True(slashes.Success && int.Parse(slashes.Groups["count"].Value, CultureInfo.InvariantCulture) >= 1, run.Output);
            Assert.Matches($@"\n\s+{byzantine.Address}: \d+", run.Output);
            for (var i = 1; i <= 3; i++)
            {
                using var honest = NodeKeyStore.LoadOrCreate(Path.Combine(dir, "keys", $"node-{i}.pem"), null, out _);
                Assert.DoesNotContain(honest.Address.ToString() + ":", run.Output, StringComparison.Ordinal);
            }

            var replay = await RunAsync(ct, "ledger", "replay", "--store", Path.Combine(dir, "ledger.db"));
            Assert.True(replay.Code == 0, replay.Output);
            Assert.Matches(@"all \d+ blocks match", replay.Output);
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }

    [GeneratedRegex(@"tasks: submitted (?<submitted>\d+), agreed (?<agreed>\d+), final (?<final>\d+)")]
    private static partial Regex TasksLine();

    [GeneratedRegex(@"slashes: (?<count>\d+) \(")]
    private static partial Regex SlashesLine();
}
