using Assay.Ledger.Blocks;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Storage.Chain;

/// <summary>A settlement ledger bound to a block store: every applied block is appended durably, a snapshot is stored every N blocks, and opening restores the latest valid snapshot and replays the blocks after it.</summary>
/// <remarks>
/// <para>Layout in the store: block 0 is the genesis, stored as <see cref="StoredBlock"/>(0, genesis header hash, zero
/// parent, genesis state root, <see cref="LedgerSnapshot"/> of the genesis state) — the store is self-contained and needs
/// no genesis file. Block h ≥ 1 holds the canonical <see cref="Block"/> encoding (header, transactions, outcomes).
/// Snapshots hold <see cref="LedgerSnapshot"/> bytes at heights that are multiples of the interval.</para>
/// <para>One writer: the ledger is in memory and the store follows it. If an append fails, the in-memory ledger is
/// ahead of the store, so the instance refuses further blocks (<see cref="IsFaulted"/>); reopen to continue.</para>
/// </remarks>
public sealed partial class LedgerChain
{
    private readonly IBlockStore _store;
    private readonly LedgerChainOptions _options;

    private LedgerChain(IBlockStore store, SettlementLedger ledger, LedgerChainOptions options, long restoredFromHeight)
    {
        _store = store;
        Ledger = ledger;
        _options = options;
        RestoredFromHeight = restoredFromHeight;
    }

    /// <summary>The ledger at the store's head.</summary>
    public SettlementLedger Ledger { get; }

    /// <summary>Height of the snapshot the ledger was restored from when opened (0: the genesis in block 0).</summary>
    public long RestoredFromHeight { get; }

    /// <summary>Whether a failed append left the in-memory ledger ahead of the store (the instance then refuses blocks).</summary>
    public bool IsFaulted { get; private set; }

    /// <summary>Starts a chain in an empty store: builds the genesis ledger and stores it as block 0 (and as the snapshot at 0).</summary>
    /// <exception cref="LedgerChainException">The store already holds blocks.</exception>
    /// <exception cref="GenesisException">The genesis is invalid.</exception>
    public static async Task<LedgerChain> CreateAsync(IBlockStore store, GenesisConfig genesis, LedgerChainOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(genesis);
        options.Validate();
        if (await store.GetHeadAsync(ct).ConfigureAwait(false) is { } head)
        {
            throw new LedgerChainException(head.Height, $"store: it already holds blocks 0 … {head.Height}; open it instead of creating a chain.");
        }

        var ledger = SettlementLedger.Create(genesis, options.Beacon, options.Registry);
        var encoded = LedgerSnapshot.Encode(ledger);
        var header = ledger.Head;
        await store.AppendAsync(new StoredBlock(0, header.Hash, Hash256.Zero, header.StateRoot, encoded), ct).ConfigureAwait(false);
        await store.PutSnapshotAsync(new StoredSnapshot(0, header.StateRoot, encoded), ct).ConfigureAwait(false);
        return new LedgerChain(store, ledger, options, 0);
    }

    /// <summary>Opens a stored chain: restores the latest snapshot whose root verifies (falling back to older ones, then to block 0) and replays the stored blocks after it.</summary>
    /// <exception cref="LedgerChainException">The store is empty, or a stored block after the snapshot does not replay to its stored header (its height is in <see cref="LedgerChainException.Height"/>).</exception>
    public static async Task<LedgerChain> OpenAsync(IBlockStore store, LedgerChainOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        options.Validate();
        var head = await store.GetHeadAsync(ct).ConfigureAwait(false)
            ?? throw new LedgerChainException("store: it holds no block; create a chain first.");
        var (ledger, from) = await RestoreLatestAsync(store, head.Height, options, ct).ConfigureAwait(false);
        var report = await ReplayAfterAsync(store, ledger, from, head.Height, null, ct).ConfigureAwait(false);
        if (!report.AllMatch)
        {
            throw new LedgerChainException(report.FirstMismatchHeight!.Value, $"Block {report.FirstMismatchHeight}: {report.Detail}");
        }

        return new LedgerChain(store, ledger, options, from);
    }

    /// <summary>Applies a block to the ledger, appends it to the store (durable when this returns), and stores a snapshot when its height is a multiple of the interval.</summary>
    /// <exception cref="InvalidOperationException">An earlier append failed (<see cref="IsFaulted"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timestamp is below the parent's, or too many transactions (nothing applied, nothing stored).</exception>
    public async Task<Block> AppendBlockAsync(long timestampUnixMs, IReadOnlyList<SignedTransaction> transactions, CancellationToken ct = default)
    {
        if (IsFaulted)
        {
            throw new InvalidOperationException("An earlier append failed after the block was applied in memory; reopen the chain from the store.");
        }

        var block = Ledger.ApplyBlock(timestampUnixMs, transactions);
        try
        {
            await _store.AppendAsync(ToStoredBlock(block), ct).ConfigureAwait(false);
        }
        catch
        {
            IsFaulted = true;
            throw;
        }

        var height = (long)block.Header.Height;
        if (height % _options.SnapshotIntervalBlocks == 0)
        {
            await _store.PutSnapshotAsync(new StoredSnapshot(height, block.Header.StateRoot, LedgerSnapshot.Encode(Ledger)), ct).ConfigureAwait(false);
        }

        return block;
    }

    /// <summary>The store row of a block: height, hash, parent hash, state root and the canonical block bytes.</summary>
    public static StoredBlock ToStoredBlock(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var header = block.Header;
        return new StoredBlock((long)header.Height, header.Hash, header.ParentHash, header.StateRoot, CanonicalEncoding.Encode(block));
    }

    /// <summary>Reads and decodes the block at <paramref name="height"/> (block 0 is the genesis header with no transactions), or null above the head.</summary>
    /// <exception cref="CanonicalFormatException">The stored bytes do not decode.</exception>
    public static async Task<Block?> ReadBlockAsync(IBlockStore store, long height, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.GetBlockAsync(height, ct).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        return height == 0
            ? new Block(LedgerSnapshot.ReadHead(stored.Encoded.Span), [], [])
            : CanonicalEncoding.Decode<Block>(stored.Encoded.Span);
    }
}
