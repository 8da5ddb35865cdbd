using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Signatures;
using Xunit.Abstractions;

namespace Assay.Ledger.Tests.DeadlineIndex;

/// <summary>The deadline index: idle blocks step no task, due blocks step only the due ones, and the state is the full scan's.</summary>
public sealed class DeadlineIndexTests(ITestOutputHelper output)
{
    private const int Tasks = 10_000;

    /// <summary>Long windows, so that allocated tasks sit idle for many blocks.</summary>
    private static ProtocolParameters Idle => TestNet.Parameters with { CommitWindowBlocks = 20, MaxReplication = 16 };

    private static List<SignedTransaction> Submissions(SigningKey key, int count, ulong firstNonce, int replication, ulong seedOffset)
    {
        var list = new List<SignedTransaction>(count);
        for (var i = 0; i < count; i++)
        {
            var spec = TestNet.PriceBookSpec(positions: 1, replication: replication, quorum: 1, uniform: 1, mass: 0, fee: 10, seed: seedOffset + (ulong)i);
            list.Add(SignedTransaction.Sign(key, firstNonce + (ulong)i, new SubmitTaskBody(spec)));
        }

        return list;
    }

    [Fact]
    public void Ten_thousand_open_tasks_and_an_empty_block_steps_none_of_them()
    {
        var net = new TestNet(TestNet.MakeGenesis(1, 4, parameters: Idle));

        // Block 1: 10 000 submissions; block 2 allocates each of them (commit deadline 2 + 20 − 1 = 21).
        var block = net.Commit([.. Submissions(TestNet.Key(0), Tasks, 0, 1, 0)]);
        Assert.All(block.Outcomes, o => Assert.True(o.Result.IsAccepted, o.Result.ToString()));
        net.Commit();
        Assert.Equal(Tasks, net.Ledger.LastBlockTasksStepped);
        Assert.Equal(Tasks, net.State.OpenTaskIds.Count);
        Assert.Equal(Tasks, net.State.Tasks.Count(t => t.Assignments.Length == 1 && t.Assignments[0].Status == AssignmentStatus.Assigned));

        // Blocks 3 and 4: nothing is due, so the duties step no task at all; a full scan steps all 10 000 to the same state.
        net.Commit();
        Assert.Equal(0, net.Ledger.LastBlockTasksStepped);
        net.Commit();
        Assert.Equal(0, net.Ledger.LastBlockTasksStepped);
        var (full, indexed) = FullScanCheck.AssertSameHeaders(net.Genesis, net.Blocks, "10 000 tasks");
        output.WriteLine($"tasks stepped over {net.Blocks.Count} blocks: full scan {full}, index {indexed}");
        Assert.Equal(3L * Tasks, full);
        Assert.Equal(Tasks, indexed);
    }

    [Fact]
    public void A_due_block_steps_only_the_due_tasks_and_waiting_tasks_are_looked_at_after_a_node_changes()
    {
        var net = new TestNet(TestNet.MakeGenesis(1, 4, parameters: Idle));
        var requester = TestNet.Key(0);
        net.Commit([.. Submissions(requester, 200, 0, 1, 0)]);
        net.Commit();
        Assert.Equal(200, net.Ledger.LastBlockTasksStepped);

        // Block 6: one more task; block 7 steps it alone (its commit deadline is 7 + 19 = 26).
        while (net.Ledger.Head.Height < 5)
        {
            net.Commit();
            Assert.Equal(0, net.Ledger.LastBlockTasksStepped);
        }

        net.Commit([.. Submissions(requester, 1, 200, 1, 1_000_000)]);
        Assert.Equal(0, net.Ledger.LastBlockTasksStepped);
        net.Commit();
        Assert.Equal(1, net.Ledger.LastBlockTasksStepped);
        while (net.Ledger.Head.Height < 21)
        {
            net.Commit();
            Assert.Equal(0, net.Ledger.LastBlockTasksStepped);
        }

        // Block 22: the 200 commit deadlines (21) have passed: exactly those tasks are stepped, faulted and replaced
        // while nodes remain (each node is jailed at its third fault, so most tasks are left waiting for a node).
        net.Commit();
        Assert.Equal(200, net.Ledger.LastBlockTasksStepped);
        var tasks = net.State.Tasks.Where(t => t.SubmittedHeight == 1).ToList();
        Assert.All(tasks, t => Assert.Equal(AssignmentStatus.MissedCommit, t.Assignments[0].Status));
        var waiting = tasks.Count(t => t.Assignments.Length == 1);
        Assert.InRange(waiting, 150, 199);

        // Block 23: nodes changed in block 22, so the waiting tasks are looked at once more; then nothing.
        net.Commit();
        Assert.Equal(waiting, net.Ledger.LastBlockTasksStepped);
        net.Commit();
        Assert.Equal(0, net.Ledger.LastBlockTasksStepped);
        FullScanCheck.AssertSameHeaders(net.Genesis, net.Blocks, "due tasks");
    }

