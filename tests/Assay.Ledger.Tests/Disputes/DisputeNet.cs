using Assay.Compute.Tasks;
using Assay.Ledger.Disputes;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Tests.Disputes;

/// <summary>A task agreed on a chosen tree (honest, or two colluding nodes with one falsified leaf), plus the helpers to challenge it and play the bisection.</summary>
internal sealed class DisputeNet
{
    public static readonly SigningKey Requester = TestNet.Key(0);
    public static readonly SigningKey Challenger = TestNet.Key(1);
    public static readonly SigningKey Outsider = TestNet.Key(2);
    public const int NodeCount = 5;

    private DisputeNet(TestNet net, CountingBeacon beacon, TaskSpec spec, List<NodeWork> works, MerkleSumTree honestTree, long liarLeaf)
    {
        Net = net;
        Beacon = beacon;
        Spec = spec;
        Works = works;
        HonestTree = honestTree;
        LiarLeaf = liarLeaf;
    }

    public TestNet Net { get; }

    public CountingBeacon Beacon { get; }

    public TaskSpec Spec { get; }

    /// <summary>The assigned nodes' work, in assignment order; with liars, works 0 and 1 hold the same falsified tree.</summary>
    public List<NodeWork> Works { get; }

    /// <summary>The correct tree (as the challenger computes it).</summary>
    public MerkleSumTree HonestTree { get; }

    /// <summary>The falsified leaf of the agreed tree, or −1 when the agreed result is honest.</summary>
    public long LiarLeaf { get; }

    public MerkleSumTree AgreedTree => Works[0].Run.Tree;

    public LedgerState State => Net.State;

    public static SigningKey NodeKey(Address address) =>
        Enumerable.Range(100, NodeCount).Select(TestNet.Key).First(k => k.Address == address);

    public static ulong Balance(TestNet net, Address address) => net.State.GetAccount(address)?.BalanceOf(TestNet.Native) ?? 0;

    /// <summary>Runs a task of <paramref name="positions"/> leaves to agreement at block 4 (finality at block 7). With
    /// <paramref name="liars"/>, the first two assigned nodes falsify one leaf that their spot checks do not open
    /// (picked by <paramref name="rng"/>, else the first), so the wrong root is agreed 2 to 1. <paramref name="slow"/> gives
    /// 20-block reveal (and so bisection step) windows and a 30-block challenge window, for tests that spend many blocks.</summary>
    public static DisputeNet Agreed(int positions, bool liars, Random? rng = null, bool slow = false, int replication = 3)
    {
        var beacon = new CountingBeacon();
        var parameters = slow ? TestNet.Parameters with { RevealWindowBlocks = 20 } : TestNet.Parameters;
        var net = new TestNet(TestNet.MakeGenesis(3, NodeCount, parameters: parameters), beacon);
        var spec = TestNet.PriceBookSpec(positions: positions, replication: replication, uniform: 1, mass: 1);
        if (slow)
        {
            spec = new TaskSpec(spec.Kind, spec.EngineVersion, spec.Inputs, spec.ItemCount, spec.Seed, spec.Policy with { ChallengeWindowBlocks = 30 }, spec.FeeMinorUnits, spec.DeadlineUnixMs);
        }

        var seed = TestNet.SeedBytes(beacon.At(3));
        var liarLeaf = -1L;
        TaskRun? falsified = null;
        if (liars)
        {
            var honest = TaskRunner.Run(spec, Requester.Address.ToArray(), maxDegreeOfParallelism: 1);
            var candidates = new List<(long Leaf, TaskRun Run)>();
            for (var leaf = 0L; leaf < spec.ItemCount; leaf++)
            {
                var tampered = NodeWork.TamperLeaf(spec, honest, leaf);
                if (TaskVerifier.Verify(spec, tampered.Result, TaskRunner.Prove(spec, tampered.Tree, seed), seed).IsValid)
                {
                    candidates.Add((leaf, tampered));
                }
            }

            Assert.NotEmpty(candidates);
            (liarLeaf, falsified) = candidates[rng is null ? 0 : rng.Next(candidates.Count)];
        }

        net.Tx(Requester, new SubmitTaskBody(spec));
        Assert.True(net.Commit().Outcomes[0].Result.IsAccepted);
        net.Commit();
        var assigned = net.Assigned(spec.TaskId);
        Assert.Equal(replication, assigned.Count);
        var works = assigned.Select((a, i) => new NodeWork(spec, NodeKey(a), i, run => i < 2 && falsified is not null ? Rebind(falsified, run) : run)).ToList();
        foreach (var work in works)
        {
            net.Tx(work.Key, work.CommitBody);
        }

        Assert.All(net.Commit().Outcomes, o => Assert.True(o.Result.IsAccepted, o.Result.ToString()));
        Assert.Equal(seed, TestNet.SeedBytes(net.Ledger.Head.Beacon));
        foreach (var work in works)
        {
            net.Tx(work.Key, work.RevealBody(seed));
        }

        Assert.All(net.Commit().Outcomes, o => Assert.True(o.Result.IsAccepted && !o.Faulted, $"liar leaf {liarLeaf}: {o.Result}"));
        var task = net.State.GetTask(spec.TaskId)!;
        Assert.Equal(TaskPhase.Agreed, task.Phase);
        Assert.Equal(works[0].Run.Result.Root.Digest(), task.AgreedRoot);
        Assert.Equal(slow ? 34UL : 7UL, task.FinalityHeight);   // 4 + 30, or the last reveal window (block 6) + 1
        var honestTree = TaskRunner.Run(spec, Challenger.Address.ToArray(), maxDegreeOfParallelism: 1).Tree;
        return new DisputeNet(net, beacon, spec, works, honestTree, liarLeaf);
    }

