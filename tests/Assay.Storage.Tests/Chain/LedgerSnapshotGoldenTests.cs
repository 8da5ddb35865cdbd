using Assay.Ledger.Blocks;
using Assay.Ledger.State;

namespace Assay.Storage.Tests.Chain;

/// <summary>The snapshot format frozen by an independent Python encoding (tests/data/ledger/generate_snapshot_vectors.py).</summary>
public sealed class LedgerSnapshotGoldenTests
{
    private static Dictionary<string, string> Vectors() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "ledger", "snapshot_vectors.csv")).Skip(1)
            .Select(line => line.Split(',')).ToDictionary(p => p[0], p => p[1]);

    private static SettlementLedger GenesisLedger() => SettlementLedger.Create(new GenesisConfig(
        ChainScenario.GenesisTime,
        new ProtocolParameters(),
        [
            new GenesisAccount(ChainScenario.Key(0).Address, new Dictionary<string, ulong> { ["ASY"] = 1000 }),
            new GenesisAccount(ChainScenario.Key(1).Address, new Dictionary<string, ulong> { ["USD"] = 7, ["ASY"] = 5 }),
        ],
        []));

    [Fact]
    public void GenesisSnapshotMatchesThePythonEncodingByteForByte()
    {
        var vectors = Vectors();
        var ledger = GenesisLedger();
        Assert.Equal(vectors["state_root"], ledger.Head.StateRoot.ToString());
        Assert.Equal(vectors["genesis_hash"], ledger.GenesisHeader.Hash.ToString());
        Assert.Equal(vectors["snapshot"], Convert.ToHexStringLower(LedgerSnapshot.Encode(ledger)));
    }

    [Fact]
    public void ThePythonSnapshotRestoresToTheSameLedger()
    {
        var vectors = Vectors();
        var restored = LedgerSnapshot.Restore(Convert.FromHexString(vectors["snapshot"]));
        Assert.Equal(vectors["state_root"], restored.State.ComputeRoot().ToString());
        Assert.Equal(vectors["genesis_hash"], restored.Head.Hash.ToString());
        Assert.Equal(7UL, restored.State.GetAccount(ChainScenario.Key(1).Address)!.BalanceOf("USD"));
    }
}
