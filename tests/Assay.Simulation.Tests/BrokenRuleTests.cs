using Assay.Ledger.State;
using Assay.Proofs.Hashing;

namespace Assay.Simulation.Tests;

/// <summary>The checker can fail: a deliberately broken ledger rule, injected through the harness hook, breaks the matching invariant and the seed is printed.</summary>
public sealed class BrokenRuleTests
{
    private const int Seed = 11;

    /// <summary>A rule that credits one unit of the native asset from nowhere at block 6.</summary>
    private static void MintAtBlockSix(LedgerState state, ulong height)
    {
        if (height != 6)
        {
            return;
        }

        var (address, account) = state.Accounts.First();
        state.Begin();
        state.SetAccount(address, account.WithBalance("ASY", account.BalanceOf("ASY") + 1));
        state.Commit();
    }

    /// <summary>A rule that faults the first node at block 4 although it did nothing wrong.</summary>
    private static void FaultFirstNodeAtBlockFour(LedgerState state, ulong height)
    {
        if (height != 4)
        {
            return;
        }

        var (address, node) = state.Nodes.First();
        state.Begin();
        state.SetNode(address, node with { TotalFaults = node.TotalFaults + 1, ConsecutiveFaults = node.ConsecutiveFaults + 1 });
        state.Commit();
    }

    /// <summary>A rule that finalises tasks with a made-up root.</summary>
    private static void FinaliseWithWrongRoot(LedgerState state, ulong height)
    {
        var wrong = new Hash256(Enumerable.Repeat((byte)0xab, Hash256.Length).ToArray());
        var finals = state.Tasks.Where(t => t.Phase == TaskPhase.Final && t.AgreedRoot != wrong).ToList();
        if (finals.Count == 0)
        {
            return;
        }

        state.Begin();
        foreach (var task in finals)
        {
            state.SetTask(task with { AgreedRoot = wrong });
        }

        state.Commit();
    }

    private static SimulationOptions Options(Action<LedgerState, ulong>? rule, double byzantine = 0.25) =>
        new() { Seed = Seed, Nodes = 6, ByzantineFraction = byzantine, Tasks = 5, BrokenRule = rule };

    private static string Describe(SimulationReport r) => $"seed {r.Seed}: " + string.Join(" | ", r.Violations.Select(v => $"{v.Invariant} at h{v.Height}: {v.Detail}"));

    [Fact]
    public void Minting_breaks_conservation_at_its_height_and_the_replay()
    {
        var r = NetworkSimulation.Run(Options(MintAtBlockSix));
        var v = Assert.Single(r.Violations, x => x.Invariant == InvariantKind.ValueConserved);
        Assert.True(v.Height == 6, Describe(r));
        Assert.True(r.Violations.Any(x => x.Invariant == InvariantKind.ReplayReproducesRoots), Describe(r));
    }

    [Fact]
    public void A_fault_on_an_honest_node_is_reported()
    {
        var r = NetworkSimulation.Run(Options(FaultFirstNodeAtBlockFour, byzantine: 0.0));
        var v = Assert.Single(r.Violations, x => x.Invariant == InvariantKind.HonestNeverSlashed);
        Assert.True(v.Height == 4, Describe(r));
        Assert.Contains("honest node", v.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_final_root_with_an_honest_quorum_is_reported()
    {
        // No crash: the rewritten roots are in no stored block, so a restart would refuse the store and end the run first.
        var r = NetworkSimulation.Run(Options(FinaliseWithWrongRoot, byzantine: 0.0) with { CrashProbability = 0.0 });
        Assert.True(r.Violations.Any(x => x.Invariant == InvariantKind.NoWrongFinalWithHonestQuorum), Describe(r));
    }

    /// <summary>A rule that credits one unit after every block: the live state then always holds more than the stored blocks can reproduce.</summary>
    private static void MintEveryBlock(LedgerState state, ulong height)
    {
        var (address, account) = state.Accounts.First();
        state.Begin();
        state.SetAccount(address, account.WithBalance("ASY", account.BalanceOf("ASY") + 1));
        state.Commit();
    }

    [Fact]
    public void A_restarted_sequencer_that_differs_from_its_memory_is_reported()
    {
        // Restart = latest snapshot + replay; the mint after the last stored block is in no stored header, so the
        // restored state root cannot equal the one the sequencer held, whichever snapshot it restores.
        var r = NetworkSimulation.Run(Options(MintEveryBlock) with { CrashProbability = 1.0 });
        Assert.True(r.Crashes == 1 && r.Violations.Any(x => x.Invariant == InvariantKind.RestartReproducesHead), Describe(r));
    }

    [Fact]
    public void A_wrong_estimate_paid_in_a_tolerance_task_is_reported()
    {
        // After a tolerance task turns final, move the first paid estimate by 1.0 (a few standard errors: still inside
        // the band, so the ledger's own rule would accept it, but it is not what that node's seed gives).
        var moved = new HashSet<Hash256>();
        void MovePaidEstimate(LedgerState state, ulong height)
        {
            var tasks = state.Tasks.Where(t => t.Phase == TaskPhase.Final && !moved.Contains(t.TaskId) && t.Assignments.Any(a => a.Status == AssignmentStatus.Rewarded && a.StandardError > 0.0)).ToList();
            if (tasks.Count == 0)
            {
                return;
            }

            state.Begin();
            foreach (var task in tasks)
            {
                moved.Add(task.TaskId);
                var i = task.Assignments.ToList().FindIndex(a => a.Status == AssignmentStatus.Rewarded);
                state.SetTask(task with { Assignments = task.Assignments.SetItem(i, task.Assignments[i] with { Estimate = task.Assignments[i].Estimate + 1.0 }) });
            }

            state.Commit();
        }

        var r = NetworkSimulation.Run(Options(MovePaidEstimate, byzantine: 0.0) with { Tasks = 8 });
        Assert.True(r.ToleranceTasksFinal > 0 && moved.Count > 0, Describe(r));
        var v = Assert.Single(r.Violations, x => x.Invariant == InvariantKind.NoWrongFinalWithHonestQuorum);
        Assert.Contains("a wrong estimate was paid", v.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Tasks_still_open_when_the_run_is_cut_short_are_reported()
    {
        var r = NetworkSimulation.Run(Options(null) with { MaxRunMs = 8_000 });
        Assert.True(r.Violations.Any(x => x.Invariant == InvariantKind.TasksSettled), Describe(r));
        Assert.DoesNotContain(r.Violations, x => x.Invariant is InvariantKind.ValueConserved or InvariantKind.ReplayReproducesRoots);
    }
}
