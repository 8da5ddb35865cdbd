using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;

namespace Assay.Ledger.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void Draws_are_weighted_by_stake_and_skip_nodes_without_the_capability()
    {
        var analytic = NodeCapabilities.TryCreate(["analytic"], 4, 1024, out _)!;
        var monteCarlo = NodeCapabilities.TryCreate(["montecarlo"], 4, 1024, out _)!;
        var genesis = TestNet.MakeGenesis(1, 0) with
        {
            Nodes =
            [
                new GenesisNode(TestNet.Key(100).Address, 10_000_000, analytic),
                new GenesisNode(TestNet.Key(101).Address, 90_000_000, analytic),
                new GenesisNode(TestNet.Key(102).Address, 500_000_000, monteCarlo),
            ],
        };
        var net = new TestNet(genesis, new CountingBeacon());
        const int Tasks = 300;
        for (var i = 0; i < Tasks; i++)
        {
            net.Tx(TestNet.Key(0), new SubmitTaskBody(TestNet.PriceBookSpec(positions: 2, replication: 1, quorum: 1, seed: (ulong)i)));
        }

        Assert.All(net.Commit().Outcomes, o => Assert.True(o.Result.IsAccepted, o.Result.ToString()));
        net.Commit();
        var drawn = net.State.Tasks.Select(t => Assert.Single(t.Assignments).Node).ToList();
        var heavy = drawn.Count(a => a == TestNet.Key(101).Address);
        var light = drawn.Count(a => a == TestNet.Key(100).Address);
        Assert.Equal(Tasks, heavy + light);

        // Weight = stake × reputation (equal reputations): expected share 0.9, sd ≈ 0.017 for 300 draws.
        Assert.InRange(heavy / (double)Tasks, 0.84, 0.96);
    }

    [Fact]
    public void Replication_draws_distinct_nodes_and_replay_draws_the_same_ones()
    {
        var net = new TestNet(TestNet.MakeGenesis(1, 5));
        var spec = TestNet.PriceBookSpec(replication: 5, quorum: 3);
        net.Tx(TestNet.Key(0), new SubmitTaskBody(spec));
        net.Commit();
        net.Commit();
        var nodes = net.Assigned(spec.TaskId);
        Assert.Equal(5, nodes.Distinct().Count());
        var fork = net.Fork();
        Assert.Equal(nodes, fork.Assigned(spec.TaskId));
    }

    [Fact]
    public void Ledger_canonical_types_have_distinct_tags_in_the_ledger_range_and_versioned_hash_tags()
    {
        var types = typeof(SettlementLedger).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Assay.Proofs.Canonical.ICanonicalEncodable<>)))
            .ToList();
        Assert.True(types.Count >= 9, string.Join(", ", types));
        var tags = types.Select(t => (ushort)t.GetProperty("TypeTag")!.GetValue(null)!).ToList();
        var hashTags = types.Select(t => (string)t.GetProperty("HashTag")!.GetValue(null)!).ToList();
        Assert.Equal(tags.Count, tags.Distinct().Count());
        Assert.Equal(hashTags.Count, hashTags.Distinct().Count());
        for (var i = 0; i < types.Count; i++)
        {
            Assert.InRange(tags[i], (ushort)0x0300, (ushort)0x03FF);
            var version = (byte)types[i].GetProperty("FormatVersion")!.GetValue(null)!;
            Assert.Matches($"^assay/[a-z0-9-]+/v{version}$", hashTags[i]);
        }
    }
}
