using Assay.Client;
using Assay.IntegrationTests.Harness;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Node.Keys;
using Assay.Proofs.Hashing;

namespace Assay.IntegrationTests;

[Collection(NetworkCollection.Name)]
public sealed class CrashTests
{
    [Fact]
    public async Task ANodeKilledMidTaskIsReplacedAndTheTaskFinishes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        using var net = await TestNet.StartAsync(4, ct);
        var children = Enumerable.Range(1, 4).ToDictionary(i => net.NodeAddresses[i - 1].ToString(), i => (Index: i, Process: net.StartNode(i)));
        await net.WaitForNodesAsync(4, ct);
        using var key = NodeKeyStore.LoadOrCreate(net.Layout.RequesterKeyPath, null, out _);
        // 512 leaves of 4 096 paths (2 M paths): long enough to compute that the kill below lands mid-task, short
        // enough for the commit window on a loaded machine.
        var spec = Cli.Devnet.DevnetRequester.MonteCarloTask(new Random(99), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 120_000, 512, 4_096);
        var receipt = await new TransactionSender(net.Client, key).SendAsync(new SubmitTaskBody(spec), ct);
        Assert.True(receipt.IsApplied, $"{receipt.Reason} {receipt.Message}");

        // Kill (SIGKILL) the first assigned node as soon as its state file records the assignment (it writes the file,
        // with the task's salt, before it computes): it is computing or has just committed (both are mid-task: it then
        // misses its commit or its reveal), and a restart must resume the task from that file.
        var assigned = await net.WaitForTaskAsync(spec.TaskId, v => v.Assignments.Count > 0, ct);
        var victim = assigned.Assignments[0].Node;
        var stateFile = Node.Persistence.NodeStateFile.PathIn(net.Layout.NodeDataDirectory(children[victim].Index));
        while (!(File.Exists(stateFile) && File.ReadAllText(stateFile).Contains(spec.TaskId.ToString(), StringComparison.Ordinal)))
        {
            await Task.Delay(2, ct);
        }

        children[victim].Process.KillHard();
        var statusAtKill = assigned.Assignments[0].Status;

        TaskView done;
        try
        {
            done = await net.WaitForTaskAsync(spec.TaskId, v => v.Phase is "final" or "expired", ct);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"timed out: {TestTasks.Describe((await net.Client.GetTaskAsync(spec.TaskId, CancellationToken.None))!)}\n{net.Logs()}");
            throw;
        }

        Assert.True(done.Phase == "final", $"{TestTasks.Describe(done)}\n{net.Logs()}");
        var killed = done.Assignments.Single(a => a.Node == victim);
        Assert.True(killed.Status is "missed_commit" or "missed_reveal", $"killed node (status {statusAtKill} at the kill) ended {killed.Status}: {TestTasks.Describe(done)}");
        Assert.True(done.Replacements >= 1, TestTasks.Describe(done));
        Assert.Equal(TestTasks.HonestRoot(spec), done.AgreedRoot);

        // Restarted, the node resumes from its state file, sees the assignment settled and goes on.
        var restarted = net.StartNode(children[victim].Index);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!net.Log($"node-{children[victim].Index}").Contains($"resuming task {spec.TaskId}", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
        }

        Assert.Contains($"resuming task {spec.TaskId}", net.Log($"node-{children[victim].Index}"), StringComparison.Ordinal);
        Assert.False(restarted.HasExited, net.Log($"node-{children[victim].Index}"));
    }

    [Fact]
    public async Task TheSequencerKilledRestartsFromItsStoreWithoutLosingAcknowledgedTransactions()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        using var net = await TestNet.StartAsync(1, ct);
        using var key = NodeKeyStore.LoadOrCreate(net.Layout.RequesterKeyPath, null, out _);
        var to = net.NodeAddresses[0];
        var acknowledged = new List<TransactionReceipt>();

        async Task SendForAsync(TimeSpan span, Action? midway)
        {
            // A fresh sender reads the account's nonce from the (restarted) sequencer.
            var sender = new TransactionSender(net.Client, key);
            var end = DateTime.UtcNow + span;
            var killedAt = DateTime.UtcNow + (span / 2);
            while (DateTime.UtcNow < end)
            {
                if (midway is not null && DateTime.UtcNow >= killedAt)
                {
                    midway();
                    midway = null;
                }

                try
                {
                    acknowledged.Add(await sender.SendAsync(new TransferBody(to, "ASY", 1), ct));
                }
                catch (Exception e) when (e is HttpRequestException or AssayApiException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    // Not acknowledged: the sequencer is down. Nothing is claimed for this transaction.
                    return;
                }
            }
        }

        await SendForAsync(TimeSpan.FromSeconds(3), net.KillSequencer);
        var beforeRestart = acknowledged.Count;
        Assert.True(beforeRestart > 0, "no transaction was acknowledged before the kill\n" + net.Log("sequencer"));
        await net.StartSequencerAsync(ct);
        await SendForAsync(TimeSpan.FromSeconds(1), null);
        Assert.True(acknowledged.Count > beforeRestart, "no transaction was acknowledged after the restart\n" + net.Log("sequencer"));

        foreach (var receipt in acknowledged)
        {
            var tx = await net.Client.GetTransactionAsync(Hash256.Parse(receipt.Hash), ct);
            Assert.True(tx is not null && tx.Height == receipt.Height && tx.Outcome == receipt.Outcome, $"acknowledged {receipt.Hash} at height {receipt.Height} ({receipt.Outcome}); chain has {tx?.Height} {tx?.Outcome}");
        }

        var applied = acknowledged.Count(r => r.IsApplied);
        var account = await net.Client.GetAccountAsync(key.Address, ct);
        Assert.True(account.Nonce >= (ulong)applied, $"nonce {account.Nonce} < {applied} applied transfers");
    }
}
