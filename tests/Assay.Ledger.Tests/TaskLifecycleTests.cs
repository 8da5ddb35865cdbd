using Assay.Compute.Tasks;
using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Tests;

public sealed class TaskLifecycleTests
{
    private static SigningKey NodeKey(Address address) =>
        Enumerable.Range(100, 16).Select(TestNet.Key).First(k => k.Address == address);

    private static ulong Balance(TestNet net, Address address) => net.State.GetAccount(address)?.BalanceOf(TestNet.Native) ?? 0;

    /// <summary>Submit in block 1, allocation at block 2, commits in block 3; returns the works of the assigned nodes.</summary>
    private static List<NodeWork> SubmitAndCommit(TestNet net, TaskSpec spec, Func<int, TaskRun, TaskRun>? tamper = null, int committers = int.MaxValue)
    {
        net.Tx(TestNet.Key(0), new SubmitTaskBody(spec));
        var b1 = net.Commit();
        Assert.True(b1.Outcomes[0].Result.IsAccepted, b1.Outcomes[0].Result.ToString());
        Assert.Equal(TaskPhase.Pending, net.State.GetTask(spec.TaskId)!.Phase);
        net.Commit();
        var assigned = net.Assigned(spec.TaskId);
        Assert.Equal(spec.Policy.Replication, assigned.Count);
        var works = assigned.Select((a, i) => new NodeWork(spec, NodeKey(a), i, tamper is null ? null : run => tamper(i, run))).ToList();
        foreach (var work in works.Take(committers))
        {
            net.Tx(work.Key, work.CommitBody);
        }

        var b3 = net.Commit();
        Assert.All(b3.Outcomes, o => Assert.True(o.Result.IsAccepted, o.Result.ToString()));
        return works;
    }

    private static void RunUntil(TestNet net, Hash256Id id, TaskPhase phase, int maxBlocks = 20)
    {
        for (var i = 0; i < maxBlocks && net.State.GetTask(id.Value)!.Phase != phase; i++)
        {
            net.Commit();
        }

        Assert.Equal(phase, net.State.GetTask(id.Value)!.Phase);
    }

    [Fact]
    public void Honest_nodes_reach_finality_and_are_paid()
    {
        var net = new TestNet(TestNet.MakeGenesis(2, 4));
        var spec = TestNet.PriceBookSpec();
        var requesterBefore = Balance(net, TestNet.Key(0).Address);
        var works = SubmitAndCommit(net, spec);
        Assert.Equal(requesterBefore - spec.FeeMinorUnits, Balance(net, TestNet.Key(0).Address));

        // The reveal window opens at block 4 with the beacon of block 3, which did not exist when the commits were signed.
        var seed = TestNet.SeedBytes(net.Ledger.Head.Beacon);
        foreach (var work in works)
        {
            net.Tx(work.Key, work.RevealBody(seed));
        }

        var b4 = net.Commit();
        Assert.All(b4.Outcomes, o => Assert.True(o.Result.IsAccepted && !o.Faulted, o.Result.ToString()));
        var task = net.State.GetTask(spec.TaskId)!;
        Assert.Equal(TaskPhase.Agreed, task.Phase);
        Assert.Equal(works[0].Run.Result.Root.Digest(), task.AgreedRoot);

        RunUntil(net, new(spec.TaskId), TaskPhase.Final);
        var share = spec.FeeMinorUnits * 9 / 10 / 3;
        foreach (var work in works)
        {
            Assert.Equal(share, Balance(net, work.Key.Address));
            var node = net.State.GetNode(work.Key.Address)!;
            Assert.Equal(10_000_000UL, node.StakeMinorUnits);
            Assert.Equal(TestNet.Parameters.InitialReputation + TestNet.Parameters.ReputationUpStep, node.Reputation);
        }

        Assert.Equal(spec.FeeMinorUnits - (3 * share), net.State.Chain.InsuranceMinorUnits);
        Assert.Equal(0UL, net.State.GetTask(spec.TaskId)!.EscrowMinorUnits);
        Assert.Empty(net.State.OpenTaskIds);

        var replay = SettlementLedger.Replay(net.Genesis, net.Blocks);
        Assert.True(replay.AllMatch, replay.Detail);
        Assert.Equal(net.Blocks.Count, replay.BlocksChecked);

        // The stored form: blocks decoded from their canonical bytes replay to the same headers.
        var decoded = net.Blocks.Select(b => CanonicalEncoding.Decode<Block>(CanonicalEncoding.Encode(b))).ToList();
        Assert.Equal(net.Blocks.Select(b => b.Header.Hash), decoded.Select(b => b.Header.Hash));
        Assert.Equal(net.Blocks.SelectMany(b => b.Outcomes.Select(o => (o.Result.Reason, o.Faulted))), decoded.SelectMany(b => b.Outcomes.Select(o => (o.Result.Reason, o.Faulted))));
        Assert.True(SettlementLedger.Replay(net.Genesis, decoded).AllMatch);
    }

