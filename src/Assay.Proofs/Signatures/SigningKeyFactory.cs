using System.Security.Cryptography;

namespace Assay.Proofs.Signatures;

/// <summary>The one place where key generation reads operating-system randomness.</summary>
/// <remarks>
/// The core otherwise takes randomness as arguments (DESIGN.md §2). Hosts (the CLI's <c>assay keys new</c>, a node at
/// first start) call <see cref="Generate"/>; deterministic tests and simulations call
/// <see cref="SigningKey.FromPrivateScalar"/> with scalars derived from their seed instead.
/// </remarks>
public static class SigningKeyFactory
{
    /// <summary>A new P-256 key from the operating system's cryptographic random generator.</summary>
    public static SigningKey Generate() => SigningKey.FromOwnedEcdsa(ECDsa.Create(ECCurve.NamedCurves.nistP256));
}
