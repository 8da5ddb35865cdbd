using Assay.IntegrationTests.Harness;

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
        var (net, watcher) = await TestNet.StartWatcherAndColludersAsync(ct);
        using var disposeNet = net;
        var before = (await net.Client.GetAccountAsync(watcher, ct)).Balances["ASY"];
        var (spec, agreed) = await TestTasks.AgreeOnTheColludersRootAsync(net, Positions, ct);
        Assert.NotEqual(TestTasks.HonestRoot(spec), agreed.AgreedRoot);
        var liars = agreed.Assignments.Select(a => a.Node).ToArray();

        // Wait on this task's assignments, not on the liars' fault counts: when the first attempt's spot check opened
        // the falsified leaf (probability 1/64), the liars already carry a fault from that attempt before the watcher
        // has challenged this one.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var view = await net.Client.GetTaskAsync(Hash(agreed.TaskId), ct);
            if (view!.Assignments.Where(a => liars.Contains(a.Node)).All(a => a.Status == "slashed_wrong"))
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
