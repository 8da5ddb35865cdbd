using Assay.Ledger.Blocks;
using Assay.Ledger.Disputes;

namespace Assay.Ledger.Tests.Disputes;

public sealed class DisputeRandomizedTests
{
    /// <summary>A random leaf falsified in one of the two trees (the agreed one, by two colluding nodes, or the challenger's) is always the leaf the bisection ends on, and the side holding it loses.</summary>
    [Theory]
    [InlineData(20261121)]
    [InlineData(97)]
    public void Bisection_always_finds_the_falsified_leaf(int seed)
    {
        var rng = new Random(seed);
        for (var trial = 0; trial < 8; trial++)
        {
            var n = rng.Next(2, 40);
            var liars = n >= 3 && rng.Next(2) == 0;
            var context = $"seed {seed}, trial {trial}, leaves {n}, falsified tree: {(liars ? "agreed" : "challenger's")}";
            var s = DisputeNet.Agreed(n, liars, rng);
            var leaf = liars ? s.LiarLeaf : rng.Next(n);
            var claimed = liars ? s.HonestTree : TreeNodes.Falsify(s.HonestTree, leaf, (Int128)rng.Next(1, 1 << 30) << 20);
            s.Net.Label = context;
            var id = s.Challenge(claimed, bond: 1_000 + (ulong)rng.Next(1_000));
            s.Play(id, s.AgreedTree, claimed, s.Works[rng.Next(2)].Key);
            var d = s.State.GetDispute(id)!;
            Assert.True(d.RangeStart == (ulong)leaf && d.RangeLength == 1, $"{context}: ended on leaf {d.RangeStart} (length {d.RangeLength}), falsified {leaf}");
            Assert.True(d.Status == (liars ? DisputeStatus.ChallengerWon : DisputeStatus.DefenderWon), $"{context}: {d.Status}");
            Assert.True(d.Step <= 6, $"{context}: {d.Step} levels");
            Assert.True(SettlementLedger.Replay(s.Net.Genesis, s.Net.Blocks, s.Beacon).AllMatch, context);
            DeadlineIndex.FullScanCheck.AssertSameHeaders(s.Net.Genesis, s.Net.Blocks, context, s.Beacon);
        }
    }
}
