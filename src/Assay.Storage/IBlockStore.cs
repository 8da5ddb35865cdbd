namespace Assay.Storage;

/// <summary>An append-only, durable chain of blocks plus state snapshots, with one writer and many concurrent readers.</summary>
/// <remarks>
/// Every write is one transaction and is durable when the returned task completes (fsync on commit); a refused write
/// (<see cref="BlockRejectedException"/>) writes nothing. Readers see only committed blocks. Implementations are safe to
/// call from several threads; writes are serialised.
/// </remarks>
public interface IBlockStore : IDisposable
{
    /// <summary>Returns the block with the greatest height, or null when the store is empty.</summary>
    Task<StoredBlock?> GetHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends one block on top of the head, durably.</summary>
    /// <exception cref="BlockRejectedException">The height is not head + 1 (0 for an empty store), the parent hash is not the head's hash, or the encoding is too large.</exception>
    Task AppendAsync(StoredBlock block, CancellationToken cancellationToken = default);

    /// <summary>Appends consecutive blocks on top of the head in one transaction: all of them or none.</summary>
    /// <remarks>At most <see cref="BlockStoreLimits.MaxBlocksPerAppend"/> blocks; an empty list is a no-op.</remarks>
    /// <exception cref="BlockRejectedException">Some block breaks the chain rules of <see cref="AppendAsync"/>; nothing is written.</exception>
    Task AppendRangeAsync(IReadOnlyList<StoredBlock> blocks, CancellationToken cancellationToken = default);

    /// <summary>Returns the block at <paramref name="height"/>, or null when none is stored there.</summary>
    Task<StoredBlock?> GetBlockAsync(long height, CancellationToken cancellationToken = default);

    /// <summary>Streams the stored blocks from <paramref name="fromHeight"/> to <paramref name="toHeight"/> inclusive, in height order.</summary>
    /// <remarks>Stops early at the head; reads in pages of <see cref="BlockStoreLimits.ReadPageBlocks"/> blocks, so memory stays bounded for a full replay.</remarks>
    IAsyncEnumerable<StoredBlock> ReadRangeAsync(long fromHeight, long toHeight, CancellationToken cancellationToken = default);

    /// <summary>Stores a snapshot of state at a stored block's height, durably, and prunes the oldest snapshots beyond the retention.</summary>
    /// <remarks>A snapshot at a height that already has one replaces it. The store keeps the <c>snapshotsKept</c> highest snapshots (see docs/storage.md).</remarks>
    /// <exception cref="BlockRejectedException">No block is stored at the height, or its state root differs from the snapshot's.</exception>
    Task PutSnapshotAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Returns the snapshot with the greatest height not above <paramref name="atOrBelowHeight"/>, or null when there is none.</summary>
    Task<StoredSnapshot?> GetLatestSnapshotAsync(long atOrBelowHeight, CancellationToken cancellationToken = default);
}
