using Assay.Ledger.Blocks;

namespace Assay.Ledger.Tests.DeadlineIndex;

/// <summary>Re-applies a chain's blocks on a ledger whose duties step every open task (the behaviour before the deadline index) and compares every header.</summary>
internal static class FullScanCheck
{
    /// <summary>Asserts equal headers block by block; returns the tasks stepped by the full scan and by the index (summed over the blocks).</summary>
    public static (long FullScan, long Indexed) AssertSameHeaders(GenesisConfig genesis, IReadOnlyList<Block> blocks, string context, IBeaconSource? beacon = null)
    {
        var full = SettlementLedger.Create(genesis, beacon);
        full.FullScanDuties = true;
        var indexed = SettlementLedger.Create(genesis, beacon);
        long fullSteps = 0;
        long indexedSteps = 0;
        foreach (var block in blocks)
        {
            var a = full.ApplyBlock(block.Header.TimestampUnixMs, block.Transactions);
            var b = indexed.ApplyBlock(block.Header.TimestampUnixMs, block.Transactions);
            Assert.True(a.Header == block.Header && b.Header == block.Header, $"{context}: height {block.Header.Height}: full scan {a.Header.StateRoot}, index {b.Header.StateRoot}, chain {block.Header.StateRoot}");
            fullSteps += full.LastBlockTasksStepped;
            indexedSteps += indexed.LastBlockTasksStepped;
        }

        Assert.True(indexedSteps <= fullSteps, $"{context}: the index stepped {indexedSteps} tasks, the full scan {fullSteps}");
        return (fullSteps, indexedSteps);
    }
}