    [Fact]
    public void A_task_waiting_for_a_capable_node_is_stepped_when_one_registers_and_not_before()
    {
        // Four analytic nodes; a Monte Carlo-capable node registers later. The PriceBook tasks need "analytic", so
        // use a capability nobody has: the tasks wait, idle, until a node with it registers.
        var net = new TestNet(TestNet.MakeGenesis(2, 4, capability: "montecarlo", parameters: Idle));
        var requester = TestNet.Key(0);
        net.Commit([.. Submissions(requester, 50, 0, 1, 0)]);
        net.Commit();
        Assert.Equal(50, net.Ledger.LastBlockTasksStepped);
        Assert.All(net.State.Tasks, t => Assert.Empty(t.Assignments));
        net.Commit();
        Assert.Equal(0, net.Ledger.LastBlockTasksStepped);

        // An unrelated transfer changes no node: still nothing to do.
        net.Tx(requester, new TransferBody(TestNet.Key(1).Address, "ASY", 5));
        net.Commit();
        net.Commit();
        Assert.Equal(0, net.Ledger.LastBlockTasksStepped);

        // A capable node registers: the next block looks at the waiting tasks again and draws it for each.
        var node = TestNet.Key(1);
        net.Tx(node, new RegisterNodeBody(2_000_000, NodeCapabilities.TryCreate(["analytic"], 2, 1_024, out _)!));
        net.Commit();
        net.Commit();
        Assert.Equal(50, net.Ledger.LastBlockTasksStepped);
        Assert.All(net.State.Tasks, t => Assert.Equal(node.Address, Assert.Single(t.Assignments).Node));
        net.Commit();
        Assert.Equal(0, net.Ledger.LastBlockTasksStepped);
        FullScanCheck.AssertSameHeaders(net.Genesis, net.Blocks, "waiting tasks");
    }

    [Fact]
    public void A_task_expires_at_the_first_block_past_its_deadline_time_without_a_scan()
    {
        var net = new TestNet(TestNet.MakeGenesis(2, 0, parameters: Idle));
        var spec = TestNet.PriceBookSpec(positions: 1, replication: 1, quorum: 1, uniform: 1, mass: 0, deadline: TestNet.GenesisTime + 5_500);
        net.Tx(TestNet.Key(0), new SubmitTaskBody(spec));
        net.Commit();
        net.Commit();
        for (var h = 3; h <= 5; h++)
        {
            net.Commit();
            Assert.Equal(0, net.Ledger.LastBlockTasksStepped);
        }

        // Block 6 is at genesis + 6 000 ms > the deadline (genesis + 5 500).
        net.Commit();
        Assert.Equal(1, net.Ledger.LastBlockTasksStepped);
        Assert.Equal(TaskPhase.Expired, net.State.GetTask(spec.TaskId)!.Phase);
        Assert.Empty(net.State.OpenTaskIds);
        FullScanCheck.AssertSameHeaders(net.Genesis, net.Blocks, "expiry");
    }

    [Fact]
    public void A_parameter_change_in_force_looks_at_every_open_task_once()
    {
        // The only analytic node (1.5·10^6 stake) falls below a raised min_stake, so new tasks wait; lowering min_stake
        // again changes no node record, only the parameters, and the block where that is in force must draw it.
        var net = new TestNet(TestNet.MakeGenesis(4, 4, capability: "montecarlo") with { Governance = Governance.GovernanceNet.Config });
        var node = TestNet.Key(3);
        net.Tx(node, new RegisterNodeBody(1_500_000, NodeCapabilities.TryCreate(["analytic"], 2, 1_024, out _)!));
        net.Commit();
        ChangeMinStake(net, 2_000_000);
        var requester = TestNet.Key(0);
        Governance.GovernanceNet.AssertAccepted(net.Commit([.. Submissions(requester, 5, net.State.GetAccount(requester.Address)!.Nonce, 1, 0)]));
        net.Commit();
        Assert.Equal(5, net.State.OpenTaskIds.Count);
        Assert.All(net.State.Tasks, t => Assert.Empty(t.Assignments));
        net.Commit();
        Assert.Equal(0, net.Ledger.LastBlockTasksStepped);
        ChangeMinStake(net, 1_000_000);
        Assert.Equal(5, net.Ledger.LastBlockTasksStepped);
        Assert.All(net.State.Tasks, t => Assert.Equal(node.Address, Assert.Single(t.Assignments).Node));
        net.Commit();
        Assert.Equal(0, net.Ledger.LastBlockTasksStepped);
        FullScanCheck.AssertSameHeaders(net.Genesis, net.Blocks, "parameter change");
    }

    /// <summary>Proposes, approves and executes a min_stake change; returns after the block in which it is in force.</summary>
    private static void ChangeMinStake(TestNet net, ulong value)
    {
        var id = Governance.GovernanceNet.ProposeAndApprove(net, Governance.GovernanceNet.MinStake(value));
        net.Commit();
        net.Tx(Governance.GovernanceNet.G0, new GovernanceExecuteBody(id));
        Governance.GovernanceNet.AssertAccepted(net.Commit());
        net.Commit();
        Assert.Equal(value, net.State.Parameters.MinStakeMinorUnits);
    }
}
