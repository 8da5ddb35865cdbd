using System.Security.Cryptography;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Merkle;

/// <summary>RFC 6962 §2.1 Merkle hashing: leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right), empty = SHA-256("").</summary>
/// <remarks>
/// Not used for Assay commitments (those use <see cref="AssayMerkleHasher"/>); it exists so that the one tree
/// implementation can be checked against Certificate Transparency's published roots and proofs, and for interop.
/// </remarks>
public readonly struct Rfc6962MerkleHasher : IMerkleHasher
{
    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    private static readonly Hash256 Empty = new(SHA256.HashData(ReadOnlySpan<byte>.Empty));

    /// <inheritdoc/>
    public static Hash256 EmptyRoot => Empty;

    /// <inheritdoc/>
    public static Hash256 HashLeaf(ReadOnlySpan<byte> data)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([LeafPrefix]);
        sha.AppendData(data);
        Span<byte> digest = stackalloc byte[Hash256.Length];
        sha.GetHashAndReset(digest);
        return new Hash256(digest);
    }

    /// <inheritdoc/>
    public static Hash256 HashNode(in Hash256 left, in Hash256 right)
    {
        Span<byte> preimage = stackalloc byte[1 + (2 * Hash256.Length)];
        preimage[0] = NodePrefix;
        left.WriteTo(preimage[1..]);
        right.WriteTo(preimage[(1 + Hash256.Length)..]);
        Span<byte> digest = stackalloc byte[Hash256.Length];
        SHA256.HashData(preimage, digest);
        return new Hash256(digest);
    }
}
