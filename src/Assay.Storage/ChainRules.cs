using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Assay.Proofs.Hashing;

namespace Assay.Storage;

/// <summary>The checks every store makes before writing, and the integrity check it makes after reading.</summary>
internal static class ChainRules
{
    /// <summary>Checks that <paramref name="blocks"/> extend a chain whose head is (<paramref name="headHeight"/>, <paramref name="headHash"/>); -1 means empty.</summary>
    public static void CheckAppend(long headHeight, Hash256 headHash, IReadOnlyList<StoredBlock> blocks)
    {
        var expectedHeight = headHeight + 1;
        var expectedParent = headHash;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Height != expectedHeight)
            {
                ThrowHeight(block.Height, expectedHeight, headHeight);
            }

            if (block.Height > 0 && block.ParentHash != expectedParent)
            {
                Throw(BlockRejection.ParentMismatch, "parent_hash", block.Height,
                    $"Block {block.Height}: parent_hash {block.ParentHash} is not the hash of block {block.Height - 1} ({expectedParent}).");
            }

            CheckEncodedLength(block.Encoded.Length, block.Height);
            expectedParent = block.Hash;
            expectedHeight++;
        }
    }

    /// <summary>Checks a snapshot against the state root of the stored block at its height (null when none is stored).</summary>
    public static void CheckSnapshot(StoredSnapshot snapshot, Hash256? blockStateRoot)
    {
        if (blockStateRoot is not { } root)
        {
            Throw(BlockRejection.SnapshotHeightNotStored, "height", snapshot.Height,
                $"Snapshot at height {snapshot.Height}: no block is stored at that height.");
        }
        else if (root != snapshot.StateRoot)
        {
            Throw(BlockRejection.SnapshotStateRootMismatch, "state_root", snapshot.Height,
                $"Snapshot at height {snapshot.Height}: state_root {snapshot.StateRoot} differs from the block's state_root {root}.");
        }

        CheckEncodedLength(snapshot.Encoded.Length, snapshot.Height);
    }

    /// <summary>SHA-256 of the stored bytes, kept beside them to detect corruption.</summary>
    public static byte[] Digest(ReadOnlySpan<byte> encoded) => SHA256.HashData(encoded);

    /// <summary>Rebuilds a block from its row, verifying the stored digest and hash lengths.</summary>
    public static StoredBlock BlockFromRow(long height, byte[] hash, byte[] parentHash, byte[] stateRoot, byte[] digest, byte[] encoded)
    {
        CheckRow("blocks", height, digest, encoded, hash.Length == Hash256.Length && parentHash.Length == Hash256.Length && stateRoot.Length == Hash256.Length);
        return new StoredBlock(height, new Hash256(hash), new Hash256(parentHash), new Hash256(stateRoot), encoded);
    }

    /// <summary>Rebuilds a snapshot from its row, verifying the stored digest and hash length.</summary>
    public static StoredSnapshot SnapshotFromRow(long height, byte[] stateRoot, byte[] digest, byte[] encoded)
    {
        CheckRow("snapshots", height, digest, encoded, stateRoot.Length == Hash256.Length);
        return new StoredSnapshot(height, new Hash256(stateRoot), encoded);
    }

    /// <summary>The bytes of <paramref name="memory"/> as an array, without copying when it already spans a whole array.</summary>
    public static byte[] AsArray(ReadOnlyMemory<byte> memory) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment)
            && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

    /// <summary>Validates the arguments of a range read.</summary>
    public static void CheckRange(long fromHeight, long toHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromHeight);
        ArgumentOutOfRangeException.ThrowIfLessThan(toHeight, fromHeight - 1);
    }

    /// <summary>Validates the arguments of a batch append.</summary>
    public static void CheckBatch(IReadOnlyList<StoredBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks.Count, BlockStoreLimits.MaxBlocksPerAppend, "blocks.Count");
    }

    /// <summary>Validates the configured snapshot retention.</summary>
    public static void CheckSnapshotsKept(int snapshotsKept)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshotsKept, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(snapshotsKept, BlockStoreLimits.MaxSnapshotsKept);
    }

    private static void CheckRow(string table, long height, byte[] digest, byte[] encoded, bool hashLengthsOk)
    {
        Span<byte> actual = stackalloc byte[32];
        SHA256.HashData(encoded, actual);
        if (!hashLengthsOk || !actual.SequenceEqual(digest))
        {
            ThrowCorrupt(table, height);
        }
    }

    private static void CheckEncodedLength(int length, long height)
    {
        if (length > BlockStoreLimits.MaxEncodedBytes)
        {
            Throw(BlockRejection.EncodedTooLarge, "encoded", height,
                $"Height {height}: encoded is {length} bytes; at most {BlockStoreLimits.MaxEncodedBytes} are allowed.");
        }
    }

    private static void ThrowHeight(long height, long expectedHeight, long headHeight)
    {
        if (height >= 0 && height < expectedHeight)
        {
            Throw(BlockRejection.DuplicateHeight, "height", height,
                $"Block {height}: height is already stored (head is {headHeight}); the next block must be at height {expectedHeight}.");
        }

        Throw(BlockRejection.HeightGap, "height", height,
            $"Block {height}: height leaves a gap or is negative; the next block must be at height {expectedHeight} (head is {headHeight}).");
    }

    [DoesNotReturn]
    private static void Throw(BlockRejection rejection, string field, long height, string message) =>
        throw new BlockRejectedException(rejection, field, height, message);

    [DoesNotReturn]
    private static void ThrowCorrupt(string table, long height) =>
        throw new BlockStoreCorruptionException(table, height,
            $"The {table} row at height {height} fails its SHA-256 integrity check: the stored bytes were damaged.");
}
