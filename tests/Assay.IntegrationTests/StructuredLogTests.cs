using System.Globalization;
using System.Text.Json;
using Assay.Cli.Devnet;
using Assay.Client;
using Assay.IntegrationTests.Harness;
using Assay.Ledger.Transactions;
using Assay.Node.Keys;

namespace Assay.IntegrationTests;

/// <summary><c>assay sequencer run --log-format json</c>: one JSON object per log line, with the message's named fields.</summary>
[Collection(NetworkCollection.Name)]
public sealed class StructuredLogTests
{
    [Fact]
    public async Task JsonLogLinesCarryTheNamedFieldsOfEachMessage()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = cts.Token;
        var dir = Path.Combine(Path.GetTempPath(), "assay-it-log-" + Guid.NewGuid().ToString("N")[..12]);
        var layout = DevnetLayout.Prepare(dir, 1, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var port = TestNet.FreePort();
        var logPath = Path.Combine(layout.LogDirectory, "sequencer.log");
        try
        {
            using (var sequencer = ChildProcess.Start(
                "sequencer", ["sequencer", "run", "--data", layout.Root, "--genesis", layout.GenesisPath, "--port", port.ToString(CultureInfo.InvariantCulture), "--log-format", "json"], logPath))
            {
                using var client = new AssayClient(new Uri($"http://127.0.0.1:{port}/"));
                await WaitForAsync(client, sequencer, logPath, ct);
                using var key = NodeKeyStore.LoadOrCreate(layout.RequesterKeyPath, null, out _);
                using var to = NodeKeyStore.LoadOrCreate(layout.NodeKeyPath(1), null, out _);
                var receipt = await new TransactionSender(client, key).SendAsync(new TransferBody(to.Address, "ASY", 5), ct);
                Assert.True(receipt.IsApplied, receipt.ToString());
                sequencer.Stop(TimeSpan.FromSeconds(10));
            }

            var lines = File.ReadAllLines(logPath).Where(l => l.StartsWith('{')).ToList();
            Assert.True(lines.Count >= 1, $"expected JSON log lines:\n{File.ReadAllText(logPath)}");
            var created = false;
            foreach (var line in lines)
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                foreach (var field in new[] { "Timestamp", "LogLevel", "Category", "Message" })
                {
                    Assert.True(root.TryGetProperty(field, out _), $"no {field} in {line}");
                }

                if (root.GetProperty("Message").GetString()!.StartsWith("created chain", StringComparison.Ordinal))
                {
                    // The template's named fields are separate properties, not only text inside the message.
                    var state = root.GetProperty("State");
                    Assert.Equal(Path.Combine(layout.Root, "ledger.db"), state.GetProperty("Store").GetString());
                    Assert.Matches("^[0-9a-f]{64}$", state.GetProperty("Genesis").GetString()!);
                    created = true;
                }
            }

            Assert.True(created, $"no 'created chain' line:\n{string.Join('\n', lines)}");
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

    private static async Task WaitForAsync(AssayClient client, ChildProcess sequencer, string logPath, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await client.GetStatusAsync(ct);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or AssayApiException)
            {
                if (sequencer.HasExited)
                {
                    throw new InvalidOperationException($"the sequencer did not start:\n{File.ReadAllText(logPath)}");
                }

                await Task.Delay(100, ct);
            }
        }
    }
}
