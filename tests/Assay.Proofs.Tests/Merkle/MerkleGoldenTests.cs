using System.Buffers.Binary;
using System.Globalization;
using Assay.Proofs.Hashing;
using Assay.Proofs.Merkle;
using Assay.Proofs.Tests.Canonical;

namespace Assay.Proofs.Tests.Merkle;

/// <summary>
/// Roots, audit paths and consistency proofs equal those of an independent Python implementation of RFC 6962 §2.1
/// (tests/data/proofs/merkle/generate_merkle_vectors.py) for both the Assay tags and RFC 6962's prefixes, for
/// n = 0…20 and sizes up to 100 000; and the RFC 6962 scheme reproduces Certificate Transparency's published vectors.
/// </summary>
public class MerkleGoldenTests
{
    private const int LargestTree = 100_000;

    [Theory]
    [InlineData("assay")]
    [InlineData("rfc6962")]
    public void Roots_match_the_python_reference(string scheme)
    {
        if (scheme == "assay")
        {
            CheckRoots<AssayMerkleHasher>(scheme);
        }
        else
        {
            CheckRoots<Rfc6962MerkleHasher>(scheme);
        }
    }

    [Theory]
    [InlineData("assay")]
    [InlineData("rfc6962")]
    public void Audit_paths_match_the_python_reference_and_verify(string scheme)
    {
        if (scheme == "assay")
        {
            CheckInclusion<AssayMerkleHasher>(scheme);
        }
        else
        {
            CheckInclusion<Rfc6962MerkleHasher>(scheme);
        }
    }

    [Theory]
    [InlineData("assay")]
    [InlineData("rfc6962")]
    public void Consistency_proofs_match_the_python_reference_and_verify(string scheme)
    {
        if (scheme == "assay")
        {
            CheckConsistency<AssayMerkleHasher>(scheme);
        }
        else
        {
            CheckConsistency<Rfc6962MerkleHasher>(scheme);
        }
    }

    [Fact]
    public void Rfc6962_scheme_reproduces_the_certificate_transparency_published_vectors()
    {
        // Source: transparency-dev/merkle testonly/constants.go and proof/verify_test.go (see the CSV header).
        var rows = TestVectors.Read("merkle", "rfc6962_published.csv");
        var leaves = rows.Where(r => r["kind"] == "leaf").Select(r => Rfc6962MerkleHasher.HashLeaf(Convert.FromHexString(r["hex"]))).ToArray();
        Assert.Equal(8, leaves.Length);
        var full = new MerkleTree<Rfc6962MerkleHasher>(leaves);
        foreach (var row in rows)
        {
            var a = int.Parse(row["a"], CultureInfo.InvariantCulture);
            var message = $"{row["kind"]} a={a} b={row["b"]}";
            switch (row["kind"])
            {
                case "root":
                    var root = Hash256.Parse(row["hex"]);
                    Assert.True(root == MerkleTree<Rfc6962MerkleHasher>.ComputeRoot(leaves.AsSpan(0, a)), message);
                    Assert.True(root == new MerkleTree<Rfc6962MerkleHasher>(leaves.AsSpan(0, a)).Root, message);
                    Assert.True(root == full.RootAtSize(a), message);
                    break;
                case "inclusion":
                    var size = int.Parse(row["b"], CultureInfo.InvariantCulture);
                    var tree = new MerkleTree<Rfc6962MerkleHasher>(leaves.AsSpan(0, size));
                    var proof = tree.ProveInclusion(a);
                    Assert.True(TestVectors.Hashes(row["hex"]).SequenceEqual(proof.AuditPath), message);
                    Assert.True(MerkleTree<Rfc6962MerkleHasher>.VerifyInclusion(leaves[a], proof, tree.Root, size), message);
                    break;
                case "consistency":
                    var newSize = int.Parse(row["b"], CultureInfo.InvariantCulture);
                    var later = new MerkleTree<Rfc6962MerkleHasher>(leaves.AsSpan(0, newSize));
                    var consistency = later.ProveConsistency(a);
                    Assert.True(TestVectors.Hashes(row["hex"]).SequenceEqual(consistency.Path), message);
                    Assert.True(MerkleTree<Rfc6962MerkleHasher>.VerifyConsistency(consistency, a, later.RootAtSize(a), newSize, later.Root), message);
                    break;
                default:
                    break;
            }
        }
    }

