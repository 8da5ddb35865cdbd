using Assay.Cli.Tasks;
using Assay.Client;
using Assay.Compute.Tasks;
using Assay.IntegrationTests.Harness;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Node.Disputes;
using Assay.Node.Keys;
using Assay.Node.Work;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.IntegrationTests;

[Collection(NetworkCollection.Name)]
public sealed class DisputeTests
{
    private const ulong Bond = 5_000;

    [Fact]
    public async Task AFalseChallengeIsDefendedToTheLeafAndTheChallengerLosesItsBond()
    {
        // Three honest nodes agree on a 16-leaf PriceBook task. The test (the funded requester key) challenges the agreed
        // result with a fabricated tree (one leaf shifted, as a wrong-result node would) and plays it consistently. The
        // honest nodes defend each round; the ledger recomputes the disputed leaf and the defenders win.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = cts.Token;
        using var net = await TestNet.StartAsync(3, ct);
        for (var i = 1; i <= 3; i++)
        {
            net.StartNode(i);
        }

        await net.WaitForNodesAsync(3, ct);
        using var key = NodeKeyStore.LoadOrCreate(net.Layout.RequesterKeyPath, null, out _);
        var sender = new TransactionSender(net.Client, key);
        var spec = TestTasks.PriceBook(PriceBookCsv.Read(net.Layout.BookPath), 16, replication: 3, quorum: 2, windowBlocks: 10, seed: 1);
        var submitted = await sender.SendAsync(new SubmitTaskBody(spec), ct);
        Assert.True(submitted.IsApplied, $"{submitted.Reason} {submitted.Message}");
        var agreed = await net.WaitForTaskAsync(spec.TaskId, v => v.Phase is "agreed" or "final" or "expired", ct);
        Assert.True(agreed.Phase == "agreed", TestTasks.Describe(agreed) + "\n" + net.Logs());

        var honest = TaskRunner.Run(spec, new byte[Address.Length]).Tree;
        Assert.Equal(agreed.AgreedRoot, honest.Root.Digest().ToString());
        var fake = DisputeTree.Build(TaskWork.Compute(spec, key.Address, TaskWork.NewSalt(), true, 1).Run.Tree);
        var before = (await net.Client.GetAccountAsync(key.Address, ct)).Balances["ASY"];
        var challenge = await sender.SendAsync(new ChallengeBody(spec.TaskId, Bond, honest.Root, fake.Root), ct);
        Assert.True(challenge.IsApplied, $"challenge: {challenge.Reason} {challenge.Message}");
        var disputeId = Ledger.Disputes.DisputeRules.DisputeId(spec.TaskId, key.Address, (ulong)challenge.Height);

        var opened = await net.Client.GetDisputeAsync(disputeId, ct);
        Assert.True(opened is { Status: "open", Step: 0, RangeStart: 0, RangeLength: 16, Bond: Bond }, $"{opened}");
        Assert.Equal(key.Address.ToString(), opened.Challenger);
        Assert.Equal(fake.Root.Hash.ToString(), opened.Claimed.Hash);

        var end = await PlayAsync(net.Client, sender, disputeId, fake, ct);
        var log = net.Logs();
        Assert.True(end is { Status: "defender_won", TimedOut: false, Bond: 0, RangeLength: 1 }, $"{end}\n{log}");
        Assert.Equal((ulong)TaskWork.FalsifiedLeaf(spec), end.RangeStart);
        Assert.Equal(4UL, end.Step);
        Assert.Contains("defender step 0", log, StringComparison.Ordinal);
        Assert.Contains("defender_won at the leaf", log, StringComparison.Ordinal);
        var after = (await net.Client.GetAccountAsync(key.Address, ct)).Balances["ASY"];
        Assert.Equal(before - Bond, after);

        var listed = await net.Client.GetTaskDisputesAsync(spec.TaskId, ct);
        Assert.Equal(disputeId.ToString(), Assert.Single(listed!).DisputeId);
        var final = await net.WaitForTaskAsync(spec.TaskId, v => v.Phase is "final" or "expired", ct);
        Assert.True(final.Phase == "final" && final.Assignments.All(a => a.Status is "rewarded" or "released"), TestTasks.Describe(final) + "\n" + net.Logs());
        foreach (var node in await net.Client.GetNodesAsync(ct))
        {
            Assert.True(node.TotalFaults == 0, $"node {node.Address} was faulted {node.TotalFaults} times\n{net.Logs()}");
        }
    }

