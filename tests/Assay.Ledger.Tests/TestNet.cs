using Assay.Compute;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Ledger.Blocks;
using Assay.Ledger.Invariants;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Proofs.Canonical;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;
using Assay.Proofs.SpotCheck;

namespace Assay.Ledger.Tests;

/// <summary>A ledger driven block by block with deterministic keys, a fake clock, and the conservation check after every block.</summary>
internal sealed class TestNet
{
    public const string Native = "ASY";
    public const long GenesisTime = 1_790_000_000_000;
    public const long BlockMs = 1_000;

    private readonly List<Block> _blocks = [];
    private readonly List<SignedTransaction> _pending = [];

    public TestNet(GenesisConfig genesis, IBeaconSource? beacon = null)
    {
        Genesis = genesis;
        Beacon = beacon;
        Ledger = SettlementLedger.Create(genesis, beacon);
        CheckConservation();
    }

    public GenesisConfig Genesis { get; }

    /// <summary>Printed in every conservation failure (randomized tests put their seed here).</summary>
    public string Label { get; set; } = string.Empty;

    public IBeaconSource? Beacon { get; }

    public SettlementLedger Ledger { get; }

    public LedgerState State => Ledger.State;

    public IReadOnlyList<Block> Blocks => _blocks;

    public long NextTime => Ledger.Head.TimestampUnixMs + BlockMs;

    public static SigningKey Key(int i)
    {
        var scalar = new byte[32];
        scalar[30] = (byte)(i >> 8);
        scalar[31] = (byte)(i + 1);
        scalar[0] = 0x11;
        return SigningKey.FromPrivateScalar(scalar);
    }

    public static ProtocolParameters Parameters => new()
    {
        MinStakeMinorUnits = 1_000_000,
        CommitWindowBlocks = 3,
        RevealWindowBlocks = 3,
        MinChallengeWindowBlocks = 2,
        UnbondingPeriodBlocks = 4,
    };

    /// <summary>Accounts 0 … accounts − 1 funded with 10^12 ASY; keys 100 … 100 + nodes − 1 registered as nodes with 10^7 stake.</summary>
    public static GenesisConfig MakeGenesis(int accounts, int nodes, string capability = "analytic", ProtocolParameters? parameters = null)
    {
        var list = Enumerable.Range(0, accounts)
            .Select(i => new GenesisAccount(Key(i).Address, new Dictionary<string, ulong> { [Native] = 1_000_000_000_000 })).ToList();
        var caps = NodeCapabilities.TryCreate([capability], 8, 16_384, out _)!;
        var nodeList = Enumerable.Range(100, nodes).Select(i => new GenesisNode(Key(i).Address, 10_000_000, caps)).ToList();
        return new GenesisConfig(GenesisTime, parameters ?? Parameters, list, nodeList);
    }

    /// <summary>Signs <paramref name="body"/> with the sender's next nonce, counting transactions already queued.</summary>
    public SignedTransaction Tx(SigningKey key, TransactionBody body)
    {
        var tx = Sign(key, body);
        _pending.Add(tx);
        return tx;
    }

    /// <summary>Signs with the next nonce (counting queued transactions) without queueing.</summary>
    public SignedTransaction Sign(SigningKey key, TransactionBody body, long nonceOffset = 0)
    {
        var nonce = (State.GetAccount(key.Address)?.Nonce ?? 0) + (ulong)_pending.Count(t => t.Sender == key.Address);
        return SignedTransaction.Sign(key, (ulong)((long)nonce + nonceOffset), body);
    }

    /// <summary>Applies the queued transactions (plus <paramref name="extra"/>) as the next block.</summary>
    public Block Commit(params SignedTransaction[] extra)
    {
        var txs = _pending.Concat(extra).ToList();
        _pending.Clear();
        var block = Ledger.ApplyBlock(NextTime, txs);
        _blocks.Add(block);
        CheckConservation();
        return block;
    }

    public void Discard() => _pending.Clear();

    /// <summary>A second ledger that replayed the same blocks (so it holds the same state).</summary>
    public TestNet Fork()
    {
        var fork = new TestNet(Genesis, Beacon);
        foreach (var block in _blocks)
        {
            fork._blocks.Add(fork.Ledger.ApplyBlock(block.Header.TimestampUnixMs, block.Transactions));
        }

        Assert.Equal(Ledger.Head.Hash, fork.Ledger.Head.Hash);
        return fork;
    }

    public void CheckConservation(string context = "")
    {
        var violations = ValueConservation.Violations(State);
        Assert.True(violations.Count == 0, $"{Label} {context} height {Ledger.Head.Height}: {string.Join("; ", violations)}");
    }

    public static PriceBookInputs Book(int positions)
    {
        var list = Enumerable.Range(0, positions).Select(i => new PriceBookPosition(
            new BlackScholesParameters(i % 2 == 0 ? OptionType.Call : OptionType.Put, 100.0, 80.0 + i, 0.5 + (0.01 * i), 0.03, 0.01, 0.2 + (0.001 * i)), 1.0 + i)).ToArray();
        return new PriceBookInputs(list);
    }

    public static TaskSpec PriceBookSpec(int positions = 8, int replication = 3, int quorum = 2, int uniform = 2, int mass = 1, ulong fee = 9_000_000, long deadline = GenesisTime + 3_600_000, ulong seed = 0)
    {
        var book = Book(positions);
        var policy = new VerificationPolicy(replication, quorum, new SpotCheckPolicy(uniform, mass, PriceBookKind.GrossValueLane), 0.0, 2, 1000);
        return new TaskSpec(TaskKindIds.PriceBook, EngineVersion.Current, CanonicalEncoding.Encode(book), positions, seed, policy, fee, deadline);
    }

    public static CommitSalt Salt(int i)
    {
        var bytes = new byte[32];
        bytes[0] = (byte)i;
        bytes[31] = 0x5a;
        return new CommitSalt(bytes);
    }

    public static byte[] SeedBytes(Hash256 seed) => seed.ToArray();

    public IReadOnlyList<Address> Assigned(Hash256 taskId) =>
        State.GetTask(taskId)!.Assignments.Where(a => a.Status == AssignmentStatus.Assigned).Select(a => a.Node).ToList();

    public Assignment AssignmentOf(Hash256 taskId, Address node)
    {
        var task = State.GetTask(taskId)!;
        return task.Assignments[task.IndexOf(node)];
    }
}
