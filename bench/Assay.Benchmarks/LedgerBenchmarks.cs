using Assay.Ledger.Blocks;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Storage.Chain;
using BenchmarkDotNet.Attributes;

namespace Assay.Benchmarks;

/// <summary>SettlementLedger.ApplyBlock over the demo chain's blocks (transfers, PriceBook tasks, commits, reveals), state root included, with signatures checked and already cached.</summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const int Blocks = 40;
    private readonly List<byte[][]> _encoded = [];
    private List<SignedTransaction[]> _cold = [];
    private List<SignedTransaction[]> _warm = [];

    [GlobalSetup]
    public void Setup()
    {
        var ledger = SettlementLedger.Create(LedgerDemoChain.Genesis());
        var driver = new LedgerDemoChain(1);
        for (var b = 1; b <= Blocks; b++)
        {
            var txs = driver.NextBlock(ledger);
            ledger.ApplyBlock(Timestamp(b), txs);
            _encoded.Add(txs.Select(t => CanonicalEncoding.Encode(t)).ToArray());
        }

        _warm = Decode();
        ApplyAll(_warm);
    }

    /// <summary>Fresh transactions for each iteration, so the cold benchmark checks every signature.</summary>
    [IterationSetup(Target = nameof(ApplySignaturesChecked))]
    public void FreshTransactions() => _cold = Decode();

    [Benchmark(Description = "apply 40 demo blocks, signatures checked")]
    public Assay.Proofs.Hashing.Hash256 ApplySignaturesChecked() => ApplyAll(_cold);

    [Benchmark(Baseline = true, Description = "apply 40 demo blocks, signatures cached")]
    public Assay.Proofs.Hashing.Hash256 ApplySignaturesCached() => ApplyAll(_warm);

    private static long Timestamp(long height) => LedgerDemoChain.GenesisTimeUnixMs + (1_000 * height);

    private List<SignedTransaction[]> Decode() =>
        _encoded.Select(b => b.Select(e => CanonicalEncoding.Decode<SignedTransaction>(e)).ToArray()).ToList();

    private static Assay.Proofs.Hashing.Hash256 ApplyAll(List<SignedTransaction[]> blocks)
    {
        var ledger = SettlementLedger.Create(LedgerDemoChain.Genesis());
        for (var i = 0; i < blocks.Count; i++)
        {
            ledger.ApplyBlock(Timestamp(i + 1), blocks[i]);
        }

        return ledger.Head.StateRoot;
    }
}
