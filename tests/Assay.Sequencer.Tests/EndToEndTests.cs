using Assay.Client;
using Assay.Compute.Tasks;
using Assay.Ledger.Protocol;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Sequencer.Tests;

public sealed class EndToEndTests
{
    [Fact]
    public async Task TransferIsAppliedAndVisibleInAccountAndBlock()
    {
        await using var net = await TestNetwork.StartAsync();
        var from = TestNetwork.Account(0);
        var to = TestNetwork.Account(1).Address;
        var signed = SignedTransaction.Sign(from, 0, new TransferBody(to, TestNetwork.Native, 12_345));
        var receipt = await net.Client.SubmitAsync(signed);
        Assert.True(receipt.IsApplied, $"receipt {receipt}");
        Assert.True(receipt.Height >= 1, $"receipt {receipt}");

        var account = await net.Client.GetAccountAsync(to);
        Assert.Equal(TestNetwork.Funding + 12_345, account.Balances[TestNetwork.Native]);
        var payer = await net.Client.GetAccountAsync(from.Address);
        Assert.Equal(1UL, payer.Nonce);
        Assert.NotNull(payer.PublicKey);

        var block = await net.Client.GetBlockAsync(receipt.Height);
        Assert.NotNull(block);
        Assert.Equal(receipt.BlockHash, block!.Hash);
        var tx = Assert.Single(block.Transactions, t => t.Hash == receipt.Hash);
        Assert.Equal("applied", tx.Outcome);
        Assert.Equal(nameof(TransactionKind.Transfer), tx.Kind);
        Assert.Equal(from.Address.ToString(), tx.Sender);

        var view = await net.Client.GetTransactionAsync(Hash256.Parse(receipt.Hash));
        Assert.NotNull(view);
        Assert.Equal(receipt.Height, view!.Height);
        Assert.Equal("applied", view.Outcome);

        // Resending the same bytes answers the first receipt (idempotent by hash).
        Assert.Equal(receipt, await net.Client.SubmitAsync(signed));

        var proof = await net.Client.ProveAccountAsync(to);
        Assert.True(proof.Present);
        var decoded = Proofs.Canonical.CanonicalEncoding.Decode<Ledger.State.AccountProof>(Convert.FromHexString(proof.Proof!));
        Assert.True(decoded.Verify(Hash256.Parse(proof.StateRoot)), $"proof at height {proof.Height} root {proof.StateRoot}");

        var sender = new TransactionSender(net.Client, from);
        var rejected = await sender.SendAsync(new TransferBody(to, TestNetwork.Native, TestNetwork.Funding * 10));
        Assert.Equal("rejected", rejected.Outcome);
        Assert.Equal(nameof(RejectionReason.InsufficientBalance), rejected.Reason);
        Assert.Equal("amount", rejected.Field);
        var next = await sender.SendAsync(new TransferBody(to, TestNetwork.Native, 1));
        Assert.True(next.IsApplied, $"after a rejection the sender refetches its nonce: {next}");
    }

