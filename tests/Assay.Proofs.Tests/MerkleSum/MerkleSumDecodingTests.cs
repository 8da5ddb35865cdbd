using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;
using static Assay.Proofs.Tests.MerkleSum.MerkleSumTestData;

namespace Assay.Proofs.Tests.MerkleSum;

/// <summary>Decoding untrusted bytes: only <see cref="MerkleSumFormatException"/>, limits enforced, and a mutated encoding
/// that still decodes never verifies unless it is the original (a fuzz target run as a unit test).</summary>
public class MerkleSumDecodingTests
{
    private const int Seed = 7319;

    [Fact]
    public void Every_truncation_and_extension_is_refused_with_the_typed_exception()
    {
        var (tree, proof) = Sample();
        var encodings = new (string Name, byte[] Bytes, Action<byte[]> Decode)[]
        {
            ("root", tree.Root.Encode(), b => MerkleSumRoot.Decode(b, Layout)),
            ("opening", tree.Open(3).Encode(), b => MerkleSumOpening.Decode(b, Layout)),
            ("proof", proof.Encode(), b => SpotCheckProof.Decode(b, Layout)),
        };
        foreach (var (name, bytes, decode) in encodings)
        {
            decode(bytes);
            for (var length = 0; length < bytes.Length; length++)
            {
                var prefix = bytes[..length];
                var error = Record.Exception(() => decode(prefix));
                Assert.True(error is MerkleSumFormatException, $"{name} truncated to {length} bytes: {error?.GetType().Name ?? "no exception"}");
            }

            Assert.Throws<MerkleSumFormatException>(() => decode([.. bytes, 0]));
        }
    }

    [Fact]
    public void Headers_and_counts_over_their_limits_are_refused()
    {
        var (tree, proof) = Sample();
        var root = tree.Root.Encode();
        var opening = tree.Open(3).Encode();
        var encoded = proof.Encode();
        Assert.Throws<MerkleSumFormatException>(() => MerkleSumRoot.Decode(Patched(root, 0, 2), Layout));
        Assert.Throws<MerkleSumFormatException>(() => MerkleSumRoot.Decode(Patched(root, 1, 4), Layout));
        Assert.Throws<MerkleSumFormatException>(() => MerkleSumRoot.Decode(Patched(root, 2, 0, 0, 0, 0, 0, 0, 0, 0), Layout));
        Assert.Throws<MerkleSumFormatException>(() => MerkleSumRoot.Decode(Patched(root, 2, 1, 0, 0, 0, 2, 0, 0, 0), Layout));
        Assert.Throws<MerkleSumFormatException>(() => MerkleSumOpening.Decode(Patched(opening, 0, 0), Layout));
        Assert.Throws<MerkleSumFormatException>(() => MerkleSumOpening.Decode(Patched(opening, 1, 2), Layout));
        var siblingCountAt = 10 + 8 + 32 + LaneSums.EncodedLengthFor(3);
        Assert.Throws<MerkleSumFormatException>(() => MerkleSumOpening.Decode(Patched(opening, siblingCountAt, MerkleSumTree.MaxDepth + 1), Layout));
        Assert.Throws<MerkleSumFormatException>(() => SpotCheckProof.Decode(Patched(encoded, 10, 0xFF, 0xFF, 0xFF, 0x7F), Layout));
        Assert.Throws<MerkleSumFormatException>(() => SpotCheckProof.Decode(Patched(encoded, 10, 0x01, 0x00, 0x01, 0x00), Layout));
        Assert.Throws<MerkleSumFormatException>(() => SpotCheckProof.Decode(Patched(encoded, 2, 0, 0, 0, 0, 0, 0, 0, 0), Layout));
        var emptyProof = new SpotCheckProof(9, 3, []);
        Assert.Empty(SpotCheckProof.Decode(emptyProof.Encode(), Layout).Openings);
    }

    [Fact]
    public void Random_mutations_decode_to_the_typed_exception_or_to_something_that_does_not_verify()
    {
        Console.WriteLine($"MerkleSumDecodingTests seed {Seed}");
        var random = new Random(Seed);
        var (tree, proof) = Sample();
        var seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var policy = new SpotCheckPolicy(3, 3, MassLane);
        var original = proof.Encode();
        var rootBytes = tree.Root.Encode();
        var openingBytes = tree.Open(5).Encode();
        for (var trial = 0; trial < 1500; trial++)
        {
            var target = trial % 3;
            var bytes = (byte[])(target == 0 ? original : target == 1 ? rootBytes : openingBytes).Clone();
            var flips = random.Next(1, 4);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
            }

            try
            {
                switch (target)
                {
                    case 0:
                        var verdict = SpotCheckVerifier.Verify(Layout, tree.Root, seed, policy, SpotCheckProof.Decode(bytes, Layout), i => tree.GetLeaf(i));
                        Assert.False(verdict.IsValid, $"seed {Seed}, trial {trial}: a mutated proof verified: {Convert.ToHexStringLower(bytes)}");
                        break;
                    case 1:
                        var root = MerkleSumRoot.Decode(bytes, Layout);
                        Assert.False(MerkleSumVerifier.Verify(Layout, root, tree.Open(5)).IsValid, $"seed {Seed}, trial {trial}: a mutated root verified");
                        break;
                    default:
                        var opening = MerkleSumOpening.Decode(bytes, Layout);
                        Assert.False(MerkleSumVerifier.Verify(Layout, tree.Root, opening).IsValid, $"seed {Seed}, trial {trial}: a mutated opening verified");
                        break;
                }
            }
            catch (MerkleSumFormatException)
            {
            }
        }

        for (var trial = 0; trial < 300; trial++)
        {
            var garbage = new byte[random.Next(0, 400)];
            random.NextBytes(garbage);
            if (garbage.Length > 1)
            {
                garbage[0] = 1;
                garbage[1] = 3;
            }

            foreach (var decode in new Action[] { () => MerkleSumRoot.Decode(garbage, Layout), () => MerkleSumOpening.Decode(garbage, Layout), () => SpotCheckProof.Decode(garbage, Layout) })
            {
                var error = Record.Exception(decode);
                Assert.True(error is null or MerkleSumFormatException, $"seed {Seed}, garbage trial {trial}: {error}");
            }
        }
    }

    private static (MerkleSumTree Tree, SpotCheckProof Proof) Sample()
    {
        var tree = MerkleSumTree.Build(Layout, RandomLeaves(new Random(Seed), 9));
        var seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        return (tree, SpotCheckProver.Prove(tree, seed, new SpotCheckPolicy(3, 3, MassLane)));
    }

    private static byte[] Patched(byte[] bytes, int offset, params byte[] values)
    {
        var copy = (byte[])bytes.Clone();
        values.CopyTo(copy, offset);
        return copy;
    }
}
