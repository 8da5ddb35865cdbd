using Xunit.Abstractions;

namespace Assay.Simulation.Tests;

/// <summary>Invariants over 30 seeds, every fault kind exercised and detected, network faults exercised, and runs reproducible from their seed.</summary>
public sealed class SimulationTests(SimulationSeeds seeds, ITestOutputHelper output) : IClassFixture<SimulationSeeds>
{
    private FaultTally Total(FaultKind kind) =>
        seeds.Reports.Select(r => r.Faults.GetValueOrDefault(kind)).OfType<FaultTally>().Aggregate(new FaultTally(), (a, b) => a.Add(b));

    [Fact]
    public void Every_invariant_holds_for_every_seed()
    {
        foreach (var r in seeds.Reports)
        {
            output.WriteLine(SimulationSeeds.Describe(r));
        }

        var failed = seeds.Reports.Where(r => !r.Passed).Select(SimulationSeeds.Describe).ToList();
        Assert.True(failed.Count == 0, string.Join(Environment.NewLine, failed));
        Assert.All(seeds.Reports, r => Assert.True(r.FinalTasks > 0, SimulationSeeds.Describe(r)));
    }

    [Fact]
    public void Every_fault_kind_is_exercised_and_detected()
    {
        var seedList = $"seeds {SimulationSeeds.FirstSeed}..{SimulationSeeds.FirstSeed + SimulationSeeds.Count - 1}";
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            output.WriteLine($"{kind}: {Total(kind)}");
        }

        foreach (var kind in Enum.GetValues<FaultKind>().Where(k => k != FaultKind.Honest))
        {
            var t = Total(kind);
            Assert.True(t.Nodes > 0 && t.Slashes > 0, $"{seedList}: {kind} nodes {t.Nodes}, slashes {t.Slashes}: {t}");
        }

        // A falsified leaf is caught by a spot check at the reveal or by the quorum at finality; it is never paid alone.
        var wrong = Total(FaultKind.WrongResult);
        Assert.True(wrong.FailedVerification > 0 && wrong.SlashedWrong > 0 && wrong.Rewarded == 0, $"{seedList}: {wrong}");

        // Commit–reveal stops copying: the copied reveal cannot open the lazy node's commitment, so it is rejected and the node is slashed for not revealing.
        var lazy = Total(FaultKind.Lazy);
        Assert.True(lazy.RejectedTransactions > 0 && lazy.MissedReveal > 0 && lazy.Rewarded == 0, $"{seedList}: {lazy}");

        var silent = Total(FaultKind.NeverReveals);
        Assert.True(silent.MissedReveal == silent.Slashes && silent.Rewarded == 0, $"{seedList}: {silent}");

        var garbage = Total(FaultKind.GarbageProof);
        Assert.True(garbage.FailedVerification > 0 && garbage.MissedReveal > 0 && garbage.RejectedTransactions > 0, $"{seedList}: {garbage}");

        var offline = Total(FaultKind.Offline);
        Assert.True(offline.MissedCommit + offline.MissedReveal == offline.Slashes && offline.Rewarded > 0, $"{seedList}: {offline}");

        var colluding = Total(FaultKind.Colluding);
        Assert.True(colluding.FailedVerification + colluding.SlashedWrong > 0, $"{seedList}: {colluding}");

        // An equivocator's honest commitment is paid, its wrong one is slashed: both happen across the seeds.
        var equivocation = Total(FaultKind.Equivocation);
        Assert.True(equivocation.Rewarded > 0 && equivocation.FailedVerification + equivocation.SlashedWrong > 0, $"{seedList}: {equivocation}");
        Assert.True(equivocation.EquivocationsSeen > 0, $"{seedList}: the mempool never saw two commitments from an equivocator: {equivocation}");

        // The requesters report what the public mempool saw; the ledger slashes a node once per task on that evidence,
        // never more often than it was seen signing two commitments (a lazy node that re-guesses its root does too).
        Assert.True(equivocation.EquivocationsSlashed > 0, $"{seedList}: no equivocator was slashed on evidence: {equivocation}");
        Assert.True(Enum.GetValues<FaultKind>().All(k => Total(k).EquivocationsSlashed <= Total(k).EquivocationsSeen), $"{seedList}: a node was slashed on evidence more often than it equivocated");

        // Honest nodes lose stake only in a task where two colluders formed the quorum (the invariant excuses exactly that).
        var honest = Total(FaultKind.Honest);
        Assert.True(honest.Slashes == honest.SlashedWrong && honest.EquivocationsSlashed == 0 && honest.Rewarded > 0 && honest.EquivocationsSeen == 0, $"{seedList}: {honest}");
    }

    [Fact]
    public void Tolerance_tasks_finalise_and_their_band_rejects_shifted_estimates()
    {
        var r = seeds.Reports;
        var summary = $"seeds {SimulationSeeds.FirstSeed}..{SimulationSeeds.FirstSeed + SimulationSeeds.Count - 1}: tolerance tasks final {r.Sum(x => x.ToleranceTasksFinal)}, " +
            $"wrong estimates rejected by the band {r.Sum(x => x.ToleranceWrongEstimatesRejected)}, wrong quorums {r.Sum(x => x.ToleranceWrongQuorums)}";
        output.WriteLine(summary);
        Assert.True(r.Sum(x => x.ToleranceTasksFinal) >= 10, summary);
        Assert.True(r.Sum(x => x.ToleranceWrongEstimatesRejected) > 0, summary);
    }

    [Fact]
    public void Network_and_sequencer_faults_are_exercised()
    {
        var r = seeds.Reports;
        var summary = $"crashes {r.Sum(x => x.Crashes)} (restored from a snapshot above 0: {r.Sum(x => x.RestartsFromSnapshot)}), lost {r.Sum(x => x.MessagesLost)}, duplicated {r.Sum(x => x.MessagesDuplicated)}, rejected {r.Sum(x => x.RejectedTransactions)}";
        Assert.True(r.Count(x => x.Crashes > 0) >= 5, summary);

        // Restarts come from the store: most restore a snapshot (every 8 blocks) and replay only the blocks after it.
        Assert.True(r.Sum(x => x.RestartsFromSnapshot) >= 3, summary);
        Assert.True(r.All(x => x.MessagesLost > 0), summary);
        Assert.True(r.Count(x => x.MessagesDuplicated > 0) >= 20, summary);
    }

    [Fact]
    public void A_seed_reproduces_its_run_bit_for_bit()
    {
        var first = seeds.Reports[6];
        var again = NetworkSimulation.Run(SimulationSeeds.OptionsFor(first.Seed));
        output.WriteLine(SimulationSeeds.Describe(again));
        Assert.Equal(first.HeadHash, again.HeadHash);
        Assert.Equal(
            (first.Blocks, first.AcceptedTransactions, first.RejectedTransactions, first.MessagesLost, first.MessagesDuplicated, first.Crashes),
            (again.Blocks, again.AcceptedTransactions, again.RejectedTransactions, again.MessagesLost, again.MessagesDuplicated, again.Crashes));
        Assert.Equal(first.Faults.OrderBy(f => f.Key), again.Faults.OrderBy(f => f.Key));
        Assert.Equal(seeds.Reports.Count, seeds.Reports.Select(x => x.HeadHash).Distinct().Count());
    }
}
