using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Proofs.CommitReveal;

/// <summary>The opened contents of a commitment: which task, which node, which result root, and the blinding salt.</summary>
/// <param name="TaskId">The task's id (hash of its spec).</param>
/// <param name="Node">The committing node's address.</param>
/// <param name="ResultRoot">The root of the node's result tree.</param>
/// <param name="Salt">The secret salt chosen at commit time.</param>
/// <remarks>
/// Canonical encoding, fixed width, 116 bytes: taskId (32) ‖ node (20) ‖ resultRoot (32) ‖ salt (32), each in its
/// own byte order (hashes and addresses as their bytes). The same bytes are the data of the commitment hash.
/// </remarks>
public readonly record struct Reveal(Hash256 TaskId, Address Node, Hash256 ResultRoot, CommitSalt Salt)
{
    /// <summary>Length of the encoding in bytes.</summary>
    public const int EncodedLength = Hash256.Length + Address.Length + Hash256.Length + CommitSalt.Length;

    /// <summary>Decodes the 116-byte layout.</summary>
    /// <exception cref="FormatException">The input is not exactly <see cref="EncodedLength"/> bytes.</exception>
    public static Reveal Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != EncodedLength)
        {
            throw new FormatException($"Reveal at offset 0: expected {EncodedLength} bytes, got {bytes.Length}.");
        }

        return new Reveal(
            new Hash256(bytes[..32]),
            new Address(bytes[32..52]),
            new Hash256(bytes[52..84]),
            new CommitSalt(bytes[84..116]));
    }

    /// <summary>Writes the 116-byte layout to the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        TaskId.WriteTo(destination);
        Node.WriteTo(destination[32..]);
        ResultRoot.WriteTo(destination[52..]);
        Salt.WriteTo(destination[84..]);
    }

    /// <summary>The 116-byte layout as a new array.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        WriteTo(bytes);
        return bytes;
    }
}
