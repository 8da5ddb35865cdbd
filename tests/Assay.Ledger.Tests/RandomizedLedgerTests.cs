using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;
using Xunit.Abstractions;

namespace Assay.Ledger.Tests;

/// <summary>Random mixes of every transaction kind and node behaviour; value conservation after every block; replay of the whole chain.</summary>
public sealed class RandomizedLedgerTests(ITestOutputHelper output)
{
    /// <remarks>
    /// The seed fixes the traffic, not the whole run: ECDSA signatures carry a fresh nonce from the operating system,
    /// so transaction ids, block hashes and with them the challenge seeds and assignments differ from one process to
    /// the next. Whether some node ends up faulted is therefore not a property of one seed (seed 7 had none in one of
    /// thirteen runs); the scenarios are asserted to exercise faults together.
    /// </remarks>
    [Fact]
    public void Random_blocks_conserve_value_and_replay_to_the_same_roots()
    {
        var faultedRuns = new[] { 20261121, 7, 424242 }.Count(RunScenario);
        Assert.True(faultedRuns > 0, "none of the three random scenarios faulted a node");
    }

    /// <summary>Runs one random scenario, asserts its invariants and returns whether any node was faulted.</summary>
    private bool RunScenario(int seed)
    {
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var keys = Enumerable.Range(0, 6).Concat(Enumerable.Range(100, 4)).Select(TestNet.Key).ToDictionary(k => k.Address);
        var accounts = Enumerable.Range(0, 6).Select(TestNet.Key).ToArray();
        var net = new TestNet(TestNet.MakeGenesis(6, 4)) { Label = $"seed {seed}" };
        var works = new Dictionary<(Hash256, Address), NodeWork>();
        var caps = NodeCapabilities.TryCreate(["analytic", "montecarlo"], 4, 4096, out _)!;
        var misbehaved = new HashSet<Address>();
        var accepted = 0;
        var rejected = 0;
        // 30 blocks of random traffic, then up to 40 quiet blocks in which the nodes keep working until every task settles.
        for (var height = 1; height <= 70 && (height <= 30 || net.State.OpenTaskIds.Count > 0); height++)
        {
            // Nodes act first (so their nonces are right): mostly honest, sometimes silent, sometimes lying.
            foreach (var taskId in net.State.OpenTaskIds)
            {
                var task = net.State.GetTask(taskId)!;
                var spec = net.State.GetSpec(taskId)!;
                foreach (var a in task.Assignments)
                {
                    var roll = random.NextDouble();
                    var due = a.Status == AssignmentStatus.Assigned || (a.Status == AssignmentStatus.Committed && a.ChallengeSeed != Hash256.Zero);
                    if (roll < 0.15)
                    {
                        if (due)
                        {
                            misbehaved.Add(a.Node);
                        }

                        continue;
                    }

                    if (!works.TryGetValue((taskId, a.Node), out var work))
                    {
                        var lie = roll > 0.9;
                        if (lie)
                        {
                            misbehaved.Add(a.Node);
                        }

                        work = new NodeWork(spec, keys[a.Node], works.Count, lie ? run => NodeWork.TamperLeaf(spec, run, 0) : null);
                        works[(taskId, a.Node)] = work;
                    }

                    if (a.Status == AssignmentStatus.Assigned)
                    {
                        net.Tx(work.Key, work.CommitBody);
                    }
                    else if (a.Status == AssignmentStatus.Committed && a.ChallengeSeed != Hash256.Zero)
                    {
                        net.Tx(work.Key, work.RevealBody(a.ChallengeSeed.ToArray()));
                    }
                }
            }

            var count = height <= 30 ? random.Next(0, 10) : 0;
            for (var i = 0; i < count; i++)
            {
                var key = accounts[random.Next(accounts.Length)];
                TransactionBody body = random.Next(7) switch
                {
                    0 or 1 => new TransferBody(accounts[random.Next(accounts.Length)].Address, "ASY", (ulong)random.NextInt64(0, 2_000_000_000_000)),
                    2 => new RegisterNodeBody((ulong)random.NextInt64(500_000, 5_000_000), caps),
                    3 => new AddStakeBody((ulong)random.NextInt64(0, 3_000_000)),
                    4 => new BeginUnbondingBody((ulong)random.NextInt64(0, 3_000_000)),
                    _ => new SubmitTaskBody(TestNet.PriceBookSpec(
                        positions: 4, replication: 2, quorum: 2, fee: (ulong)random.NextInt64(0, 5_000_000),
                        deadline: net.NextTime + random.Next(2_000, 20_000), seed: (ulong)random.NextInt64())),
                };
                net.Tx(key, body);
            }

            var block = net.Commit();
            accepted += block.Outcomes.Count(o => o.Result.IsAccepted);
            rejected += block.Outcomes.Count(o => !o.Result.IsAccepted);
        }

        output.WriteLine($"accepted {accepted}, rejected {rejected}, tasks {net.State.Tasks.Count()}, " +
            $"final {net.State.Tasks.Count(t => t.Phase == TaskPhase.Final)}, expired {net.State.Tasks.Count(t => t.Phase == TaskPhase.Expired)}, " +
            $"insurance {net.State.Chain.InsuranceMinorUnits}, burned {net.State.Chain.BurnedMinorUnits}");
        Assert.True(accepted > 20 && rejected > 0, $"seed {seed}: accepted {accepted}, rejected {rejected}");
        Assert.Empty(net.State.OpenTaskIds);

        // An honest node (never silent when due, never lying) is never faulted.
        foreach (var (address, node) in net.State.Nodes)
        {
            var history = string.Join("; ", net.State.Tasks.SelectMany(t => t.Assignments.Where(x => x.Node == address).Select(x => $"{t.Phase} {x.Status} a{x.AssignedHeight} c{x.CommitDeadlineHeight} r{x.RevealDeadlineHeight}")));
            var rejections = string.Join("; ", net.Blocks.SelectMany(b => b.Transactions.Zip(b.Outcomes).Where(p => p.First.Sender == address && !p.Second.Result.IsAccepted).Select(p => $"h{b.Header.Height} {p.First.Body.Kind} {p.Second.Result}")));
            Assert.True(node.TotalFaults == 0 || misbehaved.Contains(address), $"seed {seed}: honest node {address} has {node.TotalFaults} faults: {history} || {rejections}");
        }

        var anyFaulted = net.State.Nodes.Any(n => n.Value.TotalFaults > 0);
        var replay = SettlementLedger.Replay(net.Genesis, net.Blocks);
        Assert.True(replay.AllMatch, $"seed {seed}: {replay.Detail}");

        // The deadline index steps fewer tasks than a full scan of the open tasks and reaches the same headers.
        var (full, indexed) = DeadlineIndex.FullScanCheck.AssertSameHeaders(net.Genesis, net.Blocks, $"seed {seed}");
        output.WriteLine($"tasks stepped: full scan {full}, index {indexed}");

        // A log with one transaction dropped replays to a different root at exactly that height.
        var victim = net.Blocks.Select((b, i) => (b, i)).First(x => x.b.Transactions.Count > 1 && x.b.Outcomes[0].Result.IsAccepted);
        var tampered = net.Blocks.ToList();
        tampered[victim.i] = victim.b with { Transactions = victim.b.Transactions.Skip(1).ToList() };
        var report = SettlementLedger.Replay(net.Genesis, tampered);
        Assert.Equal(victim.b.Header.Height, report.FirstMismatchHeight);
        Assert.StartsWith("state_root", report.Detail, StringComparison.Ordinal);
        return anyFaulted;
    }
}
