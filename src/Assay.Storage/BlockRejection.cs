namespace Assay.Storage;

/// <summary>Why a block store refused a write.</summary>
public enum BlockRejection
{
    /// <summary>The block's height is above head + 1 (or above 0 for an empty store).</summary>
    HeightGap,

    /// <summary>A block is already stored at the height.</summary>
    DuplicateHeight,

    /// <summary>The parent hash is not the hash of the block below.</summary>
    ParentMismatch,

    /// <summary>The canonical encoding is longer than <see cref="BlockStoreLimits.MaxEncodedBytes"/>.</summary>
    EncodedTooLarge,

    /// <summary>A snapshot names a height at which no block is stored.</summary>
    SnapshotHeightNotStored,

    /// <summary>A snapshot's state root differs from the stored block's state root.</summary>
    SnapshotStateRootMismatch,
}