    [Fact]
    public void A_wrong_root_that_fails_verification_is_slashed_at_reveal_and_the_honest_paid()
    {
        var net = new TestNet(TestNet.MakeGenesis(2, 4));
        var spec = TestNet.PriceBookSpec(positions: 8, uniform: 8, mass: 1);
        var works = SubmitAndCommit(net, spec, (i, run) => i == 2 ? NodeWork.TamperLeaf(spec, run, 5) : run);
        var liar = works[2].Key.Address;
        var seed = TestNet.SeedBytes(net.Ledger.Head.Beacon);
        foreach (var work in works)
        {
            net.Tx(work.Key, work.RevealBody(seed));
        }

        var b4 = net.Commit();
        Assert.All(b4.Outcomes, o => Assert.True(o.Result.IsAccepted, o.Result.ToString()));
        Assert.Equal([false, false, true], b4.Outcomes.Select(o => o.Faulted));
        Assert.Equal(AssignmentStatus.FailedVerification, net.AssignmentOf(spec.TaskId, liar).Status);
        Assert.Equal(8_000_000UL, net.State.GetNode(liar)!.StakeMinorUnits);

        RunUntil(net, new(spec.TaskId), TaskPhase.Final);
        var share = spec.FeeMinorUnits * 9 / 10 / 2;
        Assert.Equal(share, Balance(net, works[0].Key.Address));
        Assert.Equal(share, Balance(net, works[1].Key.Address));
        Assert.Equal(0UL, Balance(net, liar));
        Assert.Equal(1_000_000UL + (spec.FeeMinorUnits - (2 * share)), net.State.Chain.InsuranceMinorUnits);
        Assert.Equal(1_000_000UL, net.State.Chain.BurnedMinorUnits);
        Assert.True(SettlementLedger.Replay(net.Genesis, net.Blocks).AllMatch);
    }

