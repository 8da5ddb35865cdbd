using System.Numerics;
using System.Security.Cryptography;
using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;

namespace Assay.Proofs.Tests.Signatures;

/// <summary>Compressed SEC1 public keys: golden encodings, round trips, and refusal of anything not on P-256.</summary>
public class PublicKeyTests
{
    private static readonly BigInteger P = BigInteger.Parse("0ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Golden_public_keys_and_addresses_from_python_match()
    {
        // tests/data/proofs/signatures/generate_signature_vectors.py: cryptography 38.0.4 CompressedPoint and hashlib.
        var v = SignatureVectors.Read("signature_vectors.csv");
        for (var i = 1; i <= 6; i++)
        {
            using var key = SigningKey.FromPrivateScalar(v[$"key{i}_scalar"]);
            Assert.Equal(Convert.ToHexStringLower(v[$"key{i}_public"]), key.PublicKey.ToString());
            Assert.Equal(Convert.ToHexStringLower(v[$"key{i}_address"]), Convert.ToHexStringLower(key.Address.ToArray()));
            Assert.Equal("asy" + Convert.ToHexStringLower(v[$"key{i}_address"]), key.Address.ToString());
            var decoded = PublicKey.Decode(v[$"key{i}_public"]);
            Assert.Equal(key.PublicKey, decoded);
            Assert.Equal(key.Address, decoded.Address);
            Assert.Equal(v[$"key{i}_public"], decoded.Encode());
        }
    }

    [Fact]
    public void Decoded_points_match_the_bcl_coordinates_for_both_parities()
    {
        var parities = new HashSet<byte>();
        for (var seed = 0; seed < 16; seed++)
        {
            using var key = SignatureTests.KeyFromSeed(seed);
            var encoded = key.PublicKey.Encode();
            parities.Add(encoded[0]);
            using var bcl = ECDsa.Create();
            bcl.ImportFromPem(key.ExportPkcs8Pem());
            var q = bcl.ExportParameters(false).Q;
            Assert.Equal(q.X, encoded[1..]);
            Assert.Equal((q.Y![31] & 1) == 0 ? 0x02 : 0x03, encoded[0]);
            Assert.Equal(key.PublicKey, PublicKey.Decode(encoded));
        }

        Assert.Equal(2, parities.Count);
    }

    [Fact]
    public void Points_off_the_curve_and_malformed_encodings_are_refused()
    {
        using var key = SignatureTests.KeyFromSeed(7);
        var good = key.PublicKey.Encode();

        // About half of all x have no point; find the first such x after the key's x.
        var x = new BigInteger(good.AsSpan(1), isUnsigned: true, isBigEndian: true);
        var offCurve = (byte[])good.Clone();
        var tries = 0;
        do
        {
            x += 1;
            tries++;
            x.TryWriteBytes(offCurve.AsSpan(1), out _, isUnsigned: true, isBigEndian: true);
        }
        while (PublicKey.TryDecode(offCurve, out _) && tries < 200);
        Assert.Throws<CanonicalFormatException>(() => PublicKey.Decode(offCurve));

        var xEqualsP = new byte[33];
        xEqualsP[0] = 0x02;
        P.TryWriteBytes(xEqualsP.AsSpan(1), out _, isUnsigned: true, isBigEndian: true);
        var allOnes = Enumerable.Repeat((byte)0xff, 33).ToArray();
        allOnes[0] = 0x03;
        var uncompressed = new byte[65];
        uncompressed[0] = 0x04;
        var cases = new (string Name, byte[] Bytes)[]
        {
            ("empty", []),
            ("32 bytes", good[1..]),
            ("34 bytes", [.. good, 0]),
            ("prefix 0x04", [0x04, .. good[1..]]),
            ("prefix 0x00", [0x00, .. good[1..]]),
            ("x = p", xEqualsP),
            ("x = 2^256 - 1", allOnes),
            ("uncompressed form", uncompressed),
        };
        foreach (var (name, bytes) in cases)
        {
            Assert.False(PublicKey.TryDecode(bytes, out _), name);
            Assert.Throws<CanonicalFormatException>(() => PublicKey.Decode(bytes));
        }

        // Flipping the parity byte gives the negated point: a valid but different key.
        var flipped = (byte[])good.Clone();
        flipped[0] ^= 0x01;
        Assert.NotEqual(key.PublicKey, PublicKey.Decode(flipped));
    }

    [Fact]
    public void Curve_constants_equal_the_bcl_explicit_parameters()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var explicitCurve = ecdsa.ExportExplicitParameters(false).Curve;
        Assert.Equal(P, new BigInteger(explicitCurve.Prime, isUnsigned: true, isBigEndian: true));
        Assert.Equal("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", Convert.ToHexStringLower(explicitCurve.Order!));
        Assert.Equal("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", Convert.ToHexStringLower(explicitCurve.B!));
        Assert.Equal(P - 3, new BigInteger(explicitCurve.A, isUnsigned: true, isBigEndian: true));
    }
}
