using Assay.Ledger.Blocks;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Storage.Chain;

/// <summary>Restore and replay of a stored chain.</summary>
public sealed partial class LedgerChain
{
    /// <summary>Re-executes the stored chain from block 0's genesis state (<paramref name="fromGenesis"/>) or from the latest valid snapshot, and reports the first height whose stored block differs from its replay.</summary>
    /// <param name="store">The store to read.</param>
    /// <param name="options">The beacon and task kinds the chain was built with.</param>
    /// <param name="fromGenesis">Replay every block (true) or only those after the latest snapshot whose root verifies (false).</param>
    /// <param name="progress">Receives each height as it is checked (may be null).</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="LedgerChainException">The store is empty, or its block 0 is not a valid genesis snapshot.</exception>
    public static async Task<ChainReplayReport> ReplayAsync(
        IBlockStore store, LedgerChainOptions options, bool fromGenesis, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        options.Validate();
        var head = await store.GetHeadAsync(ct).ConfigureAwait(false)
            ?? throw new LedgerChainException("store: it holds no block; nothing to replay.");
        var (ledger, from) = fromGenesis
            ? (await RestoreGenesisAsync(store, options, ct).ConfigureAwait(false), 0L)
            : await RestoreLatestAsync(store, head.Height, options, ct).ConfigureAwait(false);
        return await ReplayAfterAsync(store, ledger, from, head.Height, progress, ct).ConfigureAwait(false);
    }

    private static async Task<SettlementLedger> RestoreGenesisAsync(IBlockStore store, LedgerChainOptions options, CancellationToken ct)
    {
        var block0 = await store.GetBlockAsync(0, ct).ConfigureAwait(false)
            ?? throw new LedgerChainException(0, "Block 0: missing; the store holds no genesis.");
        var restored = TryRestore(block0.Encoded, block0, block0.Hash, options, out var error)
            ?? throw new LedgerChainException(0, $"Block 0: the genesis snapshot is invalid: {error}");
        return restored;
    }

    private static async Task<(SettlementLedger Ledger, long Height)> RestoreLatestAsync(IBlockStore store, long headHeight, LedgerChainOptions options, CancellationToken ct)
    {
        var genesisHash = (await store.GetBlockAsync(0, ct).ConfigureAwait(false))?.Hash;
        var below = headHeight;
        while (below > 0 && await store.GetLatestSnapshotAsync(below, ct).ConfigureAwait(false) is { } snapshot)
        {
            if (snapshot.Height > 0 && await store.GetBlockAsync(snapshot.Height, ct).ConfigureAwait(false) is { } block
                && TryRestore(snapshot.Encoded, block, genesisHash, options, out _) is { } ledger)
            {
                return (ledger, snapshot.Height);
            }

            below = snapshot.Height - 1;
        }

        return (await RestoreGenesisAsync(store, options, ct).ConfigureAwait(false), 0);
    }

    /// <summary>Restores a snapshot and checks that its head is the stored block (hash, parent, root); null with the reason otherwise.</summary>
    private static SettlementLedger? TryRestore(ReadOnlyMemory<byte> encoded, StoredBlock block, Hash256? genesisHash, LedgerChainOptions options, out string error)
    {
        try
        {
            var ledger = LedgerSnapshot.Restore(encoded.Span, options.Beacon, options.Registry);
            var head = ledger.Head;
            if ((long)head.Height != block.Height || head.Hash != block.Hash || head.StateRoot != block.StateRoot)
            {
                error = $"its head (height {head.Height}, hash {head.Hash}) is not the stored block {block.Height} (hash {block.Hash}).";
                return null;
            }

            if (genesisHash is { } expected && ledger.GenesisHeader.Hash != expected)
            {
                error = $"its genesis header hash {ledger.GenesisHeader.Hash} is not block 0's {expected}.";
                return null;
            }

            error = string.Empty;
            return ledger;
        }
        catch (Exception e) when (e is CanonicalFormatException or LedgerSnapshotException)
        {
            error = e.Message;
            return null;
        }
    }

    private static async Task<ChainReplayReport> ReplayAfterAsync(
        IBlockStore store, SettlementLedger ledger, long from, long headHeight, IProgress<long>? progress, CancellationToken ct)
    {
        long checkedCount = 0, txCount = 0, height = from;
        try
        {
            await foreach (var stored in store.ReadRangeAsync(from + 1, headHeight, ct).ConfigureAwait(false))
            {
                height = stored.Height;
                checkedCount++;
                var lastMatchingRoot = ledger.Head.StateRoot;
                var mismatch = ApplyAndCompare(ledger, stored, ref txCount);
                if (mismatch is not null)
                {
                    return new ChainReplayReport(from, headHeight, checkedCount, txCount, stored.Height, mismatch, lastMatchingRoot);
                }

                progress?.Report(stored.Height);
            }
        }
        catch (BlockStoreCorruptionException e)
        {
            return new ChainReplayReport(from, headHeight, checkedCount + 1, txCount, e.Height, $"encoded: {e.Message}", ledger.Head.StateRoot);
        }

        if (height != headHeight)
        {
            return new ChainReplayReport(from, headHeight, checkedCount, txCount, height + 1, "height: the store ends before its head.", ledger.Head.StateRoot);
        }

        return new ChainReplayReport(from, headHeight, checkedCount, txCount, null, "all blocks match", ledger.Head.StateRoot);
    }

    /// <summary>Decodes, checks the stored columns, re-executes and compares one block; null when it matches, else the field and both values.</summary>
    private static string? ApplyAndCompare(SettlementLedger ledger, StoredBlock stored, ref long txCount)
    {
        Block claimed;
        try
        {
            claimed = CanonicalEncoding.Decode<Block>(stored.Encoded.Span);
        }
        catch (CanonicalFormatException e)
        {
            return $"encoded: the stored bytes are not a canonical block ({e.Message}).";
        }

        var header = claimed.Header;
        var expectedHeight = ledger.Head.Height + 1;
        if ((long)header.Height != stored.Height || header.Height != expectedHeight || header.ParentHash != ledger.Head.Hash || stored.ParentHash != header.ParentHash)
        {
            return $"height/parent_hash: the block claims {header.Height} on {header.ParentHash}; the replay expects {expectedHeight} on {ledger.Head.Hash}.";
        }

        if (stored.Hash != header.Hash || stored.StateRoot != header.StateRoot)
        {
            return $"hash/state_root: the store's columns ({stored.Hash}, {stored.StateRoot}) differ from the encoded header ({header.Hash}, {header.StateRoot}).";
        }

        Block replayed;
        try
        {
            replayed = ledger.ApplyBlock(header.TimestampUnixMs, claimed.Transactions);
        }
        catch (ArgumentOutOfRangeException e)
        {
            return e.Message;
        }

        txCount += claimed.Transactions.Count;
        var mine = replayed.Header;
        return mine.StateRoot != header.StateRoot ? $"state_root: replay computed {mine.StateRoot}, the block says {header.StateRoot}."
            : mine.TransactionRoot != header.TransactionRoot ? $"tx_root: replay computed {mine.TransactionRoot}, the block says {header.TransactionRoot}."
            : mine.OutcomesRoot != header.OutcomesRoot ? $"outcomes_root: replay computed {mine.OutcomesRoot}, the block says {header.OutcomesRoot}."
            : mine.Beacon != header.Beacon ? $"beacon: replay computed {mine.Beacon}, the block says {header.Beacon}."
            : mine.Hash != header.Hash ? $"block_hash: replay computed {mine.Hash}, the block says {header.Hash}."
            : null;
    }
}