    [Fact]
    public void A_wrong_root_that_passes_its_spot_checks_is_slashed_at_finality_for_disagreeing()
    {
        var beacon = new CountingBeacon();
        var net = new TestNet(TestNet.MakeGenesis(2, 4), beacon);
        var spec = TestNet.PriceBookSpec(positions: 16, uniform: 1, mass: 1);

        // The reveal seed will be the beacon of block 3; with this beacon it is known in advance, so the liar can
        // falsify a leaf that its spot checks will not open (the case only agreement can catch).
        var seed = TestNet.SeedBytes(beacon.At(3));
        var liarLeaf = -1L;
        var works = SubmitAndCommit(net, spec, (i, run) =>
        {
            if (i != 0)
            {
                return run;
            }

            for (var leaf = 0L; leaf < spec.ItemCount; leaf++)
            {
                var tampered = NodeWork.TamperLeaf(spec, run, leaf);
                if (TaskVerifier.Verify(spec, tampered.Result, TaskRunner.Prove(spec, tampered.Tree, seed), seed).IsValid)
                {
                    liarLeaf = leaf;
                    return tampered;
                }
            }

            throw new InvalidOperationException("every leaf is opened");
        });
        Assert.True(liarLeaf >= 0);
        Assert.Equal(seed, TestNet.SeedBytes(net.Ledger.Head.Beacon));
        var liar = works[0].Key.Address;
        foreach (var work in works)
        {
            net.Tx(work.Key, work.RevealBody(seed));
        }

        var b4 = net.Commit();
        Assert.All(b4.Outcomes, o => Assert.True(o.Result.IsAccepted && !o.Faulted, $"leaf {liarLeaf}: {o.Result}"));
        Assert.Equal(works[1].Run.Result.Root.Digest(), net.State.GetTask(spec.TaskId)!.AgreedRoot);

        RunUntil(net, new(spec.TaskId), TaskPhase.Final);
        Assert.Equal(AssignmentStatus.SlashedWrong, net.AssignmentOf(spec.TaskId, liar).Status);
        Assert.Equal(8_000_000UL, net.State.GetNode(liar)!.StakeMinorUnits);
        Assert.Equal(0UL, Balance(net, liar));
        var share = spec.FeeMinorUnits * 9 / 10 / 2;
        Assert.Equal(share, Balance(net, works[1].Key.Address));
        Assert.Equal(share, Balance(net, works[2].Key.Address));
        Assert.True(SettlementLedger.Replay(net.Genesis, net.Blocks, beacon).AllMatch);
    }

    [Fact]
    public void A_node_that_misses_its_reveal_is_slashed_and_replaced_and_the_task_finishes()
    {
        var net = new TestNet(TestNet.MakeGenesis(2, 4));
        var spec = TestNet.PriceBookSpec(replication: 2, quorum: 2);
        var works = SubmitAndCommit(net, spec);
        var seed = TestNet.SeedBytes(net.Ledger.Head.Beacon);
        var silent = works[1].Key.Address;
        net.Tx(works[0].Key, works[0].RevealBody(seed));
        net.Commit();
        Assert.Equal(TaskPhase.Revealing, net.State.GetTask(spec.TaskId)!.Phase);

        // Reveal deadline = block 4 + 3 − 1 = 6; at block 7 the silent node is faulted and a third node drawn.
        while (net.Ledger.Head.Height < 7)
        {
            net.Commit();
        }

        Assert.Equal(AssignmentStatus.MissedReveal, net.AssignmentOf(spec.TaskId, silent).Status);
        Assert.Equal(10_000_000UL - 500_000UL, net.State.GetNode(silent)!.StakeMinorUnits);
        var replacement = Assert.Single(net.Assigned(spec.TaskId));
        Assert.NotEqual(works[0].Key.Address, replacement);
        Assert.NotEqual(silent, replacement);
        Assert.Equal(1u, net.State.GetTask(spec.TaskId)!.Replacements);

        var late = new NodeWork(spec, NodeKey(replacement), 9);
        net.Tx(late.Key, late.CommitBody);
        net.Commit();
        var seed2 = TestNet.SeedBytes(net.Ledger.Head.Beacon);
        net.Tx(late.Key, late.RevealBody(seed2));
        var block = net.Commit();
        Assert.True(block.Outcomes[0].Result.IsAccepted, block.Outcomes[0].Result.ToString());
        Assert.Equal(TaskPhase.Agreed, net.State.GetTask(spec.TaskId)!.Phase);

        RunUntil(net, new(spec.TaskId), TaskPhase.Final);
        var share = spec.FeeMinorUnits * 9 / 10 / 2;
        Assert.Equal(share, Balance(net, works[0].Key.Address));
        Assert.Equal(share, Balance(net, replacement));
        Assert.Equal(0UL, Balance(net, silent));
        Assert.True(SettlementLedger.Replay(net.Genesis, net.Blocks).AllMatch);
    }

