using System.Numerics;
using System.Security.Cryptography;
using Assay.Ledger.Transactions;
using Assay.Proofs.Signatures;

namespace Assay.Simulation;

/// <summary>P-256 ECDSA with a nonce derived from the key and the digest, so a simulated run signs the same bytes every time.</summary>
/// <remarks>
/// <para>The BCL's ECDSA draws its nonce k from the operating system, so two runs of one seed would sign differently;
/// the transaction root, hence the beacon, hence allocation would then differ and a failing seed would not replay.
/// Here k = HMAC-SHA-256(key = d, message = digest ‖ counter) mod n (the idea of RFC 6979 §3.2, not its exact
/// construction), the smallest counter giving k ≠ 0. The signature is r ‖ s with low S, exactly what the ledger verifies.</para>
/// <para>Arithmetic is <see cref="BigInteger"/> in Jacobian coordinates (about 1–2 ms per signature). Simulation keys
/// only: the code is not constant-time.</para>
/// </remarks>
public sealed class DeterministicSigner
{
    private static readonly BigInteger P = Hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
    private static readonly BigInteger N = Hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    private static readonly BigInteger Gx = Hex("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");
    private static readonly BigInteger Gy = Hex("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5");

    private readonly BigInteger _d;
    private readonly byte[] _scalar;

    /// <summary>Creates a signer for the private scalar <paramref name="scalar"/> (32 bytes, big-endian, in [1, n)).</summary>
    public DeterministicSigner(ReadOnlySpan<byte> scalar)
    {
        _scalar = scalar.ToArray();
        _d = new BigInteger(scalar, isUnsigned: true, isBigEndian: true);
        using var key = SigningKey.FromPrivateScalar(scalar);
        PublicKey = key.PublicKey;
    }

    /// <summary>The public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The key's address.</summary>
    public Address Address => PublicKey.Address;

    /// <summary>Signs <paramref name="body"/> with <paramref name="nonce"/>: the same inputs give the same transaction bytes.</summary>
    public SignedTransaction Sign(ulong nonce, TransactionBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var digest = new SignedTransaction(PublicKey, nonce, body, default).PayloadDigest.ToArray();
        var z = new BigInteger(digest, isUnsigned: true, isBigEndian: true);
        Span<byte> message = stackalloc byte[digest.Length + 4];
        digest.CopyTo(message);
        Span<byte> mac = stackalloc byte[32];
        for (var counter = 0u; ; counter++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(message[digest.Length..], counter);
            HMACSHA256.HashData(_scalar, message, mac);
            var k = new BigInteger(mac, isUnsigned: true, isBigEndian: true) % N;
            if (k.IsZero)
            {
                continue;
            }

            var (x, _) = Multiply(k);
            var r = x % N;
            if (r.IsZero)
            {
                continue;
            }

            var s = BigInteger.ModPow(k, N - 2, N) * ((z + (r * _d)) % N) % N;
            if (s.IsZero)
            {
                continue;
            }

            if (s > N >> 1)
            {
                s = N - s;
            }

            var bytes = new byte[Signature.Length];
            Write(r, bytes.AsSpan(0, 32));
            Write(s, bytes.AsSpan(32, 32));
            return new SignedTransaction(PublicKey, nonce, body, Signature.Decode(bytes));
        }
    }

    /// <summary>k·G in affine coordinates, by double-and-add over Jacobian points (a = −3).</summary>
    private static (BigInteger X, BigInteger Y) Multiply(BigInteger k)
    {
        BigInteger x = 0, y = 1, z = 0;
        for (var bit = (int)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            (x, y, z) = Double(x, y, z);
            if (!(k >> bit).IsEven)
            {
                (x, y, z) = AddAffine(x, y, z, Gx, Gy);
            }
        }

        var zInv = BigInteger.ModPow(z, P - 2, P);
        var zInv2 = zInv * zInv % P;
        return (x * zInv2 % P, y * zInv2 % P * zInv % P);
    }

    private static (BigInteger, BigInteger, BigInteger) Double(BigInteger x, BigInteger y, BigInteger z)
    {
        if (z.IsZero || y.IsZero)
        {
            return (0, 1, 0);
        }

        var delta = z * z % P;
        var gamma = y * y % P;
        var beta = x * gamma % P;
        var alpha = 3 * Mod(x - delta) * ((x + delta) % P) % P;
        var x3 = Mod((alpha * alpha) - (8 * beta));
        var z3 = Mod(((y + z) * (y + z)) - gamma - delta);
        var y3 = Mod((alpha * Mod((4 * beta) - x3)) - (8 * (gamma * gamma % P)));
        return (x3, y3, z3);
    }

    private static (BigInteger, BigInteger, BigInteger) AddAffine(BigInteger x1, BigInteger y1, BigInteger z1, BigInteger x2, BigInteger y2)
    {
        if (z1.IsZero)
        {
            return (x2, y2, 1);
        }

        var z1z1 = z1 * z1 % P;
        var u2 = x2 * z1z1 % P;
        var s2 = y2 * z1 % P * z1z1 % P;
        var h = Mod(u2 - x1);
        var r = Mod(s2 - y1);
        if (h.IsZero)
        {
            return r.IsZero ? Double(x2, y2, 1) : (0, 1, 0);
        }

        var hh = h * h % P;
        var hhh = h * hh % P;
        var v = x1 * hh % P;
        var x3 = Mod((r * r) - hhh - (2 * v));
        var y3 = Mod((r * Mod(v - x3)) - (y1 * hhh));
        var z3 = z1 * h % P;
        return (x3, y3, z3);
    }

    private static BigInteger Mod(BigInteger value)
    {
        var m = value % P;
        return m.Sign < 0 ? m + P : m;
    }

    private static void Write(BigInteger value, Span<byte> destination)
    {
        destination.Clear();
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(destination[(destination.Length - bytes.Length)..]);
    }

    private static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
}
