using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assay.Client;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;

namespace Assay.Sequencer.Tests;

public sealed partial class OperationsTests
{
    [Fact]
    public async Task RestartResumesFromTheStoreWithEveryAcknowledgedTransaction()
    {
        await using var net = await TestNetwork.StartAsync(d => TestNetwork.OptionsFor(d, idleMs: 600_000) with { SnapshotEvery = 5 });
        var acknowledged = new List<Ledger.Views.TransactionReceipt>();
        var senders = Enumerable.Range(0, 3).Select(i => new TransactionSender(net.Client, TestNetwork.Account(i))).ToArray();
        for (var round = 0; round < 12; round++)
        {
            var sends = senders.Select((s, i) => s.SendAsync(new TransferBody(TestNetwork.Account((i + 1) % 4).Address, TestNetwork.Native, (ulong)(round + 1))));
            acknowledged.AddRange(await Task.WhenAll(sends));
        }

        Assert.All(acknowledged, r => Assert.True(r.IsApplied, r.ToString()));
        var before = await net.Client.GetStatusAsync();
        Assert.True(before.Height >= 12, $"height {before.Height}: 12 sequential rounds take at least 12 blocks, so snapshots (every 5) are behind the head");

        // No genesis the second time: the store is enough.
        await net.RestartAsync(o => o with { Genesis = null });
        var after = await net.Client.GetStatusAsync();
        Assert.Equal((before.Height, before.HeadHash, before.StateRoot, before.GenesisHash), (after.Height, after.HeadHash, after.StateRoot, after.GenesisHash));
        foreach (var r in acknowledged)
        {
            var view = await net.Client.GetTransactionAsync(Hash256.Parse(r.Hash));
            Assert.True(view is not null && view.Height == r.Height && view.Index == r.Index && view.Outcome == "applied", $"acknowledged {r} after restart: {view}");
            Assert.Equal(r with { Field = null, Message = null }, await net.Client.SubmitAsync(
                Proofs.Canonical.CanonicalEncoding.Decode<SignedTransaction>(Convert.FromHexString(view!.Hex))));
        }

        // It keeps producing on top of the restored head, and the senders' nonces continue.
        var more = await new TransactionSender(net.Client, TestNetwork.Account(0)).SendAsync(new TransferBody(TestNetwork.Account(3).Address, TestNetwork.Native, 9));
        Assert.True(more.IsApplied && more.Height == before.Height + 1, more.ToString());
    }

    [Fact]
    public async Task StartRefusesAnEmptyStoreWithoutGenesisAndAStoreOfAnotherChain()
    {
        var directory = Path.Combine(Path.GetTempPath(), "assay-seq-" + Guid.NewGuid().ToString("N"));
        try
        {
            var none = TestNetwork.OptionsFor(directory);
            var e = await Assert.ThrowsAsync<SequencerConfigurationException>(() => SequencerHost.StartAsync(new SequencerOptions { Port = 0, DataDirectory = directory }));
            Assert.Equal("genesis", e.Field);
            Assert.Contains("empty", e.Message, StringComparison.Ordinal);

            await (await SequencerHost.StartAsync(none)).DisposeAsync();
            var other = none.Genesis! with { TimestampUnixMs = none.Genesis!.TimestampUnixMs + 1 };
            var mismatch = await Assert.ThrowsAsync<SequencerConfigurationException>(() => SequencerHost.StartAsync(TestNetwork.OptionsFor(directory) with { Genesis = other }));
            Assert.Equal("genesis", mismatch.Field);

            var bad = await Assert.ThrowsAsync<SequencerConfigurationException>(() => SequencerHost.StartAsync(new SequencerOptions { Port = 0, DataDirectory = directory, BlockIntervalMs = 0 }));
            Assert.Equal("block-interval-ms", bad.Field);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task MetricsHealthAndOpenApiDescribeTheService()
    {
        await using var net = await TestNetwork.StartAsync();
        var sender = new TransactionSender(net.Client, TestNetwork.Account(1));
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await sender.SendAsync(new TransferBody(TestNetwork.Account(2).Address, TestNetwork.Native, 1))).IsApplied);
        }

        var status = await net.Client.GetStatusAsync();
        var text = await net.Client.GetMetricsAsync();
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                Assert.Matches(CommentLine(), line);
                continue;
            }

            var m = SampleLine().Match(line);
            Assert.True(m.Success, $"not a Prometheus sample line: '{line}'");
            samples[m.Groups["series"].Value] = m.Groups["value"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.True(samples["assay_blocks_total"] >= status.Height, $"blocks_total {samples["assay_blocks_total"]} < height {status.Height}\n{text}");
        Assert.True(samples["assay_transactions_total{outcome=\"applied\"}"] >= 3, text);
        Assert.True(samples.ContainsKey("assay_mempool_depth"), text);
        Assert.True(samples.ContainsKey("assay_slashes_total"), text);
        Assert.Equal(0, samples["assay_tasks{phase=\"final\"}"]);
        Assert.True(samples["assay_block_apply_seconds_count"] >= status.Height, text);
        Assert.True(samples["assay_block_apply_seconds_bucket{le=\"+Inf\"}"] == samples["assay_block_apply_seconds_count"], text);
        Assert.True(samples["assay_http_request_seconds_count{route=\"/v1/transactions\"}"] >= 3, text);

        using var http = new HttpClient { BaseAddress = net.Host.BaseAddress };
        using var health = await http.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using (var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()))
        {
            Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        }

        var openApi = await http.GetStringAsync("openapi/v1.json");
        using var doc = JsonDocument.Parse(openApi);
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/v1/transactions", "/v1/transactions/{hash}", "/v1/status", "/v1/accounts/{address}", "/v1/accounts/{address}/proof", "/v1/nodes",
            "/v1/nodes/{address}", "/v1/tasks", "/v1/tasks/{task_id}", "/v1/tasks/{task_id}/spec", "/v1/blocks/head", "/v1/blocks/{height}",
            "/v1/events", "/healthz", "/metrics",
        ];
        Assert.All(expected, p => Assert.True(paths.Contains(p), $"{p} missing from the OpenAPI paths: {string.Join(", ", paths)}"));
        Assert.Contains("state_root", openApi, StringComparison.Ordinal);

        var dashboard = await http.GetStringAsync("/");
        Assert.Contains("<html", dashboard, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/v1/status", dashboard, StringComparison.Ordinal);
        Assert.Contains("new EventSource(\"/v1/events\"", dashboard, StringComparison.Ordinal);
    }

    [GeneratedRegex("^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$")]
    private static partial Regex CommentLine();

    [GeneratedRegex("^(?<series>[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\")*\\})?) (?<value>-?[0-9.eE+-]+|\\+Inf|NaN)$")]
    private static partial Regex SampleLine();
}
