using System.Collections.Immutable;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Merkle;
using Xunit.Abstractions;

namespace Assay.Proofs.Tests.Merkle;

/// <summary>Every honest proof verifies; every tampered proof (flipped byte, reordered, truncated, extended, wrong index, size or root) fails; untrusted input never throws.</summary>
public class MerklePropertyTests(ITestOutputHelper output)
{
    private const int MaxExhaustiveSize = 64;

    private static readonly Hash256[] Leaves = MerkleGoldenTests.LeafHashes<AssayMerkleHasher>(2 * MaxExhaustiveSize + 1);

    [Fact]
    public void Every_inclusion_proof_verifies_and_every_tampered_one_fails_for_all_sizes_up_to_64()
    {
        var checkedCount = 0;
        var roots = Enumerable.Range(0, MaxExhaustiveSize + 2).Select(n => MerkleTree.ComputeRoot(Leaves.AsSpan(0, n))).ToArray();
        for (var n = 1; n <= MaxExhaustiveSize; n++)
        {
            var tree = MerkleTree.Build(Leaves.AsSpan(0, n));
            var root = tree.Root;
            for (var i = 0; i < n; i++)
            {
                var proof = tree.ProveInclusion(i);
                var path = proof.AuditPath;
                var message = $"n={n} index={i} path={path.Length}";
                Assert.True(MerkleTree.VerifyInclusion(Leaves[i], proof, root, n), message);
                foreach (var (what, tamperedPath) in TamperedPaths(path, root))
                {
                    Assert.False(Verify(Leaves[i], i, n, tamperedPath, root), $"{message}: {what}");
                    checkedCount++;
                }

                // With the trusted size, every other index fails, in range or not.
                for (var j = -1; j <= n; j++)
                {
                    Assert.True(j == i || !Verify(Leaves[i], j, n, path, root), $"{message}: index {j}");
                }

                Assert.False(Verify(Leaves[i], long.MaxValue, n, path, root), $"{message}: index 2^63-1");
                Assert.False(Verify(Leaves[i], i, 2L * n, path, root), $"{message}: size × 2");
                Assert.False(n > 1 && Verify(Leaves[i], i, n / 2, path, root), $"{message}: size / 2");
                Assert.False(Verify(Leaves[(i + 1) % Leaves.Length], i, n, path, root), $"{message}: another leaf");
                Assert.False(Verify(Leaves[i], i, n, path, Hash256.Zero), $"{message}: zero root");
                Assert.False(Verify(Leaves[i], i, n, path, roots[n + 1]), $"{message}: root of n + 1");

                // The proof object's own size must be the trusted one.
                Assert.False(MerkleTree.VerifyInclusion(Leaves[i], new InclusionProof(i, n + 1, path), root, n), $"{message}: proof claims n + 1");
                checkedCount += n + 9;
            }
        }

        output.WriteLine($"{checkedCount} tampered inclusion proofs rejected");
    }

