namespace Assay.Node.Persistence;

/// <summary>The node state file cannot be read or written, or does not hold a node state; the message names the file.</summary>
public sealed class NodeStateException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public NodeStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public NodeStateException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public NodeStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
