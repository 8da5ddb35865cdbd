using Assay.IntegrationTests.Harness;
using Assay.Ledger.Views;

namespace Assay.IntegrationTests;

[Collection(NetworkCollection.Name)]
public sealed class FaultModeTests
{
    [Fact]
    public async Task NoRevealAndSlowNodesMissTheirDeadlinesAreSlashedAndReplaced()
    {
        // Nodes 1-2 honest, 3 no-reveal, 4 slow. With r = 3 of 4, every task draws at least one faulty node; each misses
        // its deadline and is slashed, and the task still reaches finality with the honest pair.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        using var net = await TestNet.StartAsync(4, ct);
        net.StartNode(1);
        net.StartNode(2);
        net.StartNode(3, "--fault", "no-reveal");
        net.StartNode(4, "--fault", "slow");
        await net.WaitForNodesAsync(4, ct);
        var requester = net.Requester(seed: 3);
        var ids = new List<Proofs.Hashing.Hash256>();
        for (var i = 0; i < 2; i++)
        {
            var (spec, receipt) = await requester.SubmitOneAsync(ct);
            Assert.True(receipt.IsApplied, $"{receipt.Reason} {receipt.Message}");
            ids.Add(spec.TaskId);
        }

        var views = new List<TaskView>();
        foreach (var id in ids)
        {
            TaskView view;
            try
            {
                view = await net.WaitForTaskAsync(id, v => v.Phase is "final" or "expired", ct);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"timed out: {TestTasks.Describe((await net.Client.GetTaskAsync(id, CancellationToken.None))!)}\n{net.Logs()}");
                throw;
            }

            Assert.True(view.Phase == "final", TestTasks.Describe(view) + "\n" + net.Logs());
            views.Add(view);
        }

        var noReveal = net.NodeAddresses[2].ToString();
        var slow = net.NodeAddresses[3].ToString();
        var all = views.SelectMany(v => v.Assignments).ToList();
        Assert.All(all.Where(a => a.Node == noReveal), a => Assert.True(a.Status is "missed_reveal" or "released", $"no-reveal node: {a.Status}"));
        Assert.All(all.Where(a => a.Node == slow), a => Assert.True(a.Status is "missed_commit" or "released", $"slow node: {a.Status}"));
        Assert.Contains(all, a => a.Status is "missed_reveal" or "missed_commit");

        // A slow node blocks the reveal of its round until its commit deadline passes; it is then replaced. (A silent
        // revealer does not need replacing when the two honest nodes already form the quorum.)
        Assert.All(views.Where(v => v.Assignments.Any(a => a.Node == slow)), v => Assert.True(v.Replacements >= 1, TestTasks.Describe(v)));
        AssertEveryLineMarked(net, 3, "[FAULT MODE no-reveal] ");
        AssertEveryLineMarked(net, 4, "[FAULT MODE slow] ");
    }

    private static void AssertEveryLineMarked(TestNet net, int node, string prefix)
    {
        // The log holds the devnet's '#' command line, then the node's own lines: every one must carry the marker.
        using var stream = new FileStream(Path.Combine(net.Layout.LogDirectory, $"node-{node}.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var lines = new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith(prefix, l, StringComparison.Ordinal));
    }
}
