using Assay.Client;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.Signatures;

namespace Assay.Sequencer.Tests;

public sealed class SlashTests
{
    [Fact]
    public async Task ASilentNodeIsSlashedAndReplacedAndTheEventsSaySo()
    {
        await using var net = await TestNetwork.StartAsync(d => TestNetwork.OptionsFor(d, blockMs: 20) with { Genesis = TestNetwork.Genesis(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000, windowBlocks: 80) });
        var spec = TestNetwork.PriceBookSpec(11);

        // Warm the engines up so that the honest nodes' first commit is not late because of JIT compilation.
        _ = Compute.Tasks.TaskRunner.Run(spec, TestNetwork.Node(0).Address.ToArray(), maxDegreeOfParallelism: 1);
        var submitted = await new TransactionSender(net.Client, TestNetwork.Account(0)).SendAsync(new SubmitTaskBody(spec));
        Assert.True(submitted.IsApplied, submitted.ToString());

        // Wait for the allocation, then silence the first assigned node.
        TaskView? task = null;
        for (var i = 0; i < 500 && (task is null || task.Assignments.Count == 0); i++)
        {
            task = await net.Client.GetTaskAsync(spec.TaskId);
            await Task.Delay(10);
        }

        Assert.True(task is { Assignments.Count: 3 }, $"allocation: {task}");
        var lazy = Address.Parse(task!.Assignments[0].Node);
        var stakeBefore = (await net.Client.GetNodeAsync(lazy))!.Stake;
        task = await new InTestNodes(net.Client, new HashSet<Address> { lazy }).RunUntilFinalAsync(spec.TaskId, TimeSpan.FromSeconds(45));
        Assert.True(task.Phase == "final", $"task ended {task.Phase}: {string.Join(", ", task.Assignments.Select(a => $"{a.Node} {a.Status}"))}");
        Assert.Equal("missed_commit", task.Assignments.Single(a => a.Node == lazy.ToString()).Status);
        Assert.Equal(4, task.Assignments.Count);
        Assert.Equal(1u, task.Replacements);

        var node = (await net.Client.GetNodeAsync(lazy))!;
        Assert.Equal(1UL, node.TotalFaults);
        var head = (await net.Client.GetStatusAsync()).Height;
        var events = new List<NetworkEvent>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var e in net.Client.StreamEventsAsync(0, cts.Token))
        {
            if (e.Block is { } b && b.Height > head)
            {
                break;
            }

            events.Add(e);
        }

        var slash = Assert.Single(events, e => e.Slash is not null).Slash!;
        Assert.Equal((lazy.ToString(), "missed_commit", spec.TaskId.ToString()), (slash.Node, slash.Reason, slash.TaskId));
        Assert.Equal(stakeBefore - node.Stake, slash.Amount);
        Assert.True(slash.Amount > 0, $"slash {slash}");
        var replacement = task.Assignments[3].Node;
        var assigned = events.Where(e => e.Assignment is { RevealDeadline: 0 } a && a.TaskId == spec.TaskId.ToString()).Select(e => e.Assignment!).ToList();
        Assert.Equal([0u, 0u, 0u, 1u], assigned.Select(a => a.Round));
        Assert.Equal(replacement, assigned[3].Node);
        Assert.Contains("assay_slashes_total 1", await net.Client.GetMetricsAsync(), StringComparison.Ordinal);
    }
}
