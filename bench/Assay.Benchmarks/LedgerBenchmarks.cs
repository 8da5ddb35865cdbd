using Assay.Compute;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Ledger.Blocks;
using Assay.Ledger.Protocol;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Proofs.Canonical;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;
using Assay.Proofs.SpotCheck;
using Assay.Storage.Chain;
using BenchmarkDotNet.Attributes;

namespace Assay.Benchmarks;

/// <summary>SettlementLedger.ApplyBlock, state root included: the demo chain's blocks, blocks of 1 000 transfers, and a transfer/commit/reveal mix with signatures verified beforehand.</summary>
/// <remarks>
/// The transfer and mix benchmarks report time per transaction (<c>OperationsPerInvoke</c>). Each invocation starts from
/// a fresh ledger (created from the genesis, or restored from a snapshot), because applied transactions cannot be
/// applied again; the <c>… only</c> benchmarks time that start alone, with the same operation count, so the apply cost
/// per transaction is the difference of the two means (docs/benchmarks.md, "Ledger").
/// </remarks>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const int Blocks = 40;
    private const int TransferAccounts = 1_000;
    private const int TransferBlocks = 10;
    private const int TransferOps = TransferAccounts * TransferBlocks;
    private const int MixAccounts = 2_000;
    private const int MixNodes = 64;
    private const int MixTasks = 1_000;
    private const int MixOps = (2 * MixAccounts) + (2 * MixTasks);
    private const long MixTime = 1_790_000_000_000;
    private readonly List<byte[][]> _encoded = [];
    private List<SignedTransaction[]> _cold = [];
    private List<SignedTransaction[]> _warm = [];

    private GenesisConfig _transferGenesis = null!;
    private List<SignedTransaction[]> _transferBlocks = [];
    private byte[] _mixSnapshot = [];
    private SignedTransaction[] _commitBlock = [];
    private SignedTransaction[] _revealBlock = [];

    [GlobalSetup(Targets = [nameof(ApplySignaturesChecked), nameof(ApplySignaturesCached)])]
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

    /// <summary>1 000 funded accounts; ten blocks in which each sends one transfer to the next, signatures verified now.</summary>
    [GlobalSetup(Targets = [nameof(ApplyTransferBlocks), nameof(CreateTransferGenesisOnly)])]
    public void SetupTransfers()
    {
        var accounts = Enumerable.Range(0, TransferAccounts)
            .Select(i => new GenesisAccount(Key(i).Address, new Dictionary<string, ulong> { ["ASY"] = 1_000_000_000_000 })).ToList();
        _transferGenesis = new GenesisConfig(MixTime, new ProtocolParameters(), accounts, []);
        var keys = Enumerable.Range(0, TransferAccounts).Select(Key).ToArray();
        _transferBlocks = Enumerable.Range(0, TransferBlocks).Select(b => keys
            .Select((k, i) => SignedTransaction.Sign(k, (ulong)b, new TransferBody(keys[(i + 1) % TransferAccounts].Address, "ASY", (ulong)(1 + b))))
            .ToArray()).ToList();
        foreach (var tx in _transferBlocks.SelectMany(b => b))
        {
            Require(tx.VerifySignature(), "a transfer signature");
        }

        var check = SettlementLedger.Create(_transferGenesis);
        ApplyTransfers(check, requireAccepted: true);
    }

    [Benchmark(OperationsPerInvoke = TransferOps, Description = "10 blocks of 1 000 transfers, per tx (incl. genesis create)")]
    public Hash256 ApplyTransferBlocks()
    {
        var ledger = SettlementLedger.Create(_transferGenesis);
        ApplyTransfers(ledger, requireAccepted: false);
        return ledger.Head.StateRoot;
    }

    [Benchmark(OperationsPerInvoke = TransferOps, Description = "genesis create only (subtract from the transfer row)")]
    public Hash256 CreateTransferGenesisOnly() => SettlementLedger.Create(_transferGenesis).Head.StateRoot;

    /// <summary>2 000 accounts, 64 nodes, 1 000 one-replica PriceBook tasks submitted and allocated (snapshot), then a block of 2 000 transfers + 1 000 commits and a block of 2 000 transfers + 1 000 fully verified reveals.</summary>
    [GlobalSetup(Targets = [nameof(ApplyMixBlocks), nameof(RestoreMixSnapshotOnly)])]
    public void SetupMix()
    {
        var caps = NodeCapabilities.TryCreate(["analytic"], 8, 16_384, out _)!;
        var accounts = Enumerable.Range(0, MixAccounts)
            .Select(i => new GenesisAccount(Key(i).Address, new Dictionary<string, ulong> { ["ASY"] = 1_000_000_000_000 })).ToList();
        var nodes = Enumerable.Range(10_000, MixNodes).Select(i => new GenesisNode(Key(i).Address, 10_000_000, caps)).ToList();
        var ledger = SettlementLedger.Create(new GenesisConfig(MixTime, new ProtocolParameters(), accounts, nodes));
        var specs = Enumerable.Range(0, MixTasks).Select(i => Spec((ulong)i)).ToArray();
        Apply(ledger, [.. specs.Select((spec, i) => SignedTransaction.Sign(Key(i), 0, new SubmitTaskBody(spec)))], 1);
        Apply(ledger, [], 2);
        _mixSnapshot = LedgerSnapshot.Encode(ledger);

        var nodeKeys = Enumerable.Range(10_000, MixNodes).Select(Key).ToDictionary(k => k.Address);
        var work = specs.Select(spec =>
        {
            var key = nodeKeys[ledger.State.GetTask(spec.TaskId)!.Assignments.Single().Node];
            var nodeSpec = TaskRules.SpecFor(spec, key.Address);
            var run = TaskRunner.Run(nodeSpec, key.Address.ToArray(), maxDegreeOfParallelism: 1);
            var salt = new CommitSalt(spec.TaskId.ToArray());
            return (Spec: spec, NodeSpec: nodeSpec, Key: key, Run: run, Salt: salt);
        }).ToArray();
        var nonces = nodeKeys.Keys.ToDictionary(a => a, _ => 0UL);
        SignedTransaction NodeTx(SigningKey key, TransactionBody body) => SignedTransaction.Sign(key, nonces[key.Address]++, body);
        _commitBlock = [.. Transfers(1), .. work.Select(w => NodeTx(w.Key, new CommitBody(w.Spec.TaskId, Commitment.Create(w.Spec.TaskId, w.Key.Address, w.Run.Result.Root.Digest(), w.Salt))))];
        Apply(ledger, _commitBlock, 3);

        // The reveal window opens in block 4 with the commit block's beacon as every task's challenge seed.
        var seed = ledger.Head.Beacon.ToArray();
        _revealBlock = [.. Transfers(2), .. work.Select(w => NodeTx(w.Key, new RevealBody(w.Spec.TaskId, w.Run.Result, w.Salt, TaskRunner.Prove(w.NodeSpec, w.Run.Tree, seed).Encode())))];
        Apply(ledger, _revealBlock, 4);
        Require(ledger.State.Tasks.All(t => t.Phase == TaskPhase.Agreed), "every task agreed after the reveal block");
        foreach (var tx in _commitBlock.Concat(_revealBlock))
        {
            Require(tx.VerifySignature(), "a mix signature");
        }
    }

    [Benchmark(OperationsPerInvoke = MixOps, Description = "mix: 4 000 transfers + 1 000 commits + 1 000 reveals, per tx (incl. snapshot restore)")]
    public Hash256 ApplyMixBlocks()
    {
        var ledger = LedgerSnapshot.Restore(_mixSnapshot);
        ledger.ApplyBlock(MixTime + 3_000, _commitBlock);
        ledger.ApplyBlock(MixTime + 4_000, _revealBlock);
        return ledger.Head.StateRoot;
    }

    [Benchmark(OperationsPerInvoke = MixOps, Description = "snapshot restore only (subtract from the mix row)")]
    public Hash256 RestoreMixSnapshotOnly() => LedgerSnapshot.Restore(_mixSnapshot).Head.StateRoot;

    private static SigningKey Key(int i)
    {
        var scalar = new byte[32];
        scalar[0] = 0x22;
        scalar[29] = (byte)(i >> 16);
        scalar[30] = (byte)(i >> 8);
        scalar[31] = (byte)(i + 1);
        return SigningKey.FromPrivateScalar(scalar);
    }

    private static TaskSpec Spec(ulong seed)
    {
        var book = new PriceBookInputs([
            new PriceBookPosition(new BlackScholesParameters(OptionType.Call, 100.0, 95.0, 0.5, 0.03, 0.01, 0.2), 1.0),
            new PriceBookPosition(new BlackScholesParameters(OptionType.Put, 100.0, 105.0, 0.75, 0.03, 0.01, 0.25), 2.0)]);
        var policy = new VerificationPolicy(1, 1, new SpotCheckPolicy(1, 1, PriceBookKind.GrossValueLane), 0.0, 2, 1000);
        return new TaskSpec(TaskKindIds.PriceBook, EngineVersion.Current, CanonicalEncoding.Encode(book), 2, seed, policy, 1_000, MixTime + 3_600_000);
    }

    /// <summary>Each of the 2 000 accounts sends one transfer of <paramref name="round"/> minor units (accounts below 1 000 used nonce 0 to submit a task).</summary>
    private static IEnumerable<SignedTransaction> Transfers(int round) => Enumerable.Range(0, MixAccounts).Select(i =>
        SignedTransaction.Sign(Key(i), (ulong)(i < MixTasks ? round : round - 1), new TransferBody(Key((i + 1) % MixAccounts).Address, "ASY", (ulong)round)));

    private static void Apply(SettlementLedger ledger, SignedTransaction[] txs, int height)
    {
        var block = ledger.ApplyBlock(MixTime + (1_000 * height), txs);
        Require(block.Outcomes.All(o => o.Result.IsAccepted), $"every transaction of setup block {height} accepted: {block.Outcomes.FirstOrDefault(o => !o.Result.IsAccepted)?.Result}");
    }

    private void ApplyTransfers(SettlementLedger ledger, bool requireAccepted)
    {
        for (var b = 0; b < _transferBlocks.Count; b++)
        {
            var block = ledger.ApplyBlock(MixTime + (1_000 * (b + 1)), _transferBlocks[b]);
            if (requireAccepted)
            {
                Require(block.Outcomes.All(o => o.Result.IsAccepted), "every transfer accepted");
            }
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup broken: {what}.");
        }
    }
}
