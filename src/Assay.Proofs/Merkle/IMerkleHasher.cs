using Assay.Proofs.Hashing;

namespace Assay.Proofs.Merkle;

/// <summary>The three hashes that define a Merkle tree scheme: of the empty tree, of a leaf, and of an inner node.</summary>
/// <remarks>
/// Implemented by <see cref="AssayMerkleHasher"/> (the scheme Assay commits with) and <see cref="Rfc6962MerkleHasher"/>
/// (RFC 6962's 0x00/0x01 prefixes, used to check the tree shape against Certificate Transparency's published vectors).
/// A struct type parameter specialises <see cref="MerkleTree{THasher}"/> without virtual calls.
/// </remarks>
public interface IMerkleHasher
{
    /// <summary>The root of the tree with no leaves.</summary>
    static abstract Hash256 EmptyRoot { get; }

    /// <summary>The hash of a leaf holding <paramref name="data"/>.</summary>
    static abstract Hash256 HashLeaf(ReadOnlySpan<byte> data);

    /// <summary>The hash of an inner node with children <paramref name="left"/> and <paramref name="right"/>.</summary>
    static abstract Hash256 HashNode(in Hash256 left, in Hash256 right);
}
