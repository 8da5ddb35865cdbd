using System.Reflection;
using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Proofs.Canonical;

namespace Assay.Storage.Tests.Chain;

/// <summary>The whole-state snapshot: round trip, continuation, coverage of every state table, and refusal of damaged or reordered bytes.</summary>
public sealed class LedgerSnapshotTests
{
    private static (SettlementLedger Ledger, ChainScenario Scenario) Run(int blocks, int seed)
    {
        var ledger = SettlementLedger.Create(ChainScenario.Genesis());
        var scenario = new ChainScenario(seed);
        for (var i = 0; i < blocks; i++)
        {
            ledger.ApplyBlock(scenario.NextTime(ledger), scenario.NextBlock(ledger));
        }

        return (ledger, scenario);
    }

    [Fact]
    public void RestoreReproducesTheRootHeadAndBytesAndContinuesIdentically()
    {
        const int seed = 11;
        var (live, scenario) = Run(14, seed);
        Assert.True(live.State.Tasks.Any(), $"seed {seed}: the scenario should have submitted tasks");
        Assert.True(live.State.Tasks.Any(t => t.Phase == TaskPhase.Final), $"seed {seed}: a task should be final by block 14");
        var bytes = LedgerSnapshot.Encode(live);
        var restored = LedgerSnapshot.Restore(bytes);
        Assert.Equal(live.Head, restored.Head);
        Assert.Equal(live.GenesisHeader, restored.GenesisHeader);
        Assert.Equal(live.State.ComputeRoot(), restored.State.ComputeRoot());
        Assert.Equal(bytes, LedgerSnapshot.Encode(restored));
        Assert.Equal(live.Head, LedgerSnapshot.ReadHead(bytes));

        // Indexes derived from records (open tasks, node order) are rebuilt: the next blocks agree bit for bit.
        Assert.Equal(live.State.OpenTaskIds, restored.State.OpenTaskIds);
        for (var i = 0; i < 8; i++)
        {
            var txs = scenario.NextBlock(live);
            var time = scenario.NextTime(live);
            var a = live.ApplyBlock(time, txs);
            var b = restored.ApplyBlock(time, txs);
            Assert.True(a.Header == b.Header, $"seed {seed}: block {a.Header.Height} differs after restore");
        }
    }

    [Fact]
    public void EveryStateTableHasASnapshotAdapter()
    {
        var fields = typeof(LedgerState).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition().Name.StartsWith("StateTable", StringComparison.Ordinal)).ToList();
        var adapters = (System.Collections.ICollection)typeof(LedgerState).GetProperty("SnapshotTables", BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(SettlementLedger.Create(ChainScenario.Genesis()).State)!;
        Assert.True(fields.Count >= 6, "LedgerState should have at least six tables");
        Assert.True(fields.Count == adapters.Count, $"LedgerState has {fields.Count} StateTable fields ({string.Join(", ", fields.Select(f => f.Name))}) but {adapters.Count} snapshot adapters: add one line to SnapshotTables.");
    }

    [Fact]
    public void EveryNamespaceAppearsInAscendingOrder()
    {
        var (live, _) = Run(8, 3);
        var bytes = LedgerSnapshot.Encode(live);
        var reader = new CanonicalReader(bytes, LedgerSnapshot.Limits);
        reader.ReadHeader(LedgerSnapshot.TypeTag, LedgerSnapshot.FormatVersion);
        reader.ReadObject<BlockHeader>();
        reader.ReadObject<BlockHeader>();
        var count = reader.ReadCount(LedgerSnapshot.MaxRecords, 9);
        var namespaces = new List<byte>();
        for (var i = 0; i < count; i++)
        {
            namespaces.Add(reader.ReadByte());
            reader.ReadBytes(LedgerSnapshot.MaxKeyBytes);
            reader.ReadBytes(int.MaxValue);
        }

        reader.ReadEnd();
        // Namespaces 1–6 always hold records here; a namespace added later (e.g. disputes) may be empty in this scenario.
        Assert.Subset(namespaces.ToHashSet(), Enumerable.Range(1, 6).Select(n => (byte)n).ToHashSet());
        Assert.Subset(Enum.GetValues<StateNamespace>().Select(n => (byte)n).ToHashSet(), namespaces.ToHashSet());
        Assert.Equal(namespaces.Order(), namespaces);
        Assert.Equal(live.State.AccountCount, namespaces.Count(n => n == (byte)StateNamespace.Account));
    }

    [Fact]
    public void DamagedBytesAreRefusedOrChangeTheHeadOrGenesisHash()
    {
        // The records are bound by the state root; the headers are bound by their hashes, which the caller compares with
        // the chain's (LedgerChain does). So every flip is refused, or visibly changes a header hash.
        const int seed = 5151;
        var (live, _) = Run(8, 4);
        var bytes = LedgerSnapshot.Encode(live);
        var rng = new Random(seed);
        int refused = 0, headerChanged = 0;
        for (var trial = 0; trial < 300; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            var position = rng.Next(damaged.Length);
            damaged[position] ^= (byte)(1 << rng.Next(8));
            try
            {
                var restored = LedgerSnapshot.Restore(damaged);
                Assert.True(
                    restored.Head.Hash != live.Head.Hash || restored.GenesisHeader.Hash != live.GenesisHeader.Hash,
                    $"seed {seed} trial {trial}: flipping byte {position} restored a ledger with the same head and genesis hashes");
                headerChanged++;
            }
            catch (Exception e) when (e is CanonicalFormatException or LedgerSnapshotException)
            {
                refused++;
            }
        }

        Assert.True(refused > 250, $"seed {seed}: only {refused} of 300 flips refused ({headerChanged} changed a header)");
    }

    [Fact]
    public void SwappedRecordsAreRefused()
    {
        var live = SettlementLedger.Create(ChainScenario.Genesis());
        var bytes = LedgerSnapshot.Encode(live);

        // Truncation and trailing bytes are format errors.
        Assert.Throws<CanonicalFormatException>(() => LedgerSnapshot.Restore(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<CanonicalFormatException>(() => LedgerSnapshot.Restore([.. bytes, 0]));

        // Another format version is refused.
        var version = (byte[])bytes.Clone();
        version[2] = 2;
        Assert.Throws<CanonicalFormatException>(() => LedgerSnapshot.Restore(version));
    }
}
