using Assay.Ledger.Blocks;
using Assay.Ledger.Transactions;
using Assay.Proofs.Signatures;
using Assay.Storage.Chain;

namespace Assay.Storage.Tests.Chain;

/// <summary>The tests' view of the deterministic demo chain (<see cref="LedgerDemoChain"/>): its keys, genesis and block driver, plus block times.</summary>
internal sealed class ChainScenario
{
    public const long GenesisTime = LedgerDemoChain.GenesisTimeUnixMs;
    public const long BlockMs = 1_000;
    public const int Accounts = LedgerDemoChain.AccountCount;

    private readonly LedgerDemoChain _demo;

    public ChainScenario(int seed) => _demo = new LedgerDemoChain(seed);

    public static SigningKey Key(int i) => LedgerDemoChain.Key(i);

    public static GenesisConfig Genesis() => LedgerDemoChain.Genesis();

    public long NextTime(SettlementLedger ledger) => ledger.Head.TimestampUnixMs + BlockMs;

    /// <summary>The next block's transactions: seeded transfers, a task every sixth block, and every due commit and reveal.</summary>
    public List<SignedTransaction> NextBlock(SettlementLedger ledger) => _demo.NextBlock(ledger);
}
