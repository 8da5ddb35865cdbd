using System.Collections.Immutable;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.State;

/// <summary>The sibling hashes from the root down to a leaf of a <see cref="SparseMerkleTree"/> (index = depth).</summary>
/// <param name="Siblings">Sibling at each depth, top first; <see cref="Hash256.Zero"/> for an empty sibling.</param>
public sealed record SparseMerkleProof(ImmutableArray<Hash256> Siblings)
{
    /// <inheritdoc/>
    public bool Equals(SparseMerkleProof? other) => other is not null && Siblings.SequenceEqual(other.Siblings);

    /// <inheritdoc/>
    public override int GetHashCode() => Siblings.Length;
}
