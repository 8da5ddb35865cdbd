using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Merkle;

/// <summary>A consistency proof (RFC 6962 §2.1.2) that the tree of <see cref="OldSize"/> leaves is a prefix of the tree of <see cref="NewSize"/> leaves.</summary>
/// <remarks>
/// The proof is empty when <see cref="OldSize"/> is 0 or equals <see cref="NewSize"/>. The object is untrusted data:
/// any sizes and path can be held (sizes non-negative, at most <see cref="MaxPathLength"/> hashes);
/// <see cref="MerkleTree{THasher}.VerifyConsistency(ConsistencyProof, long, Hash256, long, Hash256)"/> decides whether it proves
/// anything, and the verifier must take both sizes from the tree heads it trusts. Canonical encoding v1 (type tag
/// 0x0102): u64 old size ‖ u64 new size ‖ u32 count ‖ count × 32-byte hashes; hash tag "assay/consistency-proof/v1".
/// </remarks>
public sealed class ConsistencyProof : ICanonicalEncodable<ConsistencyProof>, IEquatable<ConsistencyProof>
{
    /// <summary>Longest proof: one hash per level of a tree of at most 2^63 − 1 leaves (63), plus the old root's subtree.</summary>
    public const int MaxPathLength = 64;

    /// <summary>Creates a proof from its parts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative, or the path is longer than <see cref="MaxPathLength"/>.</exception>
    public ConsistencyProof(long oldSize, long newSize, ImmutableArray<Hash256> path)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfNegative(newSize);
        var hashes = path.IsDefault ? [] : path;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hashes.Length, MaxPathLength, nameof(path));
        OldSize = oldSize;
        NewSize = newSize;
        Path = hashes;
    }

    /// <inheritdoc/>
    public static ushort TypeTag => CanonicalTypeTags.ConsistencyProof;

    /// <inheritdoc/>
    public static byte FormatVersion => 1;

    /// <inheritdoc/>
    public static string HashTag => "assay/consistency-proof/v1";

    /// <summary>Number of leaves in the earlier tree.</summary>
    public long OldSize { get; }

    /// <summary>Number of leaves in the later tree.</summary>
    public long NewSize { get; }

    /// <summary>The proof's subtree hashes, in RFC 6962 order.</summary>
    public ImmutableArray<Hash256> Path { get; }

    /// <inheritdoc/>
    public static ConsistencyProof ReadBody(ref CanonicalReader reader)
    {
        var oldSize = (long)reader.ReadUInt64(long.MaxValue);
        var newSize = (long)reader.ReadUInt64(long.MaxValue);
        var path = reader.ReadHashes(MaxPathLength);
        return new ConsistencyProof(oldSize, newSize, ImmutableCollectionsMarshal.AsImmutableArray(path));
    }

    /// <inheritdoc/>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64((ulong)OldSize);
        writer.WriteUInt64((ulong)NewSize);
        writer.WriteHashes(Path.AsSpan(), MaxPathLength);
    }

    /// <inheritdoc/>
    public bool Equals(ConsistencyProof? other) =>
        other is not null && OldSize == other.OldSize && NewSize == other.NewSize && Path.AsSpan().SequenceEqual(other.Path.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ConsistencyProof);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(OldSize, NewSize, Path.Length, Path.IsEmpty ? default : Path[0]);

    /// <summary>Sizes and path length, for messages.</summary>
    public override string ToString() => $"ConsistencyProof({OldSize} → {NewSize}, {Path.Length} hashes)";
}
