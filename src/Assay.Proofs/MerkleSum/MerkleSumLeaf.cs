using Assay.Proofs.Hashing;

namespace Assay.Proofs.MerkleSum;

/// <summary>The content of one leaf: a hash of its payload and the sums of its lanes.</summary>
/// <remarks>Two leaves are equal when the payload hashes and the sums (count and every lane) are equal bit for bit.</remarks>
/// <param name="PayloadHash">Hash of whatever the leaf stands for beyond its sums (e.g. the batch's canonical encoding).</param>
/// <param name="Sums">The leaf's count and lane sums.</param>
public readonly record struct MerkleSumLeaf(Hash256 PayloadHash, LaneSums Sums);
