using Assay.Proofs.Hashing;

namespace Assay.Proofs.Merkle;

/// <summary>Assay's Merkle hashing: RFC 6962's tree with domain-separation tags in place of its 0x00/0x01 prefixes.</summary>
/// <remarks>
/// leaf = H("assay/merkle-leaf/v1", data), node = H("assay/merkle-node/v1", left ‖ right), and the empty tree's root
/// = H("assay/merkle-empty/v1", ""), where H is <see cref="DomainHash"/> (SHA-256 of the length-prefixed tag and the
/// data). RFC 6962 §2.1 uses SHA-256(0x00 ‖ data), SHA-256(0x01 ‖ left ‖ right) and SHA-256(""); the tree shape,
/// proofs and verification are otherwise identical (see <see cref="Rfc6962MerkleHasher"/>).
/// </remarks>
public readonly struct AssayMerkleHasher : IMerkleHasher
{
    /// <summary>Domain tag of leaf hashes.</summary>
    public const string LeafTag = "assay/merkle-leaf/v1";

    /// <summary>Domain tag of inner-node hashes.</summary>
    public const string NodeTag = "assay/merkle-node/v1";

    /// <summary>Domain tag of the empty tree's root (hashed over no data).</summary>
    public const string EmptyTag = "assay/merkle-empty/v1";

    private static readonly Hash256 Empty = DomainHash.Compute(EmptyTag, []);

    /// <inheritdoc/>
    public static Hash256 EmptyRoot => Empty;

    /// <inheritdoc/>
    public static Hash256 HashLeaf(ReadOnlySpan<byte> data) => DomainHash.Compute(LeafTag, data);

    /// <inheritdoc/>
    public static Hash256 HashNode(in Hash256 left, in Hash256 right)
    {
        Span<byte> children = stackalloc byte[2 * Hash256.Length];
        left.WriteTo(children);
        right.WriteTo(children[Hash256.Length..]);
        return DomainHash.Compute(NodeTag, children);
    }
}
