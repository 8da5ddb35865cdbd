using Assay.Ledger.Blocks;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Storage.Chain;

namespace Assay.Cli.Commands;

/// <summary>Pre-signed block contents for <c>assay bench ledger</c>: transfer-only blocks, and the demo chain's mix of transfers, PriceBook tasks, commits and reveals.</summary>
public sealed class LedgerBenchWorkload
{
    /// <summary>Transfers per block of the transfer workload (below the ledger's 32-transaction threshold for parallel signature checks, so one thread does all the work).</summary>
    public const int TransfersPerBlock = 31;

    private LedgerBenchWorkload(string name, IReadOnlyList<byte[][]> encodedBlocks)
    {
        Name = name;
        EncodedBlocks = encodedBlocks;
    }

    /// <summary>The workload's name in the report.</summary>
    public string Name { get; }

    /// <summary>Each block's transactions, canonically encoded (decoding them gives transactions whose signatures are not yet checked).</summary>
    public IReadOnlyList<byte[][]> EncodedBlocks { get; }

    /// <summary>Total transactions.</summary>
    public long TransactionCount => EncodedBlocks.Sum(b => (long)b.Length);

    /// <summary>Timestamp of block <paramref name="height"/> (one second apart from the demo genesis).</summary>
    public static long Timestamp(long height) => LedgerDemoChain.GenesisTimeUnixMs + (1_000 * height);

    /// <summary><paramref name="blocks"/> blocks of <see cref="TransfersPerBlock"/> small transfers among the demo accounts (all accepted).</summary>
    public static LedgerBenchWorkload Transfers(int blocks)
    {
        var keys = Enumerable.Range(0, LedgerDemoChain.AccountCount).Select(LedgerDemoChain.Key).ToArray();
        var nonces = new ulong[keys.Length];
        var list = new List<byte[][]>(blocks);
        for (var b = 0; b < blocks; b++)
        {
            var txs = new byte[TransfersPerBlock][];
            for (var i = 0; i < TransfersPerBlock; i++)
            {
                var from = (b + i) % keys.Length;
                var to = (from + 1 + (i % (keys.Length - 1))) % keys.Length;
                var tx = SignedTransaction.Sign(keys[from], nonces[from]++, new TransferBody(keys[to].Address, "ASY", (ulong)(1 + i)));
                txs[i] = CanonicalEncoding.Encode(tx);
            }

            list.Add(txs);
        }

        return new LedgerBenchWorkload("transfers", list);
    }

    /// <summary><paramref name="blocks"/> blocks of the demo chain: three transfers each, a PriceBook task every sixth block, and every due commit and reveal.</summary>
    public static LedgerBenchWorkload DemoMix(int blocks, int seed)
    {
        var ledger = SettlementLedger.Create(LedgerDemoChain.Genesis());
        var driver = new LedgerDemoChain(seed);
        var list = new List<byte[][]>(blocks);
        for (var b = 1; b <= blocks; b++)
        {
            var txs = driver.NextBlock(ledger);
            ledger.ApplyBlock(Timestamp(b), txs);
            list.Add(txs.Select(t => CanonicalEncoding.Encode(t)).ToArray());
        }

        return new LedgerBenchWorkload("transfers+tasks+commits+reveals", list);
    }

    /// <summary>Fresh decoded transactions per block (signatures not yet checked).</summary>
    public List<SignedTransaction[]> Decode() =>
        EncodedBlocks.Select(b => b.Select(e => CanonicalEncoding.Decode<SignedTransaction>(e)).ToArray()).ToList();
}