    [Fact]
    public void Every_consistency_proof_verifies_and_every_tampered_one_fails_for_all_sizes_up_to_64()
    {
        var checkedCount = 0;
        var roots = Enumerable.Range(0, MaxExhaustiveSize + 2).Select(n => MerkleTree.ComputeRoot(Leaves.AsSpan(0, n))).ToArray();
        for (var n = 0; n <= MaxExhaustiveSize; n++)
        {
            var tree = MerkleTree.Build(Leaves.AsSpan(0, n));
            for (var m = 0; m <= n; m++)
            {
                var proof = tree.ProveConsistency(m);
                var path = proof.Path;
                var message = $"m={m} n={n} path={path.Length}";
                Assert.True(roots[m] == tree.RootAtSize(m), message);
                Assert.True(MerkleTree.VerifyConsistency(proof, m, roots[m], n, roots[n]), message);
                Assert.True(path.IsEmpty == (m == 0 || m == n), message);

                // Wrong roots fail whatever the sizes, except that the empty tree (m = 0) says nothing about the new root.
                Assert.False(Consistent(m, n, path, Hash256.Zero, roots[n]), $"{message}: zero old root");
                Assert.False(m > 0 && Consistent(m, n, path, roots[m], Hash256.Zero), $"{message}: zero new root");
                Assert.False(roots[m] != roots[n] && Consistent(m, n, path, roots[n], roots[m]), $"{message}: swapped roots");
                Assert.False(m > 0 && Consistent(m, n, path, roots[m], roots[n + 1]), $"{message}: root of n + 1");
                Assert.False(m > 0 && Consistent(m, n, path, roots[m - 1], roots[n]), $"{message}: root of m - 1");
                Assert.False(Consistent(m, n, [.. path, roots[n]], roots[m], roots[n]), $"{message}: appended new root");
                Assert.False(Consistent(n, m, path, roots[m], roots[n]) && m != n, $"{message}: sizes reversed");
                Assert.False(MerkleTree.VerifyConsistency(new ConsistencyProof(m, n + 1, path), m, roots[m], n, roots[n]), $"{message}: proof claims n + 1");
                checkedCount += 8;
                if (path.IsEmpty)
                {
                    continue;
                }

                foreach (var (what, tamperedPath) in TamperedPaths(path, roots[n]))
                {
                    Assert.False(Consistent(m, n, tamperedPath, roots[m], roots[n]), $"{message}: {what}");
                    checkedCount++;
                }

                Assert.False(Consistent(m, n, [], roots[m], roots[n]), $"{message}: empty path");
                Assert.False(Consistent(m, n, [roots[m], .. path], roots[m], roots[n]), $"{message}: prepended old root");
                Assert.False(Consistent(m - 1, n, path, roots[m], roots[n]), $"{message}: m - 1");
                Assert.False(m + 1 < n && Consistent(m + 1, n, path, roots[m], roots[n]), $"{message}: m + 1");
                Assert.False((m ^ 2) != m && (m ^ 2) <= n && Consistent(m ^ 2, n, path, roots[m], roots[n]), $"{message}: m ^ 2");
                Assert.False(Consistent(m, 2 * n, path, roots[m], roots[n]), $"{message}: n × 2");
                Assert.False(n / 2 >= m && Consistent(m, n / 2, path, roots[m], roots[n]), $"{message}: n / 2");
                checkedCount += 7;
            }
        }

        output.WriteLine($"{checkedCount} tampered consistency proofs rejected");
    }

    [Fact]
    public void A_verifier_binds_the_leaf_position_but_needs_the_trusted_size()
    {
        // RFC 9162's algorithm reconstructs the root from the position's left/right pattern, which two sizes can share:
        // leaf 0's path in the 5-leaf tree also "verifies" against that root for a claimed size of 6. The verifiers
        // that take proof objects therefore compare the proof's size with the trusted one.
        var tree = MerkleTree.Build(Leaves.AsSpan(0, 5));
        var path = tree.ProveInclusion(0).AuditPath;
        Assert.True(Verify(Leaves[0], 0, 6, path, tree.Root));
        Assert.False(MerkleTree.VerifyInclusion(Leaves[0], new InclusionProof(0, 6, path), tree.Root, 5));
        Assert.True(MerkleTree.VerifyInclusion(Leaves[0], new InclusionProof(0, 5, path), tree.Root, 5));
    }

    [Fact]
    public void Random_large_trees_verify_and_random_tampering_fails()
    {
        const int Seed = 424242;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        for (var iteration = 0; iteration < 40; iteration++)
        {
            var n = random.Next(65, 3000);
            var leaves = new Hash256[n];
            var data = new byte[16];
            for (var i = 0; i < n; i++)
            {
                random.NextBytes(data);
                leaves[i] = MerkleTree.HashLeaf(data);
            }

            var tree = MerkleTree.Build(leaves);
            Assert.True(tree.Root == MerkleTree.ComputeRoot(leaves), $"seed {Seed} iteration {iteration} n={n}");
            for (var k = 0; k < 10; k++)
            {
                var i = random.Next(n);
                var proof = tree.ProveInclusion(i);
                var message = $"seed {Seed} iteration {iteration} n={n} index={i}";
                Assert.True(MerkleTree.VerifyInclusion(leaves[i], proof, tree.Root, n), message);
                var tampered = TamperedPaths(proof.AuditPath, tree.Root).ToArray();
                var (what, path) = tampered[random.Next(tampered.Length)];
                Assert.False(Verify(leaves[i], i, n, path, tree.Root), $"{message}: {what}");
                var j = random.Next(n);
                Assert.False(j != i && Verify(leaves[i], j, n, proof.AuditPath, tree.Root), $"{message}: index {j}");

                var m = random.Next(1, n);
                var consistency = tree.ProveConsistency(m);
                var oldRoot = tree.RootAtSize(m);
                message = $"seed {Seed} iteration {iteration} m={m} n={n}";
                Assert.True(MerkleTree.VerifyConsistency(consistency, m, oldRoot, n, tree.Root), message);
                tampered = [.. TamperedPaths(consistency.Path, tree.Root)];
                (what, path) = tampered[random.Next(tampered.Length)];
                Assert.False(Consistent(m, n, path, oldRoot, tree.Root), $"{message}: {what}");
            }
        }
    }

