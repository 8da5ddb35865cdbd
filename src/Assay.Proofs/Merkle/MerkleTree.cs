using Assay.Proofs.Hashing;

namespace Assay.Proofs.Merkle;

/// <summary>Assay's Merkle tree (<see cref="MerkleTree{THasher}"/> with <see cref="AssayMerkleHasher"/>): leaf hashing, roots, proofs and verification.</summary>
/// <remarks>
/// The tree is RFC 6962's (§2.1: split at the largest power of two below n, audit paths, consistency proofs); the
/// only difference is that leaf, node and empty-tree hashes use the domain tags "assay/merkle-leaf/v1",
/// "assay/merkle-node/v1" and "assay/merkle-empty/v1" instead of the 0x00/0x01 prefix bytes and SHA-256("").
/// </remarks>
public static class MerkleTree
{
    /// <summary>The root of the tree with no leaves: H("assay/merkle-empty/v1", "").</summary>
    public static Hash256 EmptyRoot => AssayMerkleHasher.EmptyRoot;

    /// <summary>The leaf hash of <paramref name="data"/>: H("assay/merkle-leaf/v1", data).</summary>
    public static Hash256 HashLeaf(ReadOnlySpan<byte> data) => AssayMerkleHasher.HashLeaf(data);

    /// <summary>Builds the tree over leaf hashes, for proofs.</summary>
    public static MerkleTree<AssayMerkleHasher> Build(ReadOnlySpan<Hash256> leafHashes) => new(leafHashes);

    /// <summary>The root over leaf hashes without keeping the tree.</summary>
    public static Hash256 ComputeRoot(ReadOnlySpan<Hash256> leafHashes) => MerkleTree<AssayMerkleHasher>.ComputeRoot(leafHashes);

    /// <summary>Whether <paramref name="proof"/> proves <paramref name="leafHash"/> in the tree of <paramref name="treeSize"/> leaves with root <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(Hash256 leafHash, InclusionProof proof, Hash256 root, long treeSize) =>
        MerkleTree<AssayMerkleHasher>.VerifyInclusion(leafHash, proof, root, treeSize);

    /// <summary>Whether <paramref name="proof"/> proves that (<paramref name="oldSize"/>, <paramref name="oldRoot"/>) is a prefix of (<paramref name="newSize"/>, <paramref name="newRoot"/>).</summary>
    public static bool VerifyConsistency(ConsistencyProof proof, long oldSize, Hash256 oldRoot, long newSize, Hash256 newRoot) =>
        MerkleTree<AssayMerkleHasher>.VerifyConsistency(proof, oldSize, oldRoot, newSize, newRoot);
}