    [Fact]
    public async Task AByzantineNodeThatDefendsLosesAtTheLeafAndTheWatcherIsPaid()
    {
        // Two wrong-result nodes (the only 'analytic' nodes) agree on a falsified root; the watcher challenges and both
        // sides play their trees to the leaf (the faulty nodes play their falsified tree consistently); the ledger's
        // recomputation decides, not a timeout.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = cts.Token;
        var (net, watcher) = await TestNet.StartWatcherAndColludersAsync(ct);
        using var disposeNet = net;
        var before = (await net.Client.GetAccountAsync(watcher, ct)).Balances["ASY"];
        var (_, agreed) = await TestTasks.AgreeOnTheColludersRootAsync(net, 32, ct);
        var taskId = Hash256.Parse(agreed.TaskId);
        DisputeView? end = null;
        while (end is null)
        {
            var list = await net.Client.GetTaskDisputesAsync(taskId, ct) ?? [];
            end = list.FirstOrDefault(d => !d.IsOpen);
            if (end is null)
            {
                await Task.Delay(50, ct);
            }
        }

        var log = net.Logs();
        Assert.True(end is { Status: "challenger_won", TimedOut: false, RangeLength: 1 }, $"{end}\n{log}");
        Assert.Equal(watcher.ToString(), end.Challenger);
        Assert.Equal(5UL, end.Step);
        Assert.Contains("challenger step 0", net.Log("node-1"), StringComparison.Ordinal);
        Assert.Contains("defender step 0", net.Log("node-2") + net.Log("node-3"), StringComparison.Ordinal);
        var after = await net.Client.GetTaskAsync(taskId, ct);
        var liars = agreed.Assignments.Select(a => a.Node).ToArray();
        Assert.True(after!.Assignments.Where(a => liars.Contains(a.Node)).All(a => a.Status == "slashed_wrong"), TestTasks.Describe(after) + "\n" + log);
        foreach (var liar in liars)
        {
            Assert.True((await net.Client.GetNodeAsync(Address.Parse(liar), ct))!.TotalFaults > 0, $"{liar} not faulted\n{log}");
        }

        var balance = (await net.Client.GetAccountAsync(watcher, ct)).Balances["ASY"];
        Assert.True(balance > before, $"the winning challenger's balance {before} → {balance}: bond back plus the insurance share of the slashes expected\n{log}");
    }

    [Fact]
    public async Task ADefenderKilledInTheMiddleOfADisputeResumesItAfterARestartAndWins()
    {
        // One honest node (r = q = 1) agrees alone; the test challenges with a fabricated tree. After the node's first move
        // it is killed (SIGKILL: no tree, no memory of the dispute), the test answers, and the restarted node must find
        // the dispute again (its state file, the disputes route, the replayed events), rebuild its tree from the spec and
        // play on to the leaf.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = cts.Token;
        using var net = await TestNet.StartAsync(1, ct);
        var node = net.StartNode(1);
        await net.WaitForNodesAsync(1, ct);
        using var key = NodeKeyStore.LoadOrCreate(net.Layout.RequesterKeyPath, null, out _);
        var sender = new TransactionSender(net.Client, key);
        var spec = TestTasks.PriceBook(PriceBookCsv.Read(net.Layout.BookPath), 16, replication: 1, quorum: 1, windowBlocks: 10, seed: 2);
        Assert.True((await sender.SendAsync(new SubmitTaskBody(spec), ct)).IsApplied);
        var agreed = await net.WaitForTaskAsync(spec.TaskId, v => v.Phase is "agreed" or "final" or "expired", ct);
        Assert.True(agreed.Phase == "agreed", TestTasks.Describe(agreed) + "\n" + net.Logs());

        var honest = TaskRunner.Run(spec, new byte[Address.Length]).Tree;
        var fake = DisputeTree.Build(TaskWork.Compute(spec, key.Address, TaskWork.NewSalt(), true, 1).Run.Tree);
        var challenge = await sender.SendAsync(new ChallengeBody(spec.TaskId, Bond, honest.Root, fake.Root), ct);
        Assert.True(challenge.IsApplied, $"challenge: {challenge.Reason} {challenge.Message}");
        var disputeId = Ledger.Disputes.DisputeRules.DisputeId(spec.TaskId, key.Address, (ulong)challenge.Height);
        DisputeView d;
        while ((d = (await net.Client.GetDisputeAsync(disputeId, ct))!).Mover != DisputeView.ChallengerMover)
        {
            Assert.True(d.IsOpen, $"{d}\n{net.Logs()}");
            await Task.Delay(20, ct);
        }

        node.KillHard();
        var first = fake.Move(disputeId, d.Step, d.RangeStart, d.RangeLength, d.Claimed.ToNode())!;
        Assert.True((await sender.SendAsync(first, ct)).IsApplied);
        net.StartNode(1);
        var end = await PlayAsync(net.Client, sender, disputeId, fake, ct);
        var log = net.Log("node-1");
        var restarted = log[log.LastIndexOf(" starting: ", StringComparison.Ordinal)..];
        Assert.True(end is { Status: "defender_won", TimedOut: false, Step: 4 }, $"{end}\n{net.Logs()}");
        Assert.Contains("dispute tree of 16 leaves ready", restarted, StringComparison.Ordinal);
        Assert.Contains("defender step 1 ", restarted, StringComparison.Ordinal);
        Assert.Equal(0UL, (await net.Client.GetNodeAsync(net.NodeAddresses[0], ct))!.TotalFaults);
    }

    /// <summary>Plays <paramref name="tree"/> as the challenger on its turns until the dispute ends; returns the final record.</summary>
    private static async Task<DisputeView> PlayAsync(AssayClient client, TransactionSender sender, Hash256 disputeId, DisputeTree tree, CancellationToken ct)
    {
        var sent = new HashSet<ulong>();
        while (true)
        {
            var d = await client.GetDisputeAsync(disputeId, ct) ?? throw new InvalidOperationException($"no dispute {disputeId}");
            if (!d.IsOpen)
            {
                return d;
            }

            if (d.Mover == DisputeView.ChallengerMover && sent.Add(d.Step))
            {
                var move = tree.Move(disputeId, d.Step, d.RangeStart, d.RangeLength, d.Claimed.ToNode())
                    ?? throw new InvalidOperationException($"the fabricated tree has no node over [{d.RangeStart}, +{d.RangeLength})");
                var receipt = await sender.SendAsync(move, ct);
                Assert.True(receipt.IsApplied, $"challenger step {d.Step}: {receipt.Reason} {receipt.Message}");
            }

            await Task.Delay(20, ct);
        }
    }
}