    [Fact]
    public async Task PriceBookTaskReachesFinalWithNodesSigningThroughTheSdk()
    {
        await using var net = await TestNetwork.StartAsync();
        var requester = new TransactionSender(net.Client, TestNetwork.Account(2));
        var spec = TestNetwork.PriceBookSpec(7);
        var submitted = await requester.SendAsync(new SubmitTaskBody(spec));
        Assert.True(submitted.IsApplied, $"submit {submitted}");

        var nodes = Enumerable.Range(0, TestNetwork.NodeCount).Select(TestNetwork.Node).ToDictionary(k => k.Address);
        var senders = nodes.Values.ToDictionary(k => k.Address, k => new TransactionSender(net.Client, k));
        var runs = new Dictionary<Address, (TaskRun Run, CommitSalt Salt)>();
        var committed = new HashSet<Address>();
        var revealed = new HashSet<Address>();
        var fetched = await net.Client.GetSpecAsync(spec.TaskId);
        Assert.NotNull(fetched);
        Assert.Equal(spec.TaskId, fetched!.TaskId);

        TaskView? task = null;
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (DateTime.UtcNow < deadline)
        {
            task = await net.Client.GetTaskAsync(spec.TaskId);
            Assert.NotNull(task);
            if (task!.Phase == "final")
            {
                break;
            }

            foreach (var a in task.Assignments)
            {
                var node = Address.Parse(a.Node);
                if (a.Status == "assigned" && committed.Add(node))
                {
                    var mine = TaskRules.SpecFor(fetched, node);
                    var run = TaskRunner.Run(mine, node.ToArray(), maxDegreeOfParallelism: 1);
                    var salt = new CommitSalt(Hash256.Parse(a.Node[3..].PadRight(64, '0')).ToArray());
                    runs[node] = (run, salt);
                    var receipt = await senders[node].SendAsync(new CommitBody(spec.TaskId, Commitment.Create(spec.TaskId, node, run.Result.Root.Digest(), salt)));
                    Assert.True(receipt.IsApplied, $"commit of {node}: {receipt}");
                }
                else if (a.Status == "committed" && a.RevealDeadline > 0 && revealed.Add(node))
                {
                    var (run, salt) = runs[node];
                    var proof = TaskRunner.Prove(TaskRules.SpecFor(fetched, node), run.Tree, Hash256.Parse(a.ChallengeSeed).ToArray()).Encode();
                    var receipt = await senders[node].SendAsync(new RevealBody(spec.TaskId, run.Result, salt, proof));
                    Assert.True(receipt.IsApplied, $"reveal of {node}: {receipt}");
                    Assert.False(receipt.Faulted, $"reveal of {node}: {receipt}");
                }
            }

            await Task.Delay(20);
        }

        Assert.NotNull(task);
        Assert.True(task!.Phase == "final", $"task {spec.TaskId} ended in phase {task.Phase}: {string.Join(", ", task.Assignments.Select(a => $"{a.Node} {a.Status}"))}");
        Assert.Equal(3, task.Assignments.Count);
        Assert.All(task.Assignments, a => Assert.Equal("rewarded", a.Status));
        Assert.All(task.Assignments, a => Assert.NotNull(a.CommitTx));
        Assert.All(task.Assignments, a => Assert.NotNull(a.RevealTx));
        var revealTx = await net.Client.GetTransactionAsync(Hash256.Parse(task.Assignments[0].RevealTx!));
        Assert.Equal(nameof(TransactionKind.Reveal), revealTx!.Kind);

        var finals = await net.Client.ListTasksAsync("final", 10);
        Assert.Contains(finals, t => t.TaskId == spec.TaskId.ToString());
        var status = await net.Client.GetStatusAsync();
        Assert.Equal(1, status.TasksByPhase["final"]);

        // The event stream replays every block from height 0: the assignments, the phase changes up to final, in block order.
        var head = status.Height;
        var events = new List<NetworkEvent>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var e in net.Client.StreamEventsAsync(0, cts.Token))
        {
            events.Add(e);
            if (e.Block is { } b && b.Height > head)
            {
                break;
            }
        }

        var blocks = events.Where(e => e.Type == "block" && e.Height <= head).Select(e => e.Height).ToList();
        Assert.Equal(Enumerable.Range(1, (int)head).Select(h => (long)h), blocks);
        var id = spec.TaskId.ToString();
        var assigned = events.Where(e => e.Assignment is { } x && x.TaskId == id && x.RevealDeadline == 0).Select(e => e.Assignment!.Node).ToList();
        Assert.Equal(task.Assignments.Select(a => a.Node).Order(), assigned.Order());
        Assert.Equal(3, events.Count(e => e.Assignment is { } x && x.TaskId == id && x.RevealDeadline > 0));
        var phases = events.Where(e => e.Task is { } x && x.TaskId == id).Select(e => e.Task!.Phase).ToList();
        Assert.Equal(["pending", "committing", "revealing", "agreed", "final"], phases.Distinct());
        Assert.Contains(events, e => e.Tx is { } x && x.Hash == submitted.Hash && x.Outcome == "applied");
        Assert.DoesNotContain(events, e => e.Type == "slash");
    }
}
