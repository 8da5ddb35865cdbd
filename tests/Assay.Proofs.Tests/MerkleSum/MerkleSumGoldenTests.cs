using Assay.Proofs.MerkleSum;
using static Assay.Proofs.Tests.MerkleSum.MerkleSumTestData;

namespace Assay.Proofs.Tests.MerkleSum;

/// <summary>Leaf and node preimages, roots and openings against vectors from tests/data/proofs/merkle-sum/generate_vectors.py
/// (Python hashlib, recursive RFC 9162 split), which freeze the formats: a change must bump a version, not the vectors.</summary>
public class MerkleSumGoldenTests
{
    private readonly MerkleSumLeaf[] _leaves = GoldenLeaves();
    private readonly IReadOnlyDictionary<string, string> _vectors = Vectors();

    [Fact]
    public void Leaf_preimages_and_hashes_match_the_independent_vectors()
    {
        Assert.Equal(7, _leaves.Length);
        for (var i = 0; i < _leaves.Length; i++)
        {
            Assert.Equal(_vectors[$"leaf_preimage_{i}"], Convert.ToHexStringLower(MerkleSumHash.LeafPreimage(i, _leaves[i])));
            Assert.Equal(_vectors[$"leaf_hash_{i}"], MerkleSumHash.Leaf(i, _leaves[i]).ToString());
        }
    }

    [Fact]
    public void Node_preimage_and_hash_match_the_independent_vectors()
    {
        var left = new MerkleSumSibling(MerkleSumHash.Leaf(0, _leaves[0]), _leaves[0].Sums);
        var right = new MerkleSumSibling(MerkleSumHash.Leaf(1, _leaves[1]), _leaves[1].Sums);
        Assert.Equal(_vectors["node_preimage_0_1"], Convert.ToHexStringLower(MerkleSumHash.NodePreimage(left, right)));
        Assert.Equal(_vectors["node_hash_0_1"], MerkleSumHash.Node(left, right).ToString());
        Assert.Equal(MerkleSumHash.NodePreimageLength(3), MerkleSumHash.NodePreimage(left, right).Length);
        Assert.Equal(MerkleSumHash.LeafPreimageLength(3), MerkleSumHash.LeafPreimage(0, _leaves[0]).Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(7)]
    public void Roots_match_the_independent_vectors_and_decode_back(int n)
    {
        var tree = MerkleSumTree.Build(Layout, _leaves[..n]);
        var root = tree.Root;
        Assert.Equal(_vectors[$"root_hash_{n}"], root.Hash.ToString());
        var sums = new byte[root.Sums.EncodedLength];
        root.Sums.WriteTo(sums);
        Assert.Equal(_vectors[$"root_sums_{n}"], Convert.ToHexStringLower(sums));
        Assert.Equal(Total(_leaves[..n]), root.Sums);
        Assert.Equal(_vectors[$"root_encoding_{n}"], Convert.ToHexStringLower(root.Encode()));
        Assert.Equal(_vectors[$"root_digest_{n}"], root.Digest().ToString());
        Assert.Equal(root, MerkleSumRoot.Decode(Hex(_vectors[$"root_encoding_{n}"]), Layout));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(6)]
    public void Openings_match_the_independent_vectors_decode_back_and_verify(int index)
    {
        var tree = MerkleSumTree.Build(Layout, _leaves);
        var opening = tree.Open(index);
        var expected = _vectors[$"opening_7_{index}"];
        Assert.Equal(expected, Convert.ToHexStringLower(opening.Encode()));
        var decoded = MerkleSumOpening.Decode(Hex(expected), Layout);
        Assert.Equal(expected, Convert.ToHexStringLower(decoded.Encode()));
        Assert.True(MerkleSumVerifier.Verify(Layout, tree.Root, decoded).IsValid);
    }
}