    [Fact]
    public void Assay_hashes_are_domain_hashes_with_the_documented_tags()
    {
        var left = DomainHash.Compute("assay/test/v1", "l"u8);
        var right = DomainHash.Compute("assay/test/v1", "r"u8);
        Assert.Equal(DomainHash.Compute("assay/merkle-leaf/v1", "data"u8), MerkleTree.HashLeaf("data"u8));
        Assert.Equal(DomainHash.Compute("assay/merkle-node/v1", left.ToArray(), right.ToArray()), AssayMerkleHasher.HashNode(left, right));
        Assert.Equal(DomainHash.Compute("assay/merkle-empty/v1", []), MerkleTree.EmptyRoot);
        Assert.Equal(MerkleTree.EmptyRoot, MerkleTree.Build([]).Root);
        Assert.Equal(MerkleTree.EmptyRoot, MerkleTree.ComputeRoot([]));
    }

    internal static Hash256[] LeafHashes<THasher>(int count)
        where THasher : struct, IMerkleHasher
    {
        var leaves = new Hash256[count];
        Span<byte> data = stackalloc byte[8];
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(data, (ulong)i);
            leaves[i] = THasher.HashLeaf(data);
        }

        return leaves;
    }

    private static void CheckRoots<THasher>(string scheme)
        where THasher : struct, IMerkleHasher
    {
        var leaves = LeafHashes<THasher>(LargestTree);
        var full = new MerkleTree<THasher>(leaves);
        foreach (var row in TestVectors.Read("merkle", "roots.csv").Where(r => r["scheme"] == scheme))
        {
            var n = int.Parse(row["n"], CultureInfo.InvariantCulture);
            var expected = Hash256.Parse(row["root"]);
            var message = $"scheme={scheme} n={n}";
            Assert.True(expected == MerkleTree<THasher>.ComputeRoot(leaves.AsSpan(0, n)), message + " (streaming)");
            Assert.True(expected == full.RootAtSize(n), message + " (prefix of the largest tree)");
            Assert.True(expected == new MerkleTree<THasher>(leaves.AsSpan(0, n)).Root, message + " (built)");
        }
    }

    private static void CheckInclusion<THasher>(string scheme)
        where THasher : struct, IMerkleHasher
    {
        var leaves = LeafHashes<THasher>(LargestTree);
        var trees = new Dictionary<int, MerkleTree<THasher>>();
        foreach (var row in TestVectors.Read("merkle", "inclusion.csv").Where(r => r["scheme"] == scheme))
        {
            var n = int.Parse(row["n"], CultureInfo.InvariantCulture);
            var i = int.Parse(row["index"], CultureInfo.InvariantCulture);
            if (!trees.TryGetValue(n, out var tree))
            {
                tree = trees[n] = new MerkleTree<THasher>(leaves.AsSpan(0, n));
            }

            var proof = tree.ProveInclusion(i);
            var message = $"scheme={scheme} n={n} index={i}";
            Assert.True(TestVectors.Hashes(row["path"]).SequenceEqual(proof.AuditPath), message);
            Assert.True(MerkleTree<THasher>.VerifyInclusion(leaves[i], proof, tree.Root, n), message);
        }
    }

    private static void CheckConsistency<THasher>(string scheme)
        where THasher : struct, IMerkleHasher
    {
        var leaves = LeafHashes<THasher>(LargestTree);
        var trees = new Dictionary<int, MerkleTree<THasher>>();
        foreach (var row in TestVectors.Read("merkle", "consistency.csv").Where(r => r["scheme"] == scheme))
        {
            var m = int.Parse(row["m"], CultureInfo.InvariantCulture);
            var n = int.Parse(row["n"], CultureInfo.InvariantCulture);
            if (!trees.TryGetValue(n, out var tree))
            {
                tree = trees[n] = new MerkleTree<THasher>(leaves.AsSpan(0, n));
            }

            var proof = tree.ProveConsistency(m);
            var message = $"scheme={scheme} m={m} n={n}";
            Assert.True(TestVectors.Hashes(row["path"]).SequenceEqual(proof.Path), message);
            var oldRoot = tree.RootAtSize(m);
            Assert.True(MerkleTree<THasher>.VerifyConsistency(proof, m, oldRoot, n, tree.Root), message);
        }
    }
}
