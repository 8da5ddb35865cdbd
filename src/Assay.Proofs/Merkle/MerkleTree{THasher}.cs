using System.Collections.Immutable;
using System.Numerics;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Merkle;

/// <summary>A Merkle tree with RFC 6962 §2.1 shape over leaf hashes, kept whole so that inclusion and consistency proofs are O(log n).</summary>
/// <remarks>
/// RFC 6962 defines the root of n leaves recursively: MTH({}) = empty root, MTH({d}) = leaf hash, and for n &gt; 1
/// with k the largest power of two below n, MTH(D[0:n]) = node(MTH(D[0:k]), MTH(D[k:n])). The same tree is built
/// bottom-up here: each level pairs adjacent hashes and carries a last unpaired hash up unchanged, so level h holds
/// the roots of the aligned subtrees of 2^h leaves (the last one possibly partial). <typeparamref name="THasher"/>
/// supplies the three hashes (<see cref="AssayMerkleHasher"/> for Assay, <see cref="Rfc6962MerkleHasher"/> to check
/// against published vectors). Memory: about 2n hashes (64 bytes per leaf). The static verifiers take untrusted proofs
/// and return false, never throw, for any path, index or size (RFC 9162 §2.1.3.2 and §2.1.4.2 algorithms).
/// </remarks>
/// <typeparam name="THasher">The hashing scheme.</typeparam>
public sealed class MerkleTree<THasher>
    where THasher : struct, IMerkleHasher
{
    // _levels[0] are the leaf hashes and _levels[^1] holds the root alone (for n ≥ 1).
    private readonly Hash256[][] _levels;

    /// <summary>Builds the tree over <paramref name="leafHashes"/> (already hashed with <see cref="IMerkleHasher.HashLeaf"/>).</summary>
    public MerkleTree(ReadOnlySpan<Hash256> leafHashes)
    {
        var levels = new List<Hash256[]> { leafHashes.ToArray() };
        var current = levels[0];
        while (current.Length > 1)
        {
            var next = new Hash256[(current.Length + 1) / 2];
            var pairs = current.Length / 2;
            for (var i = 0; i < pairs; i++)
            {
                next[i] = THasher.HashNode(current[2 * i], current[(2 * i) + 1]);
            }

            if ((current.Length & 1) == 1)
            {
                next[^1] = current[^1];
            }

            levels.Add(next);
            current = next;
        }

        _levels = [.. levels];
    }

    /// <summary>Number of leaves.</summary>
    public long Size => _levels[0].Length;

    /// <summary>The root hash (the scheme's empty root when there are no leaves).</summary>
    public Hash256 Root => _levels[0].Length == 0 ? THasher.EmptyRoot : _levels[^1][0];

    /// <summary>The root of the tree of <paramref name="leafHashes"/> without keeping the tree: O(log n) memory, no allocation.</summary>
    public static Hash256 ComputeRoot(ReadOnlySpan<Hash256> leafHashes)
    {
        if (leafHashes.IsEmpty)
        {
            return THasher.EmptyRoot;
        }

        // The stack holds the roots of the perfect subtrees of the leaves seen so far, largest first: one per set bit
        // of the count, exactly the nodes of the bottom-up construction that are complete.
        Span<Hash256> stack = stackalloc Hash256[64];
        var top = 0;
        for (var i = 0; i < leafHashes.Length; i++)
        {
            stack[top++] = leafHashes[i];
            for (var count = (uint)i + 1; (count & 1) == 0; count >>= 1)
            {
                top--;
                stack[top - 1] = THasher.HashNode(stack[top - 1], stack[top]);
            }
        }

        var root = stack[top - 1];
        for (var j = top - 2; j >= 0; j--)
        {
            root = THasher.HashNode(stack[j], root);
        }

        return root;
    }

    /// <summary>The leaf hash at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, <see cref="Size"/>).</exception>
    public Hash256 GetLeafHash(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return _levels[0][index];
    }

    /// <summary>The root of the tree made of the first <paramref name="size"/> leaves (an earlier version of an append-only log).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not in [0, <see cref="Size"/>].</exception>
    public Hash256 RootAtSize(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        if (size == 0)
        {
            return THasher.EmptyRoot;
        }

        // The prefix splits into perfect subtrees, one per set bit of the size from the highest; RFC 6962's recursion
        // joins them right to left.
        Span<Hash256> parts = stackalloc Hash256[64];
        var count = 0;
        var start = 0L;
        for (var bit = 63 - BitOperations.LeadingZeroCount((ulong)size); bit >= 0; bit--)
        {
            if (((size >> bit) & 1) == 1)
            {
                parts[count++] = SubtreeHash(start, start + (1L << bit));
                start += 1L << bit;
            }
        }

        var root = parts[count - 1];
        for (var j = count - 2; j >= 0; j--)
        {
            root = THasher.HashNode(parts[j], root);
        }

        return root;
    }

    /// <summary>The audit path of the leaf at <paramref name="leafIndex"/> (RFC 6962 §2.1.1 PATH).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, <see cref="Size"/>).</exception>
    public InclusionProof ProveInclusion(long leafIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, Size);
        var path = ImmutableArray.CreateBuilder<Hash256>(_levels.Length);
        var index = leafIndex;
        for (var h = 0; h < _levels.Length - 1; h++)
        {
            // A node with no sibling at this level is carried up unchanged and contributes nothing to the path.
            var sibling = index ^ 1;
            if (sibling < _levels[h].Length)
            {
                path.Add(_levels[h][sibling]);
            }

            index >>= 1;
        }

        return new InclusionProof(leafIndex, Size, path.ToImmutable());
    }

    /// <summary>The proof that the first <paramref name="oldSize"/> leaves form a prefix of this tree (RFC 6962 §2.1.2 PROOF).</summary>
    /// <remarks>Empty when <paramref name="oldSize"/> is 0 or <see cref="Size"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The size is not in [0, <see cref="Size"/>].</exception>
    public ConsistencyProof ProveConsistency(long oldSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, Size);
        var path = new List<Hash256>();
        if (oldSize > 0 && oldSize < Size)
        {
            SubProof(oldSize, 0, Size, oldSizeIsComplete: true, path);
        }

        return new ConsistencyProof(oldSize, Size, [.. path]);
    }

    /// <summary>Whether <paramref name="auditPath"/> proves that <paramref name="leafHash"/> is leaf <paramref name="leafIndex"/> of the tree of <paramref name="treeSize"/> leaves with root <paramref name="root"/>.</summary>
    /// <remarks>RFC 9162 §2.1.3.2. False, never an exception, for an index out of range, a non-positive size or a path of the wrong length.</remarks>
    public static bool VerifyInclusion(Hash256 leafHash, long leafIndex, long treeSize, ReadOnlySpan<Hash256> auditPath, Hash256 root)
    {
        if (leafIndex < 0 || leafIndex >= treeSize || auditPath.Length > InclusionProof.MaxPathLength)
        {
            return false;
        }

        var fn = (ulong)leafIndex;
        var sn = (ulong)treeSize - 1;
        var r = leafHash;
        foreach (var p in auditPath)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = THasher.HashNode(p, r);

                // Levels where the node is the last and unpaired are skipped: they add no hash.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = THasher.HashNode(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r == root;
    }

    /// <summary>Whether <paramref name="proof"/> proves <paramref name="leafHash"/> at the proof's leaf index in the tree of <paramref name="treeSize"/> leaves with root <paramref name="root"/>.</summary>
    /// <remarks>
    /// <paramref name="treeSize"/> comes from the trusted tree head; a proof for another size is rejected. A caller that
    /// expects a particular index compares it with <see cref="InclusionProof.LeafIndex"/>.
    /// </remarks>
    public static bool VerifyInclusion(Hash256 leafHash, InclusionProof proof, Hash256 root, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return proof.TreeSize == treeSize && VerifyInclusion(leafHash, proof.LeafIndex, treeSize, proof.AuditPath.AsSpan(), root);
    }

    /// <summary>Whether <paramref name="path"/> proves that the tree (<paramref name="oldSize"/>, <paramref name="oldRoot"/>) is a prefix of (<paramref name="newSize"/>, <paramref name="newRoot"/>).</summary>
    /// <remarks>
    /// RFC 9162 §2.1.4.2 for 0 &lt; old &lt; new. With old = new the path must be empty and the roots equal; with old = 0
    /// the path must be empty and <paramref name="oldRoot"/> the empty root (every tree extends the empty one). False,
    /// never an exception, for any other input.
    /// </remarks>
    public static bool VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<Hash256> path, Hash256 oldRoot, Hash256 newRoot)
    {
        if (oldSize < 0 || oldSize > newSize || path.Length > ConsistencyProof.MaxPathLength)
        {
            return false;
        }

        if (oldSize == newSize)
        {
            return path.IsEmpty && oldRoot == newRoot;
        }

        if (oldSize == 0)
        {
            return path.IsEmpty && oldRoot == THasher.EmptyRoot;
        }

        if (path.IsEmpty)
        {
            return false;
        }

        // When the old tree is a perfect subtree its root is the first node of the proof, which RFC 6962 omits.
        var oldIsPerfect = (oldSize & (oldSize - 1)) == 0;
        var fn = (ulong)oldSize - 1;
        var sn = (ulong)newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = oldIsPerfect ? oldRoot : path[0];
        var sr = fr;
        foreach (var c in oldIsPerfect ? path : path[1..])
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = THasher.HashNode(c, fr);
                sr = THasher.HashNode(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = THasher.HashNode(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr == oldRoot && sr == newRoot;
    }

    /// <summary>Whether <paramref name="proof"/> proves that (<paramref name="oldSize"/>, <paramref name="oldRoot"/>) is a prefix of (<paramref name="newSize"/>, <paramref name="newRoot"/>).</summary>
    /// <remarks>Both sizes come from trusted tree heads; a proof made for other sizes is rejected.</remarks>
    public static bool VerifyConsistency(ConsistencyProof proof, long oldSize, Hash256 oldRoot, long newSize, Hash256 newRoot)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return proof.OldSize == oldSize && proof.NewSize == newSize
            && VerifyConsistency(oldSize, newSize, proof.Path.AsSpan(), oldRoot, newRoot);
    }

    // RFC 6962 §2.1.2 SUBPROOF(m, D[start:end], b) with m counted from start. Every range it visits is either a perfect
    // aligned subtree or runs to the end of the tree, so each is one node of the levels (see SubtreeHash).
    private void SubProof(long m, long start, long end, bool oldSizeIsComplete, List<Hash256> path)
    {
        var n = end - start;
        if (m == n)
        {
            if (!oldSizeIsComplete)
            {
                path.Add(SubtreeHash(start, end));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, oldSizeIsComplete, path);
            path.Add(SubtreeHash(start + k, end));
        }
        else
        {
            SubProof(m - k, start + k, end, oldSizeIsComplete: false, path);
            path.Add(SubtreeHash(start, start + k));
        }
    }

    // MTH(D[start:end]) for a range that starts at a multiple of 2^h, where 2^h is the smallest power of two ≥ its
    // length, and that is either exactly 2^h long or ends at the last leaf: node start/2^h of level h.
    private Hash256 SubtreeHash(long start, long end)
    {
        var length = end - start;
        var h = length <= 1 ? 0 : 64 - BitOperations.LeadingZeroCount((ulong)(length - 1));
        return _levels[h][start >> h];
    }

    private static long LargestPowerOfTwoBelow(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
}