    [Fact]
    public void A_node_that_misses_its_commit_is_slashed_jailed_at_the_threshold_and_replaced()
    {
        var parameters = TestNet.Parameters with { JailThresholdFaults = 1 };
        var net = new TestNet(TestNet.MakeGenesis(2, 4, parameters: parameters));
        var spec = TestNet.PriceBookSpec(replication: 2, quorum: 2);
        var works = SubmitAndCommit(net, spec, committers: 1);
        var silent = works[1].Key.Address;
        net.Commit();
        Assert.Equal(AssignmentStatus.Assigned, net.AssignmentOf(spec.TaskId, silent).Status);
        net.Commit();

        // Commit deadline = block 2 + 3 − 1 = 4; at block 5 the node is faulted (1 %), jailed (threshold 1), replaced.
        Assert.Equal(AssignmentStatus.MissedCommit, net.AssignmentOf(spec.TaskId, silent).Status);
        var node = net.State.GetNode(silent)!;
        Assert.Equal(NodeStatus.Jailed, node.Status);
        Assert.Equal(10_000_000UL - 100_000UL, node.StakeMinorUnits);
        var replacement = Assert.Single(net.Assigned(spec.TaskId));
        var late = new NodeWork(spec, NodeKey(replacement), 7);
        net.Tx(late.Key, late.CommitBody);
        net.Commit();
        var seed = TestNet.SeedBytes(net.Ledger.Head.Beacon);
        net.Tx(works[0].Key, works[0].RevealBody(seed));
        net.Tx(late.Key, late.RevealBody(seed));
        var block = net.Commit();
        Assert.All(block.Outcomes, o => Assert.True(o.Result.IsAccepted, o.Result.ToString()));
        RunUntil(net, new(spec.TaskId), TaskPhase.Final);
        Assert.Equal(spec.FeeMinorUnits * 9 / 10 / 2, Balance(net, replacement));
        Assert.True(SettlementLedger.Replay(net.Genesis, net.Blocks).AllMatch);
    }

    [Fact]
    public void A_task_no_node_can_take_returns_its_escrow_at_its_deadline()
    {
        var net = new TestNet(TestNet.MakeGenesis(2, 3, capability: "montecarlo"));
        var spec = TestNet.PriceBookSpec(deadline: TestNet.GenesisTime + 4_500);
        var before = Balance(net, TestNet.Key(0).Address);
        net.Tx(TestNet.Key(0), new SubmitTaskBody(spec));
        net.Commit();
        Assert.Equal(before - spec.FeeMinorUnits, Balance(net, TestNet.Key(0).Address));
        RunUntil(net, new(spec.TaskId), TaskPhase.Expired);
        Assert.Empty(net.State.GetTask(spec.TaskId)!.Assignments);
        Assert.Equal(before, Balance(net, TestNet.Key(0).Address));
        Assert.True(net.Ledger.Head.TimestampUnixMs > spec.DeadlineUnixMs);
    }

    [Fact]
    public void Unbonding_stake_is_released_after_the_period_and_stays_slashable_until_then()
    {
        var net = new TestNet(TestNet.MakeGenesis(2, 2));
        var key = TestNet.Key(100);
        net.Tx(key, new BeginUnbondingBody(10_000_000));
        var b1 = net.Commit();
        Assert.True(b1.Outcomes[0].Result.IsAccepted, b1.Outcomes[0].Result.ToString());
        var node = net.State.GetNode(key.Address)!;
        Assert.Equal(NodeStatus.Unbonding, node.Status);
        Assert.Equal(0UL, node.StakeMinorUnits);
        Assert.Equal(new UnbondingEntry(10_000_000, 1 + 4), Assert.Single(node.Unbonding));
        Assert.Equal((UInt128)10_000_000, node.SlashableMinorUnits);
        while (net.Ledger.Head.Height < 4)
        {
            net.Commit();
        }

        Assert.Equal(0UL, Balance(net, key.Address));
        net.Commit();
        Assert.Equal(10_000_000UL, Balance(net, key.Address));
        Assert.Empty(net.State.GetNode(key.Address)!.Unbonding);
    }

    private readonly record struct Hash256Id(Assay.Proofs.Hashing.Hash256 Value);
}
