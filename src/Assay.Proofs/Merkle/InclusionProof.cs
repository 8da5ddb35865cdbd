using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Merkle;

/// <summary>An audit path (RFC 6962 §2.1.1) showing that the leaf at <see cref="LeafIndex"/> is in the tree of <see cref="TreeSize"/> leaves.</summary>
/// <remarks>
/// The path lists sibling subtree hashes from the leaf's level up to the root's children. The object is untrusted
/// data: any index, size and path can be held (sizes are non-negative and the path has at most
/// <see cref="MaxPathLength"/> hashes); <see cref="MerkleTree{THasher}.VerifyInclusion(Hash256, InclusionProof, Hash256, long)"/>
/// decides whether it proves anything. The verifier must take the tree size from the signed tree head it trusts,
/// not from the proof. Canonical encoding v1 (type tag 0x0101): u64 leaf index ‖ u64 tree size ‖ u32 count ‖ count ×
/// 32-byte hashes; hash tag "assay/inclusion-proof/v1".
/// </remarks>
public sealed class InclusionProof : ICanonicalEncodable<InclusionProof>, IEquatable<InclusionProof>
{
    /// <summary>Longest audit path: a tree of at most 2^63 − 1 leaves is at most 63 levels deep; one spare.</summary>
    public const int MaxPathLength = 64;

    /// <summary>Creates a proof from its parts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index or size is negative, or the path is longer than <see cref="MaxPathLength"/>.</exception>
    public InclusionProof(long leafIndex, long treeSize, ImmutableArray<Hash256> auditPath)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        var path = auditPath.IsDefault ? [] : auditPath;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(path.Length, MaxPathLength, nameof(auditPath));
        LeafIndex = leafIndex;
        TreeSize = treeSize;
        AuditPath = path;
    }

    /// <inheritdoc/>
    public static ushort TypeTag => CanonicalTypeTags.InclusionProof;

    /// <inheritdoc/>
    public static byte FormatVersion => 1;

    /// <inheritdoc/>
    public static string HashTag => "assay/inclusion-proof/v1";

    /// <summary>Zero-based index of the proven leaf.</summary>
    public long LeafIndex { get; }

    /// <summary>Number of leaves in the tree the proof is for.</summary>
    public long TreeSize { get; }

    /// <summary>Sibling hashes, leaf level first.</summary>
    public ImmutableArray<Hash256> AuditPath { get; }

    /// <inheritdoc/>
    public static InclusionProof ReadBody(ref CanonicalReader reader)
    {
        var leafIndex = (long)reader.ReadUInt64(long.MaxValue);
        var treeSize = (long)reader.ReadUInt64(long.MaxValue);
        var path = reader.ReadHashes(MaxPathLength);
        return new InclusionProof(leafIndex, treeSize, ImmutableCollectionsMarshal.AsImmutableArray(path));
    }

    /// <inheritdoc/>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64((ulong)LeafIndex);
        writer.WriteUInt64((ulong)TreeSize);
        writer.WriteHashes(AuditPath.AsSpan(), MaxPathLength);
    }

    /// <inheritdoc/>
    public bool Equals(InclusionProof? other) =>
        other is not null && LeafIndex == other.LeafIndex && TreeSize == other.TreeSize && AuditPath.AsSpan().SequenceEqual(other.AuditPath.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as InclusionProof);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(LeafIndex, TreeSize, AuditPath.Length, AuditPath.IsEmpty ? default : AuditPath[0]);

    /// <summary>Leaf index, tree size and path length, for messages.</summary>
    public override string ToString() => $"InclusionProof(leaf {LeafIndex} of {TreeSize}, {AuditPath.Length} hashes)";
}
