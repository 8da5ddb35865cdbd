using Assay.Compute.Tasks;
using Assay.IntegrationTests.Harness;
using Assay.Ledger.Views;

namespace Assay.IntegrationTests;

[Collection(NetworkCollection.Name)]
public sealed class DevnetTests
{
    private const int Tasks = 6;

    [Fact]
    public async Task FourNodesReachFinalityTheByzantineIsSlashedAndHonestNodesArePaid()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var net = await TestNet.StartAsync(4, cts.Token);
        await RunNetworkAsync(net, cts.Token);
    }

    /// <summary>Three honest nodes (node 1 a watcher) and one wrong-result node; submits tasks and checks finality, correctness, slashing and pay.</summary>
    internal static async Task RunNetworkAsync(TestNet net, CancellationToken ct)
    {
        net.StartNode(1, "--watcher");
        net.StartNode(2);
        net.StartNode(3);
        net.StartNode(4, "--fault", "wrong-result");
        await net.WaitForNodesAsync(4, ct);
        var nodes = net.NodeAddresses;
        var before = new ulong[4];
        for (var i = 0; i < 4; i++)
        {
            before[i] = Balance(await net.Client.GetAccountAsync(nodes[i], ct));
        }

        var requester = net.Requester(seed: 1);
        var specs = new List<TaskSpec>();
        for (var i = 0; i < Tasks; i++)
        {
            var (spec, receipt) = await requester.SubmitOneAsync(ct);
            Assert.True(receipt.IsApplied, $"submission {i}: {receipt.Reason} {receipt.Message}");
            specs.Add(spec);
        }

        var views = new List<TaskView>();
        foreach (var spec in specs)
        {
            TaskView view;
            try
            {
                view = await net.WaitForTaskAsync(spec.TaskId, v => v.Phase is "final" or "expired", ct);
            }
            catch (OperationCanceledException)
            {
                var last = await net.Client.GetTaskAsync(spec.TaskId, CancellationToken.None);
                Assert.Fail($"timed out waiting for {(last is null ? spec.TaskId.ToString() : TestTasks.Describe(last))}\n{net.Logs()}");
                throw;
            }

            Assert.True(view.Phase == "final", $"{TestTasks.Describe(view)}\n{net.Logs()}");
            Assert.True(TestTasks.HonestRoot(spec) == view.AgreedRoot, $"agreed root is not the honest one: {TestTasks.Describe(view)}");
            views.Add(view);
        }

        var byzantine = nodes[3].ToString();
        var assignedToByzantine = views.Count(v => v.Assignments.Any(a => a.Node == byzantine));
        Assert.True(assignedToByzantine > 0, $"the wrong-result node was never drawn in {Tasks} tasks: {string.Join("\n", views.Select(TestTasks.Describe))}");
        var wrong = views.SelectMany(v => v.Assignments).Where(a => a.Node == byzantine).Select(a => a.Status).ToList();
        Assert.True(wrong.All(s => s is "failed_verification" or "slashed_wrong" or "released"), $"the wrong-result node's assignments: {string.Join(", ", wrong)}");
        var byzantineView = await net.Client.GetNodeAsync(nodes[3], ct);
        Assert.NotNull(byzantineView);
        Assert.True(byzantineView.TotalFaults > 0 && byzantineView.Stake < Node.NodeOptions.DefaultStakeMinorUnits, $"byzantine node not slashed: stake {byzantineView.Stake}, faults {byzantineView.TotalFaults}");

        var grew = 0;
        for (var i = 0; i < 3; i++)
        {
            var node = await net.Client.GetNodeAsync(nodes[i], ct);
            Assert.True(node is { TotalFaults: 0 }, $"honest node {i + 1} has faults: {node?.TotalFaults}\n{net.Log($"node-{i + 1}")}");
            var after = Balance(await net.Client.GetAccountAsync(nodes[i], ct));
            Assert.True(after >= before[i], $"honest node {i + 1} lost balance: {before[i]} → {after}");
            grew += after > before[i] ? 1 : 0;
        }

        Assert.True(grew > 0, "no honest node's balance grew by a reward");
    }

    private static ulong Balance(AccountView account) => account.Balances.TryGetValue("ASY", out var amount) ? amount : 0;
}
