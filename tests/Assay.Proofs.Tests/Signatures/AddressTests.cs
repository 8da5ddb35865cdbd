using Assay.Proofs.Hashing;
using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;

namespace Assay.Proofs.Tests.Signatures;

/// <summary>Addresses: the hash of the compressed key, its text form and strict parsing.</summary>
public class AddressTests
{
    [Fact]
    public void Address_is_the_first_20_bytes_of_the_tagged_hash_of_the_compressed_key()
    {
        using var key = SignatureTests.KeyFromSeed(11);
        var digest = DomainHash.Compute("assay/address/v1", key.PublicKey.Encode()).ToArray();
        Assert.Equal(digest[..20], key.Address.ToArray());
    }

    [Fact]
    public void Text_form_round_trips_and_only_the_canonical_form_parses()
    {
        var v = SignatureVectors.Read("signature_vectors.csv");
        var text = System.Text.Encoding.ASCII.GetString(v["key1_address_text"]);
        var address = Address.Parse(text);
        Assert.Equal(text, address.ToString());
        Assert.Equal(new Address(v["key1_address"]), address);

        foreach (var bad in new[]
        {
            text.ToUpperInvariant(), "ASY" + text[3..], text[3..], "0x" + text[3..], text[..^1], text + "0",
            "asy" + new string('g', 40), string.Empty, "asy" + text[3..].ToUpperInvariant(), " " + text,
        })
        {
            Assert.False(Address.TryParse(bad, out _), bad);
            Assert.Throws<CanonicalFormatException>(() => Address.Parse(bad));
        }

        Assert.False(Address.TryParse(null, out _));
        Assert.Throws<ArgumentException>(() => new Address(new byte[19]));
    }
}
