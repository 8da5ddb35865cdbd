using System.Numerics;
using System.Security.Cryptography;

namespace Assay.Proofs.Signatures;

/// <summary>The domain parameters of NIST P-256 (secp256r1, prime256v1) needed to validate points and scalars.</summary>
/// <remarks>Values from FIPS 186-4 Appendix D.1.2.3 (also SEC 2 v2 §2.4.2); the curve is y² = x³ − 3x + b over GF(p).</remarks>
internal static class P256Curve
{
    /// <summary>Length of a field element or scalar in bytes.</summary>
    public const int ScalarLength = 32;

    /// <summary>The curve OID prime256v1 (RFC 5480 §2.1.1.1).</summary>
    public const string CurveOid = "1.2.840.10045.3.1.7";

    /// <summary>The algorithm OID id-ecPublicKey (RFC 5480 §2.1.1).</summary>
    public const string EcPublicKeyOid = "1.2.840.10045.2.1";

    /// <summary>The field prime p = 2²⁵⁶ − 2²²⁴ + 2¹⁹² + 2⁹⁶ − 1.</summary>
    public static readonly BigInteger P = Hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");

    /// <summary>The order n of the base point.</summary>
    public static readonly BigInteger N = Hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

    /// <summary>The coefficient b.</summary>
    public static readonly BigInteger B = Hex("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");

    /// <summary>⌊n / 2⌋: a signature's s is "low" when s ≤ this.</summary>
    public static readonly BigInteger HalfN = N >> 1;

    /// <summary>(p + 1) / 4, the square-root exponent (p ≡ 3 mod 4).</summary>
    public static readonly BigInteger SqrtExponent = (P + 1) >> 2;

    /// <summary>Montgomery arithmetic modulo p, for square roots when decompressing points.</summary>
    public static readonly Delay.MontgomeryDomain Field = new(P);

    /// <summary>The BCL curve object.</summary>
    public static ECCurve Curve => ECCurve.NamedCurves.nistP256;

    /// <summary>Reads a 32-byte big-endian unsigned integer.</summary>
    public static BigInteger ReadScalar(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    /// <summary>Writes a non-negative integer below 2²⁵⁶ as 32 big-endian bytes.</summary>
    public static void WriteScalar(BigInteger value, Span<byte> destination)
    {
        destination[..ScalarLength].Clear();
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(destination.Slice(ScalarLength - length, length), out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>x³ − 3x + b mod p.</summary>
    public static BigInteger CurveRightSide(BigInteger x) => Mod((((x * x) % P) * x) - (3 * x) + B, P);

    /// <summary>The non-negative residue of <paramref name="value"/> modulo <paramref name="modulus"/>.</summary>
    public static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        var r = value % modulus;
        return r.Sign < 0 ? r + modulus : r;
    }

    private static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
}
