namespace Assay.Proofs.Signatures;

/// <summary>A key file could not be read; <see cref="Error"/> says why.</summary>
public sealed class KeyFileException : Exception
{
    /// <summary>Creates the exception with a reason and a message for people.</summary>
    public KeyFileException(KeyFileError error, string message)
        : base(message) => Error = error;

    /// <summary>Creates the exception with a reason, a message and the underlying failure.</summary>
    public KeyFileException(KeyFileError error, string message, Exception innerException)
        : base(message, innerException) => Error = error;

    /// <summary>Why the file could not be read.</summary>
    public KeyFileError Error { get; }
}
