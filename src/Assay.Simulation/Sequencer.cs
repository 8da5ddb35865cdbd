using Assay.Ledger.Blocks;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;
using Assay.Storage.Chain;
using Assay.Storage.Sqlite;

namespace Assay.Simulation;

/// <summary>The simulated sequencer: a mempool ordered by sender nonce, and a <see cref="LedgerChain"/> over a SQLite block store that it restarts from after a crash.</summary>
/// <remarks>
/// <para>Every block is appended to the store (a snapshot every <see cref="SimulationOptions.SnapshotIntervalBlocks"/>
/// blocks); a crash loses the mempool and the in-memory ledger, and a restart opens the store with
/// <see cref="LedgerChain.OpenAsync"/> (latest snapshot, then replay of the blocks after it). The async storage API is
/// called synchronously: the simulation stays on one thread, and nothing the store does feeds back into the run's
/// choices, so a seed still reproduces its head hash exactly.</para>
/// <para>The block list kept in memory is the sequencer's log of what it produced (the tallies and the lazy nodes read
/// it); the restart never reads it, only compares its last header with the restored head.</para>
/// </remarks>
internal sealed class Sequencer : IDisposable
{
    /// <summary>Most transactions the sequencer puts in one block.</summary>
    public const int MaxTransactionsPerBlock = 1_024;

    private readonly string _storePath;
    private readonly LedgerChainOptions _chainOptions;
    private readonly List<Block> _blocks = [];
    private readonly SortedDictionary<string, SortedDictionary<ulong, SignedTransaction>> _mempool = new(StringComparer.Ordinal);
    private readonly Dictionary<(Address Sender, Hash256 TaskId), SignedTransaction> _commitmentsSeen = [];
    private readonly Dictionary<Address, int> _equivocations = [];
    private readonly List<EquivocationEvidenceBody> _evidence = [];
    private SqliteBlockStore? _store;
    private LedgerChain? _chain;
    private Hash256 _stateRootAtCrash;
    private SettlementLedger? _crashedLedger;

    /// <summary>Creates the chain's store at <paramref name="storePath"/> (a new file) and writes the genesis as block 0.</summary>
    public Sequencer(GenesisConfig genesis, string storePath, int snapshotIntervalBlocks)
    {
        _storePath = storePath;
        _chainOptions = new LedgerChainOptions(snapshotIntervalBlocks);
        _store = SqliteBlockStore.Open(storePath);
        try
        {
            _chain = LedgerChain.CreateAsync(_store, genesis, _chainOptions).GetAwaiter().GetResult();
        }
        catch
        {
            Dispose();
            throw;
        }

        Genesis = _chain.Ledger.GenesisHeader;
    }

    public BlockHeader Genesis { get; }

    public bool IsUp => _chain is not null;

    /// <summary>True when a restart found a store that does not replay; the sequencer then stays down.</summary>
    public bool HasFailed { get; private set; }

    /// <summary>The live ledger, or while down the one it held when it crashed (for reporting only).</summary>
    public SettlementLedger LastLedger => _chain?.Ledger ?? _crashedLedger ?? throw new InvalidOperationException("The sequencer never ran.");

    /// <summary>Height of the snapshot the last restart restored from (−1 before any restart).</summary>
    public long LastRestoredFromHeight { get; private set; } = -1;

    public IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>Per sender, how often it signed two different commitments for one task (evidence the mempool sees, whichever lands).</summary>
    public IReadOnlyDictionary<Address, int> Equivocations => _equivocations;

    /// <summary>Pairs of conflicting signed commitments the mempool has seen, in arrival order, for any actor to report as evidence.</summary>
    /// <remarks>The mempool is public: a watcher (here the requesters) reads it and sends an <see cref="EquivocationEvidenceBody"/>.</remarks>
    public IReadOnlyList<EquivocationEvidenceBody> Evidence => _evidence;

    /// <summary>The live ledger (the sequencer must be up).</summary>
    public SettlementLedger Ledger => _chain?.Ledger ?? throw new InvalidOperationException("The sequencer is down.");

