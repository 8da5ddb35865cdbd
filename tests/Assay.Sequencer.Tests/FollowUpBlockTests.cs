using Assay.Client;
using Assay.Ledger.Transactions;

namespace Assay.Sequencer.Tests;

/// <summary>Follow-up blocks: the steps that need only the next block's start (allocation, reveal opening) do not wait a whole block interval.</summary>
public sealed class FollowUpBlockTests
{
    private const int IntervalMs = 500;

    [Fact]
    public async Task AllocationAndRevealOpeningComeInFollowUpBlocksNotAfterAWholeInterval()
    {
        await using var net = await TestNetwork.StartAsync(d => TestNetwork.OptionsFor(d, idleMs: IntervalMs, blockMs: IntervalMs) with
        {
            FollowUpBlockDelayMs = 2,
            Genesis = TestNetwork.Genesis(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000, windowBlocks: 6),
        });
        var spec = TestNetwork.PriceBookSpec(11);
        _ = Compute.Tasks.TaskRunner.Run(spec, TestNetwork.Node(0).Address.ToArray(), maxDegreeOfParallelism: 1);
        var submitted = await new TransactionSender(net.Client, TestNetwork.Account(3)).SendAsync(new SubmitTaskBody(spec));
        Assert.True(submitted.IsApplied, $"submit {submitted}");

        var task = await new InTestNodes(net.Client).RunUntilFinalAsync(spec.TaskId, TimeSpan.FromSeconds(60));
        var head = await net.Client.GetHeadAsync();
        Assert.True(task.Phase == "final", $"task ended in phase {task.Phase} (finality height {task.FinalityHeight}, head {head.Height}; {string.Join(", ", task.Assignments.Select(a => $"{a.Node} {a.Status}"))})");

        // Allocation: drawn at the start of the block right after the submission, which came a follow-up delay later.
        Assert.All(task.Assignments, a => Assert.Equal((ulong)submitted.Height + 1, a.AssignedHeight));
        await AssertFollowsQuicklyAsync(net.Client, submitted.Height, "allocation");

        // Reveal opening: the block after the last commitment, also a follow-up.
        var window = (await net.Client.GetStatusAsync()).Parameters.RevealWindowBlocks;
        var opened = task.Assignments.Select(a => (long)(a.RevealDeadline - window + 1)).Distinct().ToList();
        var opening = Assert.Single(opened);
        var lastCommit = 0L;
        foreach (var a in task.Assignments)
        {
            var commit = await net.Client.GetTransactionAsync(Proofs.Hashing.Hash256.Parse(a.CommitTx!));
            lastCommit = Math.Max(lastCommit, commit!.Height);
        }

        Assert.Equal(lastCommit + 1, opening);
        await AssertFollowsQuicklyAsync(net.Client, lastCommit, "reveal opening");

        var metrics = await net.Client.GetMetricsAsync();
        var line = metrics.Split('\n').Single(l => l.StartsWith("assay_follow_up_blocks_total ", StringComparison.Ordinal));
        Assert.True(long.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) >= 2, line);
    }

    [Fact]
    public async Task FollowUpDelayLongerThanTheIntervalIsRefusedByName()
    {
        var directory = Path.Combine(Path.GetTempPath(), "assay-seq-" + Guid.NewGuid().ToString("N"));
        var e = await Assert.ThrowsAsync<SequencerConfigurationException>(() =>
            SequencerHost.StartAsync(TestNetwork.OptionsFor(directory, blockMs: 10) with { FollowUpBlockDelayMs = 11 }));
        Assert.Equal("follow-up-block-delay-ms", e.Field);
        Assert.Contains("0 (off) … 10", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(directory, SequencerOptions.SqliteFileName)), "a refused configuration must not create a store");
    }

    /// <summary>Block <paramref name="height"/> + 1 came well within one interval of block <paramref name="height"/> (the follow-up delay is 2 ms; the margin absorbs a loaded machine).</summary>
    private static async Task AssertFollowsQuicklyAsync(AssayClient client, long height, string step)
    {
        var block = await client.GetBlockAsync(height);
        var next = await client.GetBlockAsync(height + 1);
        var gap = next!.TimestampUnixMs - block!.TimestampUnixMs;
        Assert.True(gap < IntervalMs / 2, $"{step}: block {height + 1} came {gap} ms after block {height}; a follow-up block is due within a few ms, the interval is {IntervalMs} ms");
    }
}
