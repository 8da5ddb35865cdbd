namespace Assay.Storage;

/// <summary>A stored row failed its integrity check on read: its bytes no longer match the SHA-256 written with them.</summary>
public sealed class BlockStoreCorruptionException : BlockStoreException
{
    /// <summary>Creates the error for the row at <paramref name="height"/>.</summary>
    public BlockStoreCorruptionException(string table, long height, string message)
        : base(message)
    {
        Table = table;
        Height = height;
    }

    /// <summary>The table holding the damaged row: <c>blocks</c> or <c>snapshots</c>.</summary>
    public string Table { get; }

    /// <summary>Height of the damaged row.</summary>
    public long Height { get; }
}
