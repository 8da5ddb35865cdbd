namespace Assay.Proofs.Canonical;

/// <summary>Bytes that are not the canonical encoding of the expected value: the only exception a canonical decoder throws.</summary>
/// <remarks>
/// <see cref="Offset"/> is the byte position (from the start of the input) of the item that could not be read, and
/// <see cref="Expected"/> says what the decoder expected there, e.g. "boolean 0 or 1" or "end of input".
/// </remarks>
public sealed class CanonicalFormatException : FormatException
{
    /// <summary>Creates the exception for the item at <paramref name="offset"/>.</summary>
    public CanonicalFormatException(int offset, string expected)
        : base($"Canonical encoding: at byte {offset}, expected {expected}.")
    {
        Offset = offset;
        Expected = expected;
    }

    /// <summary>Byte offset of the offending item from the start of the input.</summary>
    public int Offset { get; }

    /// <summary>What the decoder expected at <see cref="Offset"/>.</summary>
    public string Expected { get; }
}
