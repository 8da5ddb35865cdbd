using System.Security.Cryptography;
using System.Text;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Tests.Hashing;

/// <summary>The domain-separated hash is SHA-256 of (tag length, tag, data), frozen by golden vectors.</summary>
public class DomainHashTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(1010)] // the largest preimage hashed in one call
    [InlineData(1011)] // the smallest hashed incrementally
    [InlineData(100_000)]
    public void Equals_sha256_of_the_length_prefixed_tag_and_the_data(int length)
    {
        var tag = "assay/test/v1";
        var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        var preimage = new byte[] { (byte)tag.Length }.Concat(Encoding.ASCII.GetBytes(tag)).Concat(data).ToArray();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(preimage)), DomainHash.Compute(tag, data).ToString());
        Assert.Equal(DomainHash.Compute(tag, data), DomainHash.Compute(tag, data.AsSpan(0, 1), data.AsSpan(1)));
        Assert.Equal(DomainHash.Compute(tag, data), DomainHash.Compute(tag, data.AsSpan(0, length / 2), data.AsSpan(length / 2)));
    }

    [Fact]
    public void Golden_vector_is_frozen()
    {
        // SHA-256(0x0d ‖ "assay/test/v1" ‖ "abc"), computed independently with: printf '\x0dassay/test/v1abc' | sha256sum
        Assert.Equal(
            "7b70efbb824c6dd443b27fe2016c44b37220debc208fa9cbd5351357a9281d53",
            DomainHash.Compute("assay/test/v1", "abc"u8).ToString());
    }

    [Fact]
    public void Different_tags_give_different_hashes_and_bad_tags_are_refused()
    {
        Assert.NotEqual(DomainHash.Compute("a", "bc"u8), DomainHash.Compute("ab", "c"u8));
        Assert.Throws<ArgumentException>(() => DomainHash.Compute(string.Empty, "x"u8));
        Assert.Throws<ArgumentException>(() => DomainHash.Compute(new string('t', 256), "x"u8));
    }

    [Fact]
    public void Hash256_round_trips_through_hex_and_rejects_malformed_text()
    {
        var h = DomainHash.Compute("assay/test/v1", "abc"u8);
        Assert.Equal(h, Hash256.Parse(h.ToString()));
        Assert.Equal(h, Hash256.Parse(h.ToString().ToUpperInvariant()));
        Assert.Throws<FormatException>(() => Hash256.Parse("00"));
        Assert.Throws<FormatException>(() => Hash256.Parse(new string('g', 64)));
    }
}
