using System.Numerics;
using Assay.Proofs.Hashing;
using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;

namespace Assay.Proofs.Tests.Signatures;

/// <summary>Low-S ECDSA P-256 signatures over domain-separated digests: round trips, tampering, malleability, golden vectors.</summary>
public class SignatureTests
{
    private const string Tag = "assay/test-message/v1";

    // FIPS 186-4 D.1.2.3.
    private static readonly BigInteger N = BigInteger.Parse("0ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Signatures_round_trip_and_are_low_s()
    {
        using var key = KeyFromSeed(1);
        for (var i = 0; i < 20; i++)
        {
            var message = new byte[i * 7];
            message.AsSpan().Fill((byte)i);
            var signature = key.Sign(Tag, message);
            var s = new BigInteger(signature.Encode().AsSpan(32), isUnsigned: true, isBigEndian: true);
            Assert.True(s <= N / 2, $"high S at i={i}: {signature}");
            Assert.True(key.PublicKey.Verify(Tag, message, signature), $"i={i}");
            Assert.True(key.PublicKey.Verify(Tag, message, signature.Encode()), $"i={i}");
            Assert.Equal(signature, Signature.Decode(signature.Encode()));
        }
    }

    [Fact]
    public void Verification_rejects_wrong_key_message_tag_and_every_flipped_bit()
    {
        using var key = KeyFromSeed(2);
        using var other = KeyFromSeed(3);
        var message = "pay 5 to asy00"u8.ToArray();
        var signature = key.Sign(Tag, message);
        Assert.True(key.PublicKey.Verify(Tag, message, signature));
        Assert.False(other.PublicKey.Verify(Tag, message, signature));
        Assert.False(key.PublicKey.Verify(Tag, "pay 6 to asy00"u8, signature));
        Assert.False(key.PublicKey.Verify("assay/other-message/v1", message, signature));

        var bytes = signature.Encode();
        for (var bit = 0; bit < 8 * Signature.Length; bit++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(key.PublicKey.Verify(Tag, message, tampered), $"flipped bit {bit} of {signature}");
        }

        for (var bit = 0; bit < 8 * message.Length; bit++)
        {
            var tampered = (byte[])message.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(key.PublicKey.Verify(Tag, tampered, signature), $"flipped message bit {bit}");
        }
    }

    [Fact]
    public void High_s_twin_is_rejected_although_it_is_valid_ecdsa()
    {
        using var key = KeyFromSeed(4);
        var message = "m"u8.ToArray();
        var signature = key.Sign(Tag, message).Encode();
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var twin = WithScalars(signature.AsSpan(0, 32), N - s);
        Assert.False(key.PublicKey.Verify(Tag, message, twin));
        Assert.False(Signature.TryDecode(twin, out _));
        Assert.Throws<CanonicalFormatException>(() => Signature.Decode(twin));

        // The twin really is a valid ECDSA signature: the BCL's own verifier accepts it.
        using var bcl = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        bcl.ImportFromPem(key.ExportPkcs8Pem());
        Assert.True(bcl.VerifyHash(DomainHash.Compute(Tag, message).ToArray(), twin));
    }

    [Fact]
    public void Scalars_out_of_range_and_malformed_lengths_are_rejected()
    {
        using var key = KeyFromSeed(5);
        var message = "m"u8.ToArray();
        var good = key.Sign(Tag, message).Encode();
        var r = new BigInteger(good.AsSpan(0, 32), isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(good.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var cases = new (string Name, byte[] Bytes)[]
        {
            ("r = 0", WithScalars(BigInteger.Zero, s)),
            ("s = 0", WithScalars(r, BigInteger.Zero)),
            ("r = n", WithScalars(N, s)),
            ("r = 2^256 - 1", WithScalars((BigInteger.One << 256) - 1, s)),
            ("s = n", WithScalars(r, N)),
            ("s = (n + 1) / 2", WithScalars(r, (N + 1) / 2)),
            ("s = n - 1", WithScalars(r, N - 1)),
        };
        foreach (var (name, bytes) in cases)
        {
            Assert.False(key.PublicKey.Verify(Tag, message, bytes), name);
            Assert.False(Signature.TryDecode(bytes, out _), name);
            Assert.Throws<CanonicalFormatException>(() => Signature.Decode(bytes));
        }

        foreach (var length in new[] { 0, 1, 63, 65, 70, 72 })
        {
            var bytes = new byte[length];
            good.AsSpan(0, Math.Min(length, 64)).CopyTo(bytes);
            Assert.False(key.PublicKey.Verify(Tag, message, bytes), $"length {length}");
            Assert.Throws<CanonicalFormatException>(() => Signature.Decode(bytes));
        }

        Assert.False(key.PublicKey.Verify(Tag, message, default(Signature)));
        Assert.False(default(Signature).IsCanonical);
    }

    [Fact]
    public void Golden_signature_made_by_python_cryptography_verifies()
    {
        // Written by tests/data/proofs/signatures/generate_signature_vectors.py (Python cryptography 38.0.4).
        var v = SignatureVectors.Read("signature_vectors.csv");
        var key = PublicKey.Decode(v["key1_public"]);
        var tag = System.Text.Encoding.ASCII.GetString(v["message_tag"]);
        Assert.Equal(Convert.ToHexStringLower(v["message_digest"]), DomainHash.Compute(tag, v["message"]).ToString());
        Assert.True(key.Verify(tag, v["message"], v["signature_low_s"]));
        Assert.True(key.VerifyDigest(new Hash256(v["message_digest"]), Signature.Decode(v["signature_low_s"])));
        Assert.False(key.Verify(tag, v["message"], v["signature_high_s"]));
        Assert.False(PublicKey.Decode(v["key2_public"]).Verify(tag, v["message"], v["signature_low_s"]));
    }

    [Fact]
    public void Signatures_made_here_from_the_golden_scalar_verify_under_the_golden_public_key()
    {
        var v = SignatureVectors.Read("signature_vectors.csv");
        using var key = SigningKey.FromPrivateScalar(v["key1_scalar"]);
        var signature = key.Sign("assay/test-message/v1", v["message"]);
        Assert.True(PublicKey.Decode(v["key1_public"]).Verify("assay/test-message/v1", v["message"], signature));
    }

    [Fact]
    public void Private_scalars_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SigningKey.FromPrivateScalar(new byte[32]));
        Assert.Throws<ArgumentException>(() => SigningKey.FromPrivateScalar(new byte[31]));
        var n = new byte[32];
        N.TryWriteBytes(n, out _, isUnsigned: true, isBigEndian: true);
        Assert.Throws<ArgumentException>(() => SigningKey.FromPrivateScalar(n));
        n[31]--;
        using var largest = SigningKey.FromPrivateScalar(n);
        Assert.True(largest.PublicKey.Verify(Tag, "x"u8, largest.Sign(Tag, "x"u8)));
    }

    [Fact]
    public void Generated_keys_differ_and_work()
    {
        using var a = SigningKeyFactory.Generate();
        using var b = SigningKeyFactory.Generate();
        Assert.NotEqual(a.PublicKey, b.PublicKey);
        Assert.True(a.PublicKey.Verify(Tag, "x"u8, a.Sign(Tag, "x"u8)));
        Assert.False(b.PublicKey.Verify(Tag, "x"u8, a.Sign(Tag, "x"u8)));
    }

    internal static SigningKey KeyFromSeed(int seed)
    {
        var scalar = DomainHash.Compute("assay/test-key/v1", BitConverter.GetBytes(seed)).ToArray();
        scalar[0] &= 0x7f;
        return SigningKey.FromPrivateScalar(scalar);
    }

    private static byte[] WithScalars(ReadOnlySpan<byte> r, BigInteger s) => WithScalars(new BigInteger(r, isUnsigned: true, isBigEndian: true), s);

    private static byte[] WithScalars(BigInteger r, BigInteger s)
    {
        var bytes = new byte[64];
        r.TryWriteBytes(bytes.AsSpan(32 - r.GetByteCount(isUnsigned: true), r.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        s.TryWriteBytes(bytes.AsSpan(64 - s.GetByteCount(isUnsigned: true), s.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }
}
