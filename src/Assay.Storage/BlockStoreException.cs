namespace Assay.Storage;

/// <summary>Base of the errors a block store raises about its contents (as opposed to I/O or argument errors).</summary>
public class BlockStoreException : Exception
{
    /// <summary>Creates the error with a message.</summary>
    public BlockStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and the error that caused it.</summary>
    public BlockStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
