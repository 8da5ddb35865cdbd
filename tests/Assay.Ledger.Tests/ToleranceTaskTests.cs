using Assay.Compute;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Ledger.Blocks;
using Assay.Ledger.Protocol;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.SpotCheck;

namespace Assay.Ledger.Tests;

/// <summary>Independent-seed Monte Carlo: each node runs its own seed, roots differ, and agreement is by tolerance.</summary>
public sealed class ToleranceTaskTests
{
    [Fact]
    public void Independent_seed_Monte_Carlo_agrees_within_tolerance_and_pays_the_accepted_nodes()
    {
        var net = new TestNet(TestNet.MakeGenesis(2, 4, capability: "montecarlo"));
        var inputs = new MonteCarloInputs(new GbmModel(100.0, 1.0, 0.05, 0.02, 0.2), new PayoffSpec(PayoffKind.European, OptionType.Call, 100.0), 3 * 4096, 1, false);
        var policy = new VerificationPolicy(3, 2, new SpotCheckPolicy(2, 1, MonteCarloKind.PayoffSquaredLane), 4.0, 2, 1000);
        var spec = new TaskSpec(TaskKindIds.MonteCarlo, EngineVersion.Current, CanonicalEncoding.Encode(inputs), 3, 12345, policy, 6_000_000, TestNet.GenesisTime + 3_600_000);
        net.Tx(TestNet.Key(0), new SubmitTaskBody(spec));
        net.Commit();
        net.Commit();
        var works = net.Assigned(spec.TaskId)
            .Select((a, i) => new NodeWork(spec, Enumerable.Range(100, 4).Select(TestNet.Key).First(k => k.Address == a), i)).ToList();
        Assert.Equal(3, works.Select(w => TaskRules.SpecFor(spec, w.Key.Address).Seed).Distinct().Count());
        Assert.Equal(3, works.Select(w => w.Run.Result.Root.Digest()).Distinct().Count());
        foreach (var w in works)
        {
            net.Tx(w.Key, w.CommitBody);
        }

        net.Commit();
        var seed = TestNet.SeedBytes(net.Ledger.Head.Beacon);
        foreach (var w in works)
        {
            net.Tx(w.Key, w.RevealBody(seed));
        }

        var block = net.Commit();
        var prices = string.Join(", ", works.Select(w => $"{w.Run.Result.Aggregate["price"]} ± {w.Run.Result.Aggregate["stderr"]}"));
        Assert.All(block.Outcomes.Take(2), o => Assert.True(o.Result.IsAccepted && !o.Faulted, $"{o.Result}; {prices}"));

        // The quorum (2) is reached at the second reveal, which freezes the set: the third is rejected as late.
        Assert.Equal(RejectionReason.WrongPhase, block.Outcomes[2].Result.Reason);
        var task = net.State.GetTask(spec.TaskId)!;
        Assert.Equal(TaskPhase.Agreed, task.Phase);
        while (net.State.GetTask(spec.TaskId)!.Phase != TaskPhase.Final)
        {
            net.Commit();
        }

        var share = spec.FeeMinorUnits * 9 / 10 / 2;
        Assert.Equal(share, net.State.GetAccount(works[0].Key.Address)!.BalanceOf("ASY"));
        Assert.Equal(share, net.State.GetAccount(works[1].Key.Address)!.BalanceOf("ASY"));
        Assert.Equal(AssignmentStatus.Released, net.AssignmentOf(spec.TaskId, works[2].Key.Address).Status);
        Assert.True(SettlementLedger.Replay(net.Genesis, net.Blocks).AllMatch);
    }
}
