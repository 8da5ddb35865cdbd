using System.Security.Cryptography;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Signatures;

/// <summary>A P-256 public key whose canonical encoding is the 33-byte compressed SEC1 point.</summary>
/// <remarks>
/// Encoding (SEC 1 v2 §2.3.3, compressed): one byte 0x02 (y even) or 0x03 (y odd), then x as 32 big-endian bytes.
/// Decoding checks x &lt; p and that x³ − 3x + b is a square mod p, so every decoded key is a point on the curve
/// (P-256 has prime order, so every such point is in the signing group); the point at infinity and the
/// uncompressed 0x04 form are refused, so each key has exactly one encoding.
/// </remarks>
public sealed class PublicKey : IEquatable<PublicKey>
{
    /// <summary>Length of the canonical encoding in bytes.</summary>
    public const int EncodedLength = 1 + P256Curve.ScalarLength;

    private readonly byte[] _encoded;
    private readonly byte[] _x;
    private readonly byte[] _y;
    private readonly Lock _verifierLock = new();
    private ECDsa? _verifier;

    private PublicKey(byte[] encoded, byte[] x, byte[] y)
    {
        _encoded = encoded;
        _x = x;
        _y = y;
    }

    /// <summary>The address derived from this key.</summary>
    public Address Address => Address.FromPublicKey(this);

    /// <summary>Decodes a compressed SEC1 point.</summary>
    /// <exception cref="CanonicalFormatException">The bytes are not a canonical encoding of a point on P-256.</exception>
    public static PublicKey Decode(ReadOnlySpan<byte> encoded)
    {
        if (!TryDecode(encoded, out var key, out var error))
        {
            throw new CanonicalFormatException(0, $"a public key: {error}");
        }

        return key;
    }

    /// <summary>Decodes a compressed SEC1 point, returning false (never throwing) on malformed input.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PublicKey? key)
        => TryDecode(encoded, out key, out _);

    /// <summary>Builds a key from the affine coordinates of a point (32 big-endian bytes each), checking it is on the curve.</summary>
    internal static PublicKey FromCoordinates(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var xi = P256Curve.ReadScalar(x);
        var yi = P256Curve.ReadScalar(y);
        if (x.Length != P256Curve.ScalarLength || y.Length != P256Curve.ScalarLength || xi >= P256Curve.P || yi >= P256Curve.P
            || (yi * yi) % P256Curve.P != P256Curve.CurveRightSide(xi))
        {
            throw new CryptographicException("The point is not on P-256.");
        }

        var encoded = new byte[EncodedLength];
        encoded[0] = yi.IsEven ? (byte)0x02 : (byte)0x03;
        x.CopyTo(encoded.AsSpan(1));
        return new PublicKey(encoded, x.ToArray(), y.ToArray());
    }

    /// <summary>The 33-byte canonical encoding as a new array.</summary>
    public byte[] Encode() => (byte[])_encoded.Clone();

    /// <summary>Writes the 33-byte canonical encoding to the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination) => _encoded.CopyTo(destination);

    /// <summary>Whether <paramref name="signature"/> signs <paramref name="message"/> under <paramref name="tag"/> for this key.</summary>
    /// <remarks>The signed digest is <see cref="DomainHash.Compute(string, ReadOnlySpan{byte})"/> of the tag and the message.</remarks>
    public bool Verify(string tag, ReadOnlySpan<byte> message, Signature signature) => VerifyDigest(DomainHash.Compute(tag, message), signature);

    /// <summary>Whether the untrusted bytes <paramref name="signature"/> are a valid signature of <paramref name="message"/> under <paramref name="tag"/>.</summary>
    /// <remarks>Malformed signatures (wrong length, r or s out of range, high s) give false, never an exception.</remarks>
    public bool Verify(string tag, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
        => Signature.TryDecode(signature, out var parsed) && Verify(tag, message, parsed);

    /// <summary>Whether <paramref name="signature"/> is a valid low-S ECDSA signature of the 32-byte <paramref name="digest"/>.</summary>
    public bool VerifyDigest(Hash256 digest, Signature signature)
    {
        // Range and low-S checks first: the BCL accepts high-S signatures, which would make signatures malleable.
        if (!signature.IsCanonical)
        {
            return false;
        }

        Span<byte> digestBytes = stackalloc byte[Hash256.Length];
        digest.WriteTo(digestBytes);
        Span<byte> signatureBytes = stackalloc byte[Signature.Length];
        signature.WriteTo(signatureBytes);
        // Importing a key into OpenSSL costs about three verifications, so the BCL key is made once per PublicKey and
        // kept (the lock because the BCL does not promise that one ECDsa instance may verify on two threads at once).
        lock (_verifierLock)
        {
            _verifier ??= ECDsa.Create(new ECParameters { Curve = P256Curve.Curve, Q = new ECPoint { X = _x, Y = _y } });
            return _verifier.VerifyHash(digestBytes, signatureBytes, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
    }

    /// <inheritdoc/>
    public bool Equals(PublicKey? other) => other is not null && _encoded.AsSpan().SequenceEqual(other._encoded);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PublicKey);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_encoded);
        return hash.ToHashCode();
    }

    /// <summary>The encoding as 66 lowercase hex digits.</summary>
    public override string ToString() => Convert.ToHexStringLower(_encoded);

    private static bool TryDecode(ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PublicKey? key, out string error)
    {
        key = null;
        if (encoded.Length != EncodedLength)
        {
            error = $"expected {EncodedLength} bytes (compressed SEC1 point), got {encoded.Length}.";
            return false;
        }

        if (encoded[0] is not (0x02 or 0x03))
        {
            error = $"expected prefix 0x02 or 0x03, got 0x{encoded[0]:x2}.";
            return false;
        }

        if (PublicKeyCache.TryGet(encoded, out key))
        {
            error = string.Empty;
            return true;
        }

        var x = P256Curve.ReadScalar(encoded[1..]);
        if (x >= P256Curve.P)
        {
            error = "x is not below the field prime p.";
            return false;
        }

        var rhs = P256Curve.CurveRightSide(x);
        var y = P256Curve.Field.Pow(rhs, P256Curve.SqrtExponent);
        if ((y * y) % P256Curve.P != rhs)
        {
            error = "x is not the x-coordinate of a point on P-256.";
            return false;
        }

        if (y.IsEven != (encoded[0] == 0x02))
        {
            y = P256Curve.P - y;
        }

        var xBytes = encoded[1..].ToArray();
        var yBytes = new byte[P256Curve.ScalarLength];
        P256Curve.WriteScalar(y, yBytes);
        key = new PublicKey(encoded.ToArray(), xBytes, yBytes);
        PublicKeyCache.Add(encoded, key);
        error = string.Empty;
        return true;
    }
}
