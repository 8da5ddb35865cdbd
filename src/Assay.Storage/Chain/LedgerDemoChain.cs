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

namespace Assay.Storage.Chain;

/// <summary>Writes a small demonstration chain: funded accounts, analytic nodes, seeded transfers (some overdrawn) and PriceBook tasks run to finality by in-process honest nodes.</summary>
/// <remarks>
/// For demos and tests only: the keys are derived from fixed public scalars. The block contents are a function of the
/// seed, but the bytes are not, because P-256 signatures are randomised (so transaction hashes and roots differ between
/// runs). Every sixth block submits a 4-position PriceBook task (replication 3, quorum 2); nodes commit as soon as
/// assigned and reveal as soon as their reveal window opens, computing with <see cref="TaskRunner"/>.
/// </remarks>
public sealed class LedgerDemoChain
{
    /// <summary>Funded accounts in the genesis.</summary>
    public const int AccountCount = 6;

    /// <summary>Nodes in the genesis (capability <c>analytic</c>, stake 10^7).</summary>
    public const int NodeCount = 4;

    /// <summary>Most blocks one call writes.</summary>
    public const int MaxBlocks = 10_000;

    /// <summary>Genesis time, Unix ms; blocks follow one second apart.</summary>
    public const long GenesisTimeUnixMs = 1_790_000_000_000;

    private const string Native = "ASY";
    private readonly Dictionary<(Hash256 Task, Address Node), (TaskRun Run, CommitSalt Salt)> _work = [];
    private readonly Random _rng;

    /// <summary>Creates a driver whose transfers follow <paramref name="seed"/>.</summary>
    public LedgerDemoChain(int seed) => _rng = new Random(seed);

    /// <summary>The demo key of account <paramref name="index"/> (0 … <see cref="AccountCount"/> − 1 are funded; 100 … 100 + <see cref="NodeCount"/> − 1 are the nodes).</summary>
    public static SigningKey Key(int index)
    {
        var scalar = new byte[32];
        scalar[0] = 0x11;
        scalar[30] = (byte)(index >> 8);
        scalar[31] = (byte)(index + 1);
        return SigningKey.FromPrivateScalar(scalar);
    }

    /// <summary>The demo genesis: <see cref="AccountCount"/> accounts with 10^12 ASY and <see cref="NodeCount"/> analytic nodes.</summary>
    public static GenesisConfig Genesis()
    {
        var parameters = new ProtocolParameters
        {
            MinStakeMinorUnits = 1_000_000, CommitWindowBlocks = 3, RevealWindowBlocks = 3, MinChallengeWindowBlocks = 2, UnbondingPeriodBlocks = 4,
        };
        var accounts = Enumerable.Range(0, AccountCount)
            .Select(i => new GenesisAccount(Key(i).Address, new Dictionary<string, ulong> { [Native] = 1_000_000_000_000 })).ToList();
        var caps = NodeCapabilities.TryCreate(["analytic"], 8, 16_384, out _)!;
        var nodes = Enumerable.Range(100, NodeCount).Select(i => new GenesisNode(Key(i).Address, 10_000_000, caps)).ToList();
        return new GenesisConfig(GenesisTimeUnixMs, parameters, accounts, nodes);
    }

    /// <summary>Creates a chain in the empty <paramref name="store"/> and appends <paramref name="blocks"/> demo blocks.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blocks"/> is outside 0 … <see cref="MaxBlocks"/> (field <c>blocks</c>).</exception>
    /// <exception cref="LedgerChainException">The store already holds blocks.</exception>
    public static async Task<LedgerChain> WriteAsync(
        IBlockStore store, int blocks, int seed, LedgerChainOptions options, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        if (blocks is < 0 or > MaxBlocks)
        {
            throw new ArgumentOutOfRangeException(nameof(blocks), blocks, $"blocks: must be 0 … {MaxBlocks}.");
        }

        var chain = await LedgerChain.CreateAsync(store, Genesis(), options, ct).ConfigureAwait(false);
        var driver = new LedgerDemoChain(seed);
        for (var i = 0; i < blocks; i++)
        {
            var ledger = chain.Ledger;
            var block = await chain.AppendBlockAsync(ledger.Head.TimestampUnixMs + 1_000, driver.NextBlock(ledger), ct).ConfigureAwait(false);
            progress?.Report((long)block.Header.Height);
        }

        return chain;
    }

