using Assay.Client;
using Assay.Compute.Tasks;
using Assay.Ledger.Protocol;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Sequencer.Tests;

/// <summary>The test's compute nodes: they poll a task and commit and reveal through the SDK, computing with <see cref="TaskRunner"/>; silent nodes never commit.</summary>
public sealed class InTestNodes(AssayClient client, IReadOnlySet<Address>? silent = null)
{
    private readonly Dictionary<Address, TransactionSender> _senders = Enumerable.Range(0, TestNetwork.NodeCount)
        .Select(TestNetwork.Node).ToDictionary(k => k.Address, k => new TransactionSender(client, k));

    private readonly Dictionary<Address, (TaskRun Run, CommitSalt Salt)> _runs = [];
    private readonly HashSet<Address> _committed = [];
    private readonly HashSet<Address> _revealed = [];

    /// <summary>Works the task until it is final (or the time runs out) and returns its last view.</summary>
    public async Task<TaskView> RunUntilFinalAsync(Hash256 taskId, TimeSpan timeout)
    {
        var spec = await client.GetSpecAsync(taskId) ?? throw new InvalidOperationException($"no spec for {taskId}");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var task = await client.GetTaskAsync(taskId) ?? throw new InvalidOperationException($"no task {taskId}");
            if (task.Phase is "final" or "expired" || DateTime.UtcNow > deadline)
            {
                return task;
            }

            foreach (var a in task.Assignments)
            {
                var node = Address.Parse(a.Node);
                if (silent?.Contains(node) == true)
                {
                    continue;
                }

                if (a.Status == "assigned" && _committed.Add(node))
                {
                    var run = TaskRunner.Run(TaskRules.SpecFor(spec, node), node.ToArray(), maxDegreeOfParallelism: 1);
                    var salt = new CommitSalt(Hash256.Parse(a.Node[3..].PadRight(64, '0')).ToArray());
                    _runs[node] = (run, salt);
                    var receipt = await _senders[node].SendAsync(new CommitBody(taskId, Commitment.Create(taskId, node, run.Result.Root.Digest(), salt)));
                    Assert.True(receipt.IsApplied, $"commit of {node}: {receipt}");
                }
                else if (a.Status == "committed" && a.RevealDeadline > 0 && _revealed.Add(node))
                {
                    var (run, salt) = _runs[node];
                    var proof = TaskRunner.Prove(TaskRules.SpecFor(spec, node), run.Tree, Hash256.Parse(a.ChallengeSeed).ToArray()).Encode();
                    var receipt = await _senders[node].SendAsync(new RevealBody(taskId, run.Result, salt, proof));
                    Assert.True(receipt.IsApplied && !receipt.Faulted, $"reveal of {node}: {receipt}");
                }
            }

            await Task.Delay(20);
        }
    }
}
