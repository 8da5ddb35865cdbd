namespace Assay.Storage.Chain;

/// <summary>A stored chain cannot be opened: it is empty, or a stored block does not replay to its stored header.</summary>
public sealed class LedgerChainException : Exception
{
    /// <summary>Creates the exception for <paramref name="height"/> with a message naming the field and both values.</summary>
    public LedgerChainException(long height, string message)
        : base(message) => Height = height;

    /// <summary>Creates the exception with an empty message.</summary>
    public LedgerChainException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LedgerChainException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LedgerChainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The height at fault (−1 when the store as a whole is unusable).</summary>
    public long Height { get; } = -1;
}