    [Fact]
    public void Untrusted_sizes_indices_and_paths_never_throw_and_never_verify()
    {
        const int Seed = 1717;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        long[] sizes = [long.MinValue, -1, 0, 1, 2, 3, 63, 64, 65, int.MaxValue, (long)int.MaxValue + 1, long.MaxValue - 1, long.MaxValue];
        var digest = new byte[Hash256.Length];
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var path = new Hash256[random.Next(0, 70)];
            for (var k = 0; k < path.Length; k++)
            {
                random.NextBytes(digest);
                path[k] = new Hash256(digest);
            }

            long Pick() => random.Next(3) == 0 ? random.NextInt64(long.MinValue, long.MaxValue) : sizes[random.Next(sizes.Length)];
            var a = Pick();
            var b = Pick();
            random.NextBytes(digest);
            var root = new Hash256(digest);
            var message = $"seed {Seed} iteration {iteration} a={a} b={b} path={path.Length}";
            Assert.False(Verify(Leaves[0], a, b, [.. path], root), message);
            Assert.False(Consistent(a, b, [.. path], Leaves[0], root), message);
        }

        // Proof objects that decode from untrusted bytes but are nonsense are simply false.
        var bytes = CanonicalEncoding.Encode(new InclusionProof(long.MaxValue, 0, [Hash256.Zero]));
        Assert.False(MerkleTree.VerifyInclusion(Leaves[0], CanonicalEncoding.Decode<InclusionProof>(bytes), Hash256.Zero, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InclusionProof(0, 1, [.. new Hash256[InclusionProof.MaxPathLength + 1]]));
    }

    [Fact]
    public void Empty_tree_has_the_documented_root_and_extends_to_every_tree()
    {
        var empty = MerkleTree.Build([]);
        Assert.Equal(0, empty.Size);
        Assert.Equal(MerkleTree.EmptyRoot, empty.Root);
        Assert.Throws<ArgumentOutOfRangeException>(() => empty.ProveInclusion(0));
        Assert.True(empty.ProveConsistency(0).Path.IsEmpty);
        var tree = MerkleTree.Build(Leaves.AsSpan(0, 7));
        Assert.True(tree.ProveConsistency(0).Path.IsEmpty);
        Assert.True(MerkleTree.VerifyConsistency(tree.ProveConsistency(0), 0, MerkleTree.EmptyRoot, 7, tree.Root));
        Assert.False(MerkleTree.VerifyConsistency(tree.ProveConsistency(0), 0, Hash256.Zero, 7, tree.Root));
        Assert.False(MerkleTree.VerifyInclusion(Leaves[0], new InclusionProof(0, 0, []), MerkleTree.EmptyRoot, 0));
    }

    private static bool Verify(Hash256 leaf, long index, long size, ImmutableArray<Hash256> path, Hash256 root) =>
        MerkleTree<AssayMerkleHasher>.VerifyInclusion(leaf, index, size, path.AsSpan(), root);

    private static bool Consistent(long m, long n, ImmutableArray<Hash256> path, Hash256 oldRoot, Hash256 newRoot) =>
        MerkleTree<AssayMerkleHasher>.VerifyConsistency(m, n, path.AsSpan(), oldRoot, newRoot);

    // Every single-step tampering of a non-empty or empty path: a flipped bit in each element, each adjacent pair
    // swapped (where different), first or last element dropped, a hash appended or prepended.
    private static IEnumerable<(string What, ImmutableArray<Hash256> Path)> TamperedPaths(ImmutableArray<Hash256> path, Hash256 root)
    {
        for (var k = 0; k < path.Length; k++)
        {
            var bytes = path[k].ToArray();
            bytes[k % Hash256.Length] ^= 0x08;
            yield return ($"bit flipped in element {k}", path.SetItem(k, new Hash256(bytes)));
        }

        for (var k = 0; k + 1 < path.Length; k++)
        {
            if (path[k] != path[k + 1])
            {
                yield return ($"elements {k} and {k + 1} swapped", path.SetItem(k, path[k + 1]).SetItem(k + 1, path[k]));
            }
        }

        if (path.Length > 0)
        {
            yield return ("last element dropped", path.RemoveAt(path.Length - 1));
            yield return ("first element dropped", path.RemoveAt(0));
            yield return ("first element repeated", path.Insert(0, path[0]));
        }

        yield return ("root appended", path.Add(root));
        yield return ("root prepended", path.Insert(0, root));
        yield return ("zero hash appended", path.Add(Hash256.Zero));
    }
}