    /// <summary>The 4-position PriceBook spec submitted at <paramref name="height"/> (the height is its seed, so ids differ).</summary>
    public static TaskSpec PriceBookSpec(ulong height)
    {
        var positions = Enumerable.Range(0, 4).Select(i => new PriceBookPosition(
            new BlackScholesParameters(i % 2 == 0 ? OptionType.Call : OptionType.Put, 100.0, 90.0 + i, 0.5, 0.03, 0.01, 0.2 + (0.01 * i)), 1.0 + i)).ToArray();
        var policy = new VerificationPolicy(3, 2, new SpotCheckPolicy(2, 1, PriceBookKind.GrossValueLane), 0.0, 2, 1000);
        return new TaskSpec(TaskKindIds.PriceBook, EngineVersion.Current, CanonicalEncoding.Encode(new PriceBookInputs(positions)), positions.Length, height, policy, 9_000_000, GenesisTimeUnixMs + 3_600_000);
    }

    /// <summary>The next block's transactions for the ledger's head: three transfers, a task every sixth block, and every due commit and reveal.</summary>
    public List<SignedTransaction> NextBlock(SettlementLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var state = ledger.State;
        var height = ledger.Head.Height + 1;
        var txs = new List<SignedTransaction>();
        var sent = new Dictionary<Address, ulong>();
        SignedTransaction Sign(SigningKey key, TransactionBody body)
        {
            var nonce = (state.GetAccount(key.Address)?.Nonce ?? 0) + sent.GetValueOrDefault(key.Address);
            sent[key.Address] = sent.GetValueOrDefault(key.Address) + 1;
            return SignedTransaction.Sign(key, nonce, body);
        }

        for (var i = 0; i < 3; i++)
        {
            var from = _rng.Next(AccountCount);
            var to = (from + 1 + _rng.Next(AccountCount - 1)) % AccountCount;
            var amount = _rng.Next(10) == 0 ? 5_000_000_000_000UL : (ulong)_rng.Next(1, 1_000_000);
            txs.Add(Sign(Key(from), new TransferBody(Key(to).Address, Native, amount)));
        }

        if (height % 6 == 1)
        {
            txs.Add(Sign(Key((int)(height % 3)), new SubmitTaskBody(PriceBookSpec(height))));
        }

        foreach (var id in state.OpenTaskIds)
        {
            var spec = state.GetSpec(id)!;
            foreach (var a in state.GetTask(id)!.Assignments)
            {
                var key = Enumerable.Range(100, NodeCount).Select(Key).First(k => k.Address == a.Node);
                if (a.Status == AssignmentStatus.Assigned)
                {
                    var (run, salt) = Work(spec, key);
                    txs.Add(Sign(key, new CommitBody(id, Commitment.Create(id, key.Address, run.Result.Root.Digest(), salt))));
                }
                else if (a.Status == AssignmentStatus.Committed && a.ChallengeSeed != Hash256.Zero)
                {
                    var (run, salt) = Work(spec, key);
                    var proof = TaskRunner.Prove(TaskRules.SpecFor(spec, key.Address), run.Tree, a.ChallengeSeed.ToArray()).Encode();
                    txs.Add(Sign(key, new RevealBody(id, run.Result, salt, proof)));
                }
            }
        }

        return txs;
    }

    private (TaskRun Run, CommitSalt Salt) Work(TaskSpec spec, SigningKey key)
    {
        if (!_work.TryGetValue((spec.TaskId, key.Address), out var work))
        {
            var run = TaskRunner.Run(TaskRules.SpecFor(spec, key.Address), key.Address.ToArray(), maxDegreeOfParallelism: 1);
            var salt = spec.TaskId.ToArray();
            salt[31] ^= key.Address.ToArray()[0];
            work = (run, new CommitSalt(salt));
            _work[(spec.TaskId, key.Address)] = work;
        }

        return work;
    }
}
