using System.Security.Cryptography;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Proofs.Tests.MerkleSum;

/// <summary>The eight-lane SHA-256 used to build trees against the platform's SHA-256 (OpenSSL here), bit for bit.</summary>
public class Sha256LanesTests
{
    private const int Seed = 20261121;

    [Fact]
    public void Digests_equal_the_platform_sha256_for_every_length_up_to_five_blocks_and_every_width()
    {
        var random = new Random(Seed);
        Span<Hash256> digests = stackalloc Hash256[Sha256Lanes.Width];
        for (var length = 0; length <= 5 * 64; length++)
        {
            var stride = Sha256Lanes.PaddedLength(length);
            Assert.True(stride % 64 == 0 && stride >= length + 9 && stride < length + 9 + 64, $"length {length}: padded {stride}");
            var width = 1 + (length % Sha256Lanes.Width);
            var messages = new byte[Sha256Lanes.Width * stride];
            random.NextBytes(messages);
            var originals = new byte[width][];
            for (var j = 0; j < width; j++)
            {
                originals[j] = messages.AsSpan(j * stride, length).ToArray();
                Sha256Lanes.Pad(messages.AsSpan(j * stride, stride), length);
            }

            Sha256Lanes.Hash(messages, stride, width, digests);
            for (var j = 0; j < width; j++)
            {
                Assert.True(new Hash256(SHA256.HashData(originals[j])) == digests[j], $"seed {Seed}, length {length}, width {width}, lane {j}: {digests[j]}");
            }
        }
    }

    [Fact]
    public void Fips_180_2_example_abc_gives_the_published_digest()
    {
        // FIPS 180-2, Appendix B.1: SHA-256("abc").
        var messages = new byte[Sha256Lanes.Width * 64];
        "abc"u8.CopyTo(messages);
        Sha256Lanes.Pad(messages.AsSpan(0, 64), 3);
        Span<Hash256> digests = stackalloc Hash256[Sha256Lanes.Width];
        Sha256Lanes.Hash(messages, 64, 1, digests);
        Assert.Equal(Hash256.Parse("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), digests[0]);
    }
}
