using Assay.Ledger.Blocks;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Simulation;

/// <summary>The simulated sequencer: a mempool ordered by sender nonce, a ledger it applies blocks to, and a block list it can rebuild from after a crash.</summary>
internal sealed class Sequencer
{
    /// <summary>Most transactions the sequencer puts in one block.</summary>
    public const int MaxTransactionsPerBlock = 1_024;

    private readonly GenesisConfig _genesis;
    private readonly List<Block> _blocks = [];
    private readonly SortedDictionary<string, SortedDictionary<ulong, SignedTransaction>> _mempool = new(StringComparer.Ordinal);
    private readonly Dictionary<(Address Sender, Hash256 TaskId), Hash256> _commitmentsSeen = [];
    private readonly Dictionary<Address, int> _equivocations = [];
    private SettlementLedger? _ledger;

    public Sequencer(GenesisConfig genesis)
    {
        _genesis = genesis;
        _ledger = SettlementLedger.Create(genesis);
        Genesis = _ledger.GenesisHeader;
    }

    public BlockHeader Genesis { get; }

    public bool IsUp => _ledger is not null;

    public IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>Per sender, how often it signed two different commitments for one task (evidence the mempool sees, whichever lands).</summary>
    public IReadOnlyDictionary<Address, int> Equivocations => _equivocations;

    /// <summary>The live ledger (the sequencer must be up).</summary>
    public SettlementLedger Ledger => _ledger ?? throw new InvalidOperationException("The sequencer is down.");

    /// <summary>Adds a transaction to the mempool; a later one with the same sender and nonce replaces it, a stale one is dropped.</summary>
    public void Receive(SignedTransaction tx)
    {
        if (tx.Body is CommitBody commit)
        {
            var key0 = (tx.Sender, commit.TaskId);
            if (_commitmentsSeen.TryGetValue(key0, out var seen) && seen != commit.Commitment.Value)
            {
                _equivocations[tx.Sender] = _equivocations.GetValueOrDefault(tx.Sender) + 1;
            }

            _commitmentsSeen[key0] = commit.Commitment.Value;
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
        var ledger = Ledger;
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

        var block = ledger.ApplyBlock(timestampUnixMs, txs);
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

    /// <summary>Loses the mempool and the in-memory ledger.</summary>
    public void Crash()
    {
        _ledger = null;
        _mempool.Clear();
        _commitmentsSeen.Clear();
    }

    /// <summary>Rebuilds the ledger from genesis by re-applying the block list; null when every rebuilt header matches the logged one, else the first difference.</summary>
    public string? Restart()
    {
        var ledger = SettlementLedger.Create(_genesis);
        string? mismatch = null;
        foreach (var block in _blocks)
        {
            var rebuilt = ledger.ApplyBlock(block.Header.TimestampUnixMs, block.Transactions);
            if (mismatch is null && rebuilt.Header.Hash != block.Header.Hash)
            {
                mismatch = $"block {block.Header.Height}: rebuilt state root {rebuilt.Header.StateRoot}, logged {block.Header.StateRoot}";
            }
        }

        _ledger = ledger;
        return mismatch;
    }
}