    /// <summary>Adds a transaction to the mempool; a later one with the same sender and nonce replaces it, a stale one is dropped.</summary>
    public void Receive(SignedTransaction tx)
    {
        if (tx.Body is CommitBody commit)
        {
            var key0 = (tx.Sender, commit.TaskId);
            if (_commitmentsSeen.TryGetValue(key0, out var seen) && ((CommitBody)seen.Body).Commitment.Value != commit.Commitment.Value)
            {
                _equivocations[tx.Sender] = _equivocations.GetValueOrDefault(tx.Sender) + 1;
                _evidence.Add(new EquivocationEvidenceBody(seen, tx));
            }

            _commitmentsSeen[key0] = tx;
        }

        var account = Ledger.State.GetAccount(tx.Sender);
        if (tx.Nonce < (account?.Nonce ?? 0))
        {
            return;
        }

        var key = tx.Sender.ToString();
        if (!_mempool.TryGetValue(key, out var bySender))
        {
            bySender = [];
            _mempool[key] = bySender;
        }

        bySender[tx.Nonce] = tx;
    }

    /// <summary>Builds a block of each sender's transactions with consecutive nonces from its ledger nonce (senders by address), applies it and clears what it included.</summary>
    public Block ProduceBlock(long timestampUnixMs)
    {
        var chain = _chain ?? throw new InvalidOperationException("The sequencer is down.");
        var ledger = chain.Ledger;
        var txs = new List<SignedTransaction>();
        foreach (var (_, bySender) in _mempool)
        {
            if (bySender.Count == 0)
            {
                continue;
            }

            var sender = bySender.First().Value.Sender;
            var nonce = ledger.State.GetAccount(sender)?.Nonce ?? 0;
            while (txs.Count < MaxTransactionsPerBlock && bySender.TryGetValue(nonce, out var tx))
            {
                txs.Add(tx);
                bySender.Remove(nonce);
                nonce++;
            }
        }

        var block = chain.AppendBlockAsync(timestampUnixMs, txs).GetAwaiter().GetResult();
        _blocks.Add(block);
        foreach (var (_, bySender) in _mempool)
        {
            if (bySender.Count == 0)
            {
                continue;
            }

            var current = ledger.State.GetAccount(bySender.First().Value.Sender)?.Nonce ?? 0;
            foreach (var stale in bySender.Keys.Where(n => n < current).ToList())
            {
                bySender.Remove(stale);
            }
        }

        return block;
    }

    /// <summary>Loses the mempool and the in-memory ledger (the store is closed; what it holds survives).</summary>
    /// <remarks>The state root the ledger held is kept outside the sequencer, as the harness's record of what the restart must reach.</remarks>
    public void Crash()
    {
        _stateRootAtCrash = Ledger.State.ComputeRoot();
        _crashedLedger = Ledger;
        _chain = null;
        _store?.Dispose();
        _store = null;
        _mempool.Clear();
        _commitmentsSeen.Clear();
    }

    /// <summary>Reopens the store and restores the chain from it (latest snapshot plus replay); null when the restored head and state root equal the logged head and the pre-crash root, else what differs.</summary>
    public string? Restart()
    {
        _store = SqliteBlockStore.Open(_storePath);
        LedgerChain chain;
        try
        {
            chain = LedgerChain.OpenAsync(_store, _chainOptions).GetAwaiter().GetResult();
        }
        catch (LedgerChainException e)
        {
            // The store no longer replays to its own headers: the sequencer cannot come back, and the run ends.
            HasFailed = true;
            return $"the store does not reopen: {e.Message}";
        }

        _chain = chain;
        LastRestoredFromHeight = chain.RestoredFromHeight;
        var logged = _blocks.Count == 0 ? Genesis : _blocks[^1].Header;
        var head = chain.Ledger.Head;
        if (head.Hash != logged.Hash)
        {
            return $"restored head {head.Height} {head.Hash} (from the snapshot at {chain.RestoredFromHeight}), logged head {logged.Height} {logged.Hash}";
        }

        var root = chain.Ledger.State.ComputeRoot();
        return root == _stateRootAtCrash
            ? null
            : $"restored state root {root} at head {head.Height} (from the snapshot at {chain.RestoredFromHeight}), but the sequencer held {_stateRootAtCrash} when it crashed";
    }

    /// <summary>Replays the whole stored chain from its genesis block and compares every stored header (state roots included).</summary>
    public ChainReplayReport ReplayStore()
    {
        _store ??= SqliteBlockStore.Open(_storePath);
        return LedgerChain.ReplayAsync(_store, _chainOptions, fromGenesis: true).GetAwaiter().GetResult();
    }

    /// <summary>Closes the store and deletes its files.</summary>
    public void Dispose()
    {
        _chain = null;
        _store?.Dispose();
        _store = null;
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_storePath + suffix);
        }
    }
}
