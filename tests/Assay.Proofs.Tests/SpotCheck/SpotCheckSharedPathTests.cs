using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;
using static Assay.Proofs.Tests.MerkleSum.MerkleSumTestData;

namespace Assay.Proofs.Tests.SpotCheck;

/// <summary>The verifier hashes each node shared by several openings once, and still refuses every tampered opening with the full verifier's reason.</summary>
public class SpotCheckSharedPathTests
{
    private const int Seed = 8086;

    private readonly byte[] _seed = [.. Enumerable.Range(7, 32).Select(i => (byte)i)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(4097)]
    public void Honest_proofs_verify_and_hash_each_distinct_node_once(int n)
    {
        var leaves = RandomLeaves(new Random(Seed + n), n);
        var tree = MerkleSumTree.Build(Layout, leaves);
        var policy = new SpotCheckPolicy(Math.Min(n, 60), 60, MassLane);
        var proof = SpotCheckProver.Prove(tree, _seed, policy);
        var verdict = SpotCheckVerifier.Verify(Layout, tree.Root, _seed, policy, proof, i => leaves[i]);
        var context = $"seed {Seed + n}, n {n}, {proof.Openings.Count} openings: {verdict}";
        Assert.True(verdict.IsValid, context);
        var challenge = SpotCheckChallenge.Derive(tree.Root, _seed, policy);
        var distinct = DistinctNodes(n, proof.Openings.Select(o => o.LeafIndex));
        Assert.True(challenge.DrawsHashed + HashesOf(proof.Openings.Count, distinct) == verdict.HashesComputed, context);
        var unshared = proof.Openings.Sum(o => o.Siblings.Count);
        Assert.True(distinct <= unshared, context);
        if (n >= 100)
        {
            Assert.True(distinct < 0.7 * unshared, $"{context}: {distinct} distinct nodes vs {unshared} path nodes");
        }
    }

    [Fact]
    public void A_tampered_sibling_above_a_shared_node_is_refused_with_the_full_verifiers_reason()
    {
        const int n = 300;
        var leaves = RandomLeaves(new Random(Seed), n);
        var tree = MerkleSumTree.Build(Layout, leaves);
        var policy = new SpotCheckPolicy(40, 0, MassLane);
        var proof = SpotCheckProver.Prove(tree, _seed, policy);
        var openings = proof.Openings.ToArray();
        var random = new Random(Seed);
        for (var trial = 0; trial < 60; trial++)
        {
            // A later opening (its upper path is shared with earlier ones), one of its top three siblings, one of three tamperings.
            var at = random.Next(1, openings.Length);
            var victim = openings[at];
            var level = victim.Siblings.Count - 1 - random.Next(Math.Min(3, victim.Siblings.Count));
            var siblings = victim.Siblings.ToArray();
            var s = siblings[level];
            siblings[level] = (trial % 3) switch
            {
                0 => s with { Sums = WithLane(s.Sums, 0, s.Sums[0] + 1) },
                1 => s with { Sums = WithLane(s.Sums, MassLane, -1) },
                _ => s with { Hash = DomainHash.Compute("assay/test-tamper/v1", [(byte)trial]) },
            };
            var tampered = new MerkleSumOpening(victim.LeafIndex, victim.LeafCount, victim.Leaf, siblings);
            var forged = (MerkleSumOpening[])openings.Clone();
            forged[at] = tampered;
            var verdict = SpotCheckVerifier.Verify(Layout, tree.Root, _seed, policy, new SpotCheckProof(n, Layout.LaneCount, forged), i => leaves[i]);
            var alone = MerkleSumVerifier.Verify(Layout, tree.Root, tampered);
            var context = $"seed {Seed}, trial {trial}, opening {at} (leaf {victim.LeafIndex}), sibling {level}: {verdict} / alone {alone}";
            Assert.False(alone.IsValid, context);
            Assert.Equal(SpotCheckRejection.OpeningInvalid, verdict.Rejection);
            Assert.True(alone.Rejection == verdict.OpeningRejection, context);
            Assert.Equal(victim.LeafIndex, verdict.LeafIndex);
        }
    }

    [Fact]
    public void A_shared_path_with_a_surplus_or_missing_top_sibling_is_refused()
    {
        const int n = 64;
        var leaves = RandomLeaves(new Random(Seed), n);
        var tree = MerkleSumTree.Build(Layout, leaves);
        var policy = new SpotCheckPolicy(10, 0, MassLane);
        var openings = SpotCheckProver.Prove(tree, _seed, policy).Openings.ToArray();
        var victim = openings[^1];
        var shorter = new MerkleSumOpening(victim.LeafIndex, n, victim.Leaf, victim.Siblings.Take(victim.Siblings.Count - 1));
        var longer = new MerkleSumOpening(victim.LeafIndex, n, victim.Leaf, victim.Siblings.Append(victim.Siblings[^1]));
        foreach (var bad in new[] { shorter, longer })
        {
            var forged = (MerkleSumOpening[])openings.Clone();
            forged[^1] = bad;
            var verdict = SpotCheckVerifier.Verify(Layout, tree.Root, _seed, policy, new SpotCheckProof(n, Layout.LaneCount, forged), i => leaves[i]);
            Assert.Equal(SpotCheckRejection.OpeningInvalid, verdict.Rejection);
            Assert.Equal(MerkleSumRejection.PathLengthMismatch, verdict.OpeningRejection);
        }
    }

    /// <summary>Hashes the verifier computes for m openings whose paths hold d distinct internal nodes: m leaf hashes, d node
    /// hashes, and for each opening after the first one more hash, of the first node it shares with an earlier path (the
    /// hash that proves the node is the same).</summary>
    internal static long HashesOf(long openings, long distinctNodes) => openings + distinctNodes + (distinctNodes == 0 ? 0 : openings - 1);

    /// <summary>Internal nodes on the union of the opened leaves' paths, by the recursive RFC 9162 split (independent of the verifier's bottom-up walk).</summary>
    internal static long DistinctNodes(long leafCount, IEnumerable<long> opened)
    {
        var nodes = new HashSet<(long Start, long End)>();
        foreach (var leaf in opened)
        {
            long start = 0, end = leafCount;
            while (end - start > 1)
            {
                nodes.Add((start, end));
                var k = 1L;
                while (k * 2 < end - start)
                {
                    k *= 2;
                }

                if (leaf < start + k)
                {
                    end = start + k;
                }
                else
                {
                    start += k;
                }
            }
        }

        return nodes.Count;
    }
}
