using Assay.Proofs.Hashing;

namespace Assay.Ledger.State;

/// <summary>A compact binary sparse Merkle tree over 256-bit keys with cached inner hashes, so a batch of updates costs in proportion to the keys it changed.</summary>
/// <remarks>
/// <para>Definition (order independent: the tree depends only on the set of (key, value hash) pairs). Key bits are read
/// most significant first (bit 0 = the top bit of byte 0). The hash of a subtree holding no leaf is
/// <see cref="Hash256.Zero"/>; holding exactly one leaf (k, v), whatever its depth, is
/// DomainHash("assay/ledger-smt-leaf/v1", k ‖ v); holding two or more, DomainHash("assay/ledger-smt-node/v1",
/// left ‖ right). So a leaf sits at the shallowest depth where its key prefix is unique, and the tree's depth is about
/// log2(n) rather than 256.</para>
/// <para>Updates mark the path dirty; <see cref="Root"/> rehashes only dirty nodes. Keys are never deleted (the ledger
/// keeps every record), so no collapse rule is needed.</para>
/// </remarks>
public sealed class SparseMerkleTree
{
    /// <summary>Domain tag of a leaf.</summary>
    public const string LeafTag = "assay/ledger-smt-leaf/v1";

    /// <summary>Domain tag of an inner node.</summary>
    public const string NodeTag = "assay/ledger-smt-node/v1";

    /// <summary>Key length in bits, the deepest a leaf can sit.</summary>
    public const int KeyBits = 256;

    private Node? _root;

    /// <summary>Number of leaves.</summary>
    public int Count { get; private set; }

    /// <summary>The root hash, rehashing the nodes changed since the last call.</summary>
    public Hash256 Root => _root is null ? Hash256.Zero : Rehash(_root);

    /// <summary>The hash of the leaf (key, valueHash).</summary>
    public static Hash256 LeafHash(Hash256 key, Hash256 valueHash)
    {
        Span<byte> k = stackalloc byte[Hash256.Length];
        Span<byte> v = stackalloc byte[Hash256.Length];
        key.WriteTo(k);
        valueHash.WriteTo(v);
        return DomainHash.Compute(LeafTag, k, v);
    }

    /// <summary>The hash of an inner node with the given children.</summary>
    public static Hash256 NodeHash(Hash256 left, Hash256 right)
    {
        Span<byte> l = stackalloc byte[Hash256.Length];
        Span<byte> r = stackalloc byte[Hash256.Length];
        left.WriteTo(l);
        right.WriteTo(r);
        return DomainHash.Compute(NodeTag, l, r);
    }

    /// <summary>Bit <paramref name="index"/> of <paramref name="key"/>, most significant first.</summary>
    public static int Bit(Hash256 key, int index)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        key.WriteTo(bytes);
        return (bytes[index >> 3] >> (7 - (index & 7))) & 1;
    }

    /// <summary>Inserts or replaces the leaf at <paramref name="key"/>.</summary>
    public void Set(Hash256 key, Hash256 valueHash)
    {
        Span<byte> keyBytes = stackalloc byte[Hash256.Length];
        key.WriteTo(keyBytes);
        _root = Insert(_root, 0, key, keyBytes, valueHash);
    }

    /// <summary>The sibling hashes from the root down to <paramref name="key"/>'s leaf, or null when the key is absent.</summary>
    public SparseMerkleProof? Prove(Hash256 key)
    {
        _ = Root;
        var siblings = new List<Hash256>();
        var node = _root;
        var depth = 0;
        while (node is not null && !node.IsLeaf)
        {
            var bit = Bit(key, depth);
            siblings.Add((bit == 0 ? node.Right : node.Left)?.Hash ?? Hash256.Zero);
            node = bit == 0 ? node.Left : node.Right;
            depth++;
        }

        return node is not null && node.Key == key ? new SparseMerkleProof([.. siblings]) : null;
    }

    /// <summary>Whether the leaf (key, valueHash) with these siblings hashes up to <paramref name="root"/>; never throws.</summary>
    public static bool Verify(Hash256 root, Hash256 key, Hash256 valueHash, SparseMerkleProof proof)
    {
        if (proof is null || proof.Siblings.Length > KeyBits)
        {
            return false;
        }

        var hash = LeafHash(key, valueHash);
        for (var depth = proof.Siblings.Length - 1; depth >= 0; depth--)
        {
            var sibling = proof.Siblings[depth];
            hash = Bit(key, depth) == 0 ? NodeHash(hash, sibling) : NodeHash(sibling, hash);
        }

        return hash == root;
    }

    private static int BitOf(ReadOnlySpan<byte> key, int index) => (key[index >> 3] >> (7 - (index & 7))) & 1;

    private Node Insert(Node? node, int depth, Hash256 key, ReadOnlySpan<byte> keyBytes, Hash256 valueHash)
    {
        if (node is null)
        {
            Count++;
            return Node.Leaf(key, valueHash);
        }

        if (node.IsLeaf)
        {
            if (node.Key == key)
            {
                node.ValueHash = valueHash;
                node.Dirty = true;
                return node;
            }

            // Two keys share the prefix so far: split here and push the old leaf one level down.
            var branch = new Node { Dirty = true };
            if (BitOf(OldKeyBytes(node.Key), depth) == 0)
            {
                branch.Left = node;
            }
            else
            {
                branch.Right = node;
            }

            return Insert(branch, depth, key, keyBytes, valueHash);
        }

        node.Dirty = true;
        if (BitOf(keyBytes, depth) == 0)
        {
            node.Left = Insert(node.Left, depth + 1, key, keyBytes, valueHash);
        }
        else
        {
            node.Right = Insert(node.Right, depth + 1, key, keyBytes, valueHash);
        }

        return node;
    }

    private static byte[] OldKeyBytes(Hash256 key) => key.ToArray();

    private static Hash256 Rehash(Node node)
    {
        if (!node.Dirty)
        {
            return node.Hash;
        }

        node.Hash = node.IsLeaf
            ? LeafHash(node.Key, node.ValueHash)
            : NodeHash(node.Left is null ? Hash256.Zero : Rehash(node.Left), node.Right is null ? Hash256.Zero : Rehash(node.Right));
        node.Dirty = false;
        return node.Hash;
    }

    private sealed class Node
    {
        public Node? Left { get; set; }

        public Node? Right { get; set; }

        public bool IsLeaf { get; private init; }

        public Hash256 Key { get; private init; }

        public Hash256 ValueHash { get; set; }

        public Hash256 Hash { get; set; }

        public bool Dirty { get; set; }

        public static Node Leaf(Hash256 key, Hash256 valueHash) => new() { IsLeaf = true, Key = key, ValueHash = valueHash, Dirty = true };
    }
}
