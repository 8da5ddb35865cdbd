namespace Assay.Node.Keys;

/// <summary>The node's key file cannot be read, created or used; the message names the file.</summary>
public sealed class NodeKeyException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public NodeKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public NodeKeyException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public NodeKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
