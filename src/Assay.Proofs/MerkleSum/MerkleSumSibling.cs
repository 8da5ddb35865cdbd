using Assay.Proofs.Hashing;

namespace Assay.Proofs.MerkleSum;

/// <summary>One step of an opening: the hash and the sums of the sibling of the node on the path.</summary>
/// <param name="Hash">The sibling's node (or leaf) hash.</param>
/// <param name="Sums">The sibling's sums, checked by the verifier against the layout before use.</param>
public readonly record struct MerkleSumSibling(Hash256 Hash, LaneSums Sums);
