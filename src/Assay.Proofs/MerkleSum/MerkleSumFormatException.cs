namespace Assay.Proofs.MerkleSum;

/// <summary>Bytes that are not a valid encoding of a Merkle-sum root, opening or spot-check proof.</summary>
/// <remarks>The only exception that decoding untrusted bytes throws; the message names the offset and the rule broken.</remarks>
public sealed class MerkleSumFormatException : FormatException
{
    /// <summary>Creates the exception with a message naming what was wrong.</summary>
    public MerkleSumFormatException(string message)
        : base(message)
    {
    }
}
