namespace Assay.Storage;

/// <summary>The bounds every block store enforces.</summary>
public static class BlockStoreLimits
{
    /// <summary>Largest canonical encoding of one block or snapshot, in bytes (64 MiB).</summary>
    public const int MaxEncodedBytes = 64 * 1024 * 1024;

    /// <summary>Most blocks one <see cref="IBlockStore.AppendRangeAsync"/> call may write.</summary>
    public const int MaxBlocksPerAppend = 4096;

    /// <summary>Blocks fetched per query while streaming a range.</summary>
    public const int ReadPageBlocks = 256;

    /// <summary>Snapshots kept by default: the newest few, so a damaged snapshot can fall back to an older one.</summary>
    public const int DefaultSnapshotsKept = 3;

    /// <summary>Most snapshots a store may be configured to keep.</summary>
    public const int MaxSnapshotsKept = 1024;
}
