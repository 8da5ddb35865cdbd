namespace Assay.Ledger.Blocks;

/// <summary>A snapshot decoded but does not describe a valid state: its recomputed state root or its chain record disagrees with its head header.</summary>
public sealed class LedgerSnapshotException : Exception
{
    /// <summary>Creates the exception with a message naming what disagreed and both values.</summary>
    public LedgerSnapshotException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an empty message.</summary>
    public LedgerSnapshotException()
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LedgerSnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