    /// <summary>The falsified run re-signed for another node (same tree, that node's address).</summary>
    private static TaskRun Rebind(TaskRun falsified, TaskRun own)
    {
        var r = falsified.Result;
        return new TaskRun(falsified.Tree, new TaskResult(r.TaskId, r.EngineVersion, r.ItemCount, r.Root, r.Aggregate, own.Result.NodeAddress, []));
    }

    /// <summary>Challenge body naming the agreed tree's root and <paramref name="claimed"/>.</summary>
    public ChallengeBody ChallengeBody(MerkleSumTree claimed, ulong bond = 1_000) => new(Spec.TaskId, bond, AgreedTree.Root, claimed.Root);

    /// <summary>Opens a challenge in the next block and returns the dispute id.</summary>
    public Hash256 Challenge(MerkleSumTree claimed, ulong bond = 1_000)
    {
        Net.Tx(Challenger, ChallengeBody(claimed, bond));
        var block = Net.Commit();
        Assert.True(block.Outcomes[0].Result.IsAccepted, block.Outcomes[0].Result.ToString());
        var id = DisputeRules.DisputeId(Spec.TaskId, Challenger.Address, block.Header.Height);
        Assert.NotNull(State.GetDispute(id));
        return id;
    }

    /// <summary>The step the current mover would send, from its own tree.</summary>
    public BisectionStepBody NextStep(Hash256 disputeId, MerkleSumTree defenderTree, MerkleSumTree challengerTree)
    {
        var d = State.GetDispute(disputeId)!;
        var tree = d.Mover == DisputeParty.Defender ? defenderTree : challengerTree;
        var (left, right) = TreeNodes.Children(tree, (long)d.RangeStart, (long)d.RangeLength);
        return new BisectionStepBody(disputeId, d.Step, left, right);
    }

    /// <summary>Both sides play from their trees, one move per block, until the dispute closes; returns the number of moves.</summary>
    public int Play(Hash256 disputeId, MerkleSumTree defenderTree, MerkleSumTree challengerTree, SigningKey? defender = null)
    {
        var moves = 0;
        while (State.GetDispute(disputeId)!.IsOpen)
        {
            Assert.True(moves < 80, "bisection does not end");
            var mover = State.GetDispute(disputeId)!.Mover == DisputeParty.Defender ? defender ?? Works[0].Key : Challenger;
            Net.Tx(mover, NextStep(disputeId, defenderTree, challengerTree));
            var block = Net.Commit();
            Assert.True(block.Outcomes[0].Result.IsAccepted, $"move {moves}: {block.Outcomes[0].Result}");
            moves++;
        }

        return moves;
    }

    /// <summary>Keeps every assigned node of the task honest (commit, then reveal in its window) until the task is final.</summary>
    public void RunHonestlyToFinal(int maxBlocks = 30)
    {
        var works = new Dictionary<Address, NodeWork>();
        for (var i = 0; i < maxBlocks && State.GetTask(Spec.TaskId)!.Phase != TaskPhase.Final; i++)
        {
            foreach (var a in State.GetTask(Spec.TaskId)!.Assignments)
            {
                if (!works.TryGetValue(a.Node, out var work))
                {
                    work = works[a.Node] = new NodeWork(Spec, NodeKey(a.Node), 50 + works.Count);
                }

                if (a.Status == AssignmentStatus.Assigned)
                {
                    Net.Tx(work.Key, work.CommitBody);
                }
                else if (a.Status == AssignmentStatus.Committed && a.ChallengeSeed != Hash256.Zero)
                {
                    Net.Tx(work.Key, work.RevealBody(a.ChallengeSeed.ToArray()));
                }
            }

            Net.Commit();
        }

        Assert.Equal(TaskPhase.Final, State.GetTask(Spec.TaskId)!.Phase);
    }
}
