using Assay.Cli.Devnet;
using Assay.Cli.Tasks;
using Assay.Client;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.IntegrationTests.Harness;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Node.Keys;
using Assay.Proofs.Canonical;
using Assay.Proofs.SpotCheck;

namespace Assay.IntegrationTests;

[Collection(NetworkCollection.Name)]
public sealed class WatcherTests
{
    private const int Positions = 64;

    [Fact]
    public async Task AWatcherChallengesAWrongAgreedResultAndTheColludersAreSlashed()
    {
        // Two wrong-result nodes falsify the same leaf by the same amount, so their roots are equal; they are the only
        // nodes offering 'analytic', so a PriceBook task with r = q = 2 draws both. With one uniform spot check over 64
        // positions the falsified leaf is opened with probability 1/64 (then the attempt is repeated), else the wrong root
        // is agreed 2 to 0. The watcher (node 1, 'montecarlo' only) recomputes it and challenges; the defenders play their
        // falsified tree, lose at the leaf (DisputeTests checks the game itself), and are slashed.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        using var net = await TestNet.StartAsync(3, ct);
        net.StartNode(1, "--watcher", "--kinds", "montecarlo");
        net.StartNode(2, "--fault", "wrong-result", "--kinds", "analytic");
        net.StartNode(3, "--fault", "wrong-result", "--kinds", "analytic");
        await net.WaitForNodesAsync(3, ct);
        var watcher = net.NodeAddresses[0];
        var before = (await net.Client.GetAccountAsync(watcher, ct)).Balances["ASY"];
        using var key = NodeKeyStore.LoadOrCreate(net.Layout.RequesterKeyPath, null, out _);
        var sender = new TransactionSender(net.Client, key);
        var book = PriceBookCsv.Read(net.Layout.BookPath);

        TaskView? agreed = null;
        for (var attempt = 0; attempt < 2 && agreed is null; attempt++)
        {
            var positions = Enumerable.Range(0, Positions).Select(i => book.Positions[(i + attempt) % book.Positions.Count]).ToArray();
            var policy = new VerificationPolicy(2, 2, new SpotCheckPolicy(1, 0, PriceBookKind.GrossValueLane), 0.0, 300, 1000);
            var spec = new TaskSpec(
                TaskKindIds.PriceBook, Compute.EngineVersion.Current, CanonicalEncoding.Encode(new PriceBookInputs(positions)), Positions, (ulong)attempt, policy,
                DevnetRequester.FeeMinorUnits, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 100_000);
            var receipt = await sender.SendAsync(new SubmitTaskBody(spec), ct);
            Assert.True(receipt.IsApplied, $"{receipt.Reason} {receipt.Message}");
            // The watcher's dispute can void the agreement within a few blocks, so 'agreed' may be missed by the poll:
            // liars already slashed_wrong also mean the wrong root was agreed.
            var view = await net.WaitForTaskAsync(spec.TaskId, v => v.Phase is "agreed" or "expired" || v.Assignments.Any(a => a.Status is "failed_verification" or "slashed_wrong"), ct);
            if (view.Phase == "agreed" || view.Assignments.Any(a => a.Status == "slashed_wrong"))
            {
                Assert.NotEqual(TestTasks.HonestRoot(spec), view.AgreedRoot);
                agreed = view;
            }
        }

        Assert.True(agreed is not null, "both attempts opened the falsified leaf (probability 1/64 each)\n" + net.Logs());
        var liars = agreed.Assignments.Select(a => a.Node).ToArray();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var nodes = await Task.WhenAll(liars.Select(l => net.Client.GetNodeAsync(Proofs.Signatures.Address.Parse(l), ct)));
            if (nodes.All(n => n is { TotalFaults: > 0 }))
            {
                break;
            }

            await Task.Delay(100, ct);
        }

        Assert.Contains("challenging with bond", net.Log("node-1"), StringComparison.Ordinal);
        Assert.Contains("challenge applied", net.Log("node-1"), StringComparison.Ordinal);
        var after = await net.Client.GetTaskAsync(Hash(agreed.TaskId), ct);
        Assert.True(after!.Assignments.Where(a => liars.Contains(a.Node)).All(a => a.Status == "slashed_wrong"), TestTasks.Describe(after) + "\n" + net.Logs());
        Assert.True(after.Phase != "agreed" || after.AgreedRoot != agreed.AgreedRoot, TestTasks.Describe(after));
        var dispute = Assert.Single((await net.Client.GetTaskDisputesAsync(Hash(agreed.TaskId), ct))!);
        Assert.True(dispute is { Status: "challenger_won" }, $"{dispute}\n{net.Logs()}");
        var balance = (await net.Client.GetAccountAsync(watcher, ct)).Balances["ASY"];
        Assert.True(balance > before, $"the winning challenger's balance {before} → {balance}: bond back plus the insurance share of the slashes expected");
    }

    private static Proofs.Hashing.Hash256 Hash(string hex) => Proofs.Hashing.Hash256.Parse(hex);
}
