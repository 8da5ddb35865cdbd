using System.Security.Cryptography;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Signatures;

/// <summary>A P-256 private key that signs domain-separated digests with low-S ECDSA.</summary>
/// <remarks>
/// A message is signed as ECDSA over the 32-byte digest DomainHash(tag, message) (no second SHA-256). The BCL
/// draws the per-signature nonce from the operating system, so two signatures of one message differ; both verify,
/// and verification is deterministic. Create keys with <see cref="SigningKeyFactory.Generate"/> (OS randomness),
/// <see cref="FromPrivateScalar"/> (caller-supplied randomness) or the PEM readers.
/// </remarks>
public sealed partial class SigningKey : IDisposable
{
    private readonly ECDsa _ecdsa;

    private SigningKey(ECDsa ecdsa)
    {
        _ecdsa = ecdsa;
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        PublicKey = PublicKey.FromCoordinates(parameters.Q.X, parameters.Q.Y);
    }

    /// <summary>The public half of this key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The address of <see cref="PublicKey"/>.</summary>
    public Address Address => PublicKey.Address;

    /// <summary>The key whose private scalar d is the 32 big-endian bytes given (1 ≤ d &lt; n).</summary>
    /// <remarks>The seam for deterministic tests and simulations: the caller supplies the randomness.</remarks>
    /// <exception cref="ArgumentException">Not 32 bytes, or d is 0 or ≥ n.</exception>
    public static SigningKey FromPrivateScalar(ReadOnlySpan<byte> scalar)
    {
        if (scalar.Length != P256Curve.ScalarLength)
        {
            throw new ArgumentException($"A P-256 private scalar is {P256Curve.ScalarLength} bytes; got {scalar.Length}.", nameof(scalar));
        }

        var d = P256Curve.ReadScalar(scalar);
        if (d.IsZero || d >= P256Curve.N)
        {
            throw new ArgumentException("A P-256 private scalar must be in [1, n).", nameof(scalar));
        }

        var ecdsa = ECDsa.Create(new ECParameters { Curve = P256Curve.Curve, D = scalar.ToArray() });
        return new SigningKey(ecdsa);
    }

    /// <summary>Wraps a BCL key already checked to be on P-256 (takes ownership).</summary>
    internal static SigningKey FromOwnedEcdsa(ECDsa ecdsa) => new(ecdsa);

    /// <summary>Signs DomainHash(<paramref name="tag"/>, <paramref name="message"/>).</summary>
    public Signature Sign(string tag, ReadOnlySpan<byte> message) => SignDigest(DomainHash.Compute(tag, message));

    /// <summary>Signs a 32-byte digest that already carries its domain tag; the result has low S.</summary>
    public Signature SignDigest(Hash256 digest)
    {
        Span<byte> digestBytes = stackalloc byte[Hash256.Length];
        digest.WriteTo(digestBytes);
        Span<byte> signature = stackalloc byte[Signature.Length];
        if (!_ecdsa.TrySignHash(digestBytes, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written) || written != Signature.Length)
        {
            throw new CryptographicException("ECDSA signing did not produce a 64-byte signature.");
        }

        return Signature.FromP1363LowS(signature);
    }

    /// <inheritdoc/>
    public void Dispose() => _ecdsa.Dispose();
}
