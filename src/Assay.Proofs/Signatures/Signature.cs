using System.Diagnostics.CodeAnalysis;
using Assay.Proofs.Canonical;

namespace Assay.Proofs.Signatures;

/// <summary>An ECDSA P-256 signature in the fixed 64-byte r ‖ s form with s normalised to the lower half of the group order.</summary>
/// <remarks>
/// Encoding: r then s, each 32 big-endian bytes (IEEE P1363 fixed-field concatenation). For any valid (r, s) the pair
/// (r, n − s) is also valid, so a signature would be malleable; signers therefore emit s ≤ ⌊n/2⌋ ("low S", as
/// Bitcoin's BIP 62/146) and decoders and verifiers refuse 1 ≤ r &lt; n, 1 ≤ s ≤ ⌊n/2⌋ violated. The default value
/// (all zeros) is not a valid signature and never verifies.
/// </remarks>
public readonly struct Signature : IEquatable<Signature>
{
    /// <summary>Length of the encoding in bytes.</summary>
    public const int Length = 2 * P256Curve.ScalarLength;

    private readonly byte[]? _bytes;

    private Signature(byte[] bytes) => _bytes = bytes;

    /// <summary>Whether 1 ≤ r &lt; n and 1 ≤ s ≤ ⌊n/2⌋ (false for the default value).</summary>
    public bool IsCanonical => _bytes is not null && IsCanonicalEncoding(_bytes);

    /// <summary>Whether two signatures have the same bytes.</summary>
    public static bool operator ==(Signature left, Signature right) => left.Equals(right);

    /// <summary>Whether two signatures differ.</summary>
    public static bool operator !=(Signature left, Signature right) => !left.Equals(right);

    /// <summary>Decodes 64 untrusted bytes.</summary>
    /// <exception cref="CanonicalFormatException">Not 64 bytes, r or s out of range, or s in the upper half (high S).</exception>
    public static Signature Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new CanonicalFormatException(0, $"a signature of {Length} bytes (r ‖ s); got {bytes.Length}");
        }

        if (!IsCanonicalEncoding(bytes))
        {
            throw new CanonicalFormatException(0, "a signature with r in [1, n) and s in [1, n/2] (low S)");
        }

        return new Signature(bytes.ToArray());
    }

    /// <summary>Decodes 64 untrusted bytes, returning false (never throwing) when they are not a canonical signature.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out Signature signature)
    {
        if (bytes.Length != Length || !IsCanonicalEncoding(bytes))
        {
            signature = default;
            return false;
        }

        signature = new Signature(bytes.ToArray());
        return true;
    }

    /// <summary>Normalises a P1363 signature from the BCL to low S.</summary>
    internal static Signature FromP1363LowS(ReadOnlySpan<byte> p1363)
    {
        var bytes = p1363.ToArray();
        var s = P256Curve.ReadScalar(bytes.AsSpan(P256Curve.ScalarLength));
        if (s > P256Curve.HalfN)
        {
            P256Curve.WriteScalar(P256Curve.N - s, bytes.AsSpan(P256Curve.ScalarLength));
        }

        return new Signature(bytes);
    }

    /// <summary>The 64 bytes as a new array.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Writes the 64 bytes (all zeros for the default value) to the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        if (_bytes is null)
        {
            destination[..Length].Clear();
        }
        else
        {
            _bytes.CopyTo(destination);
        }
    }

    /// <inheritdoc/>
    public bool Equals(Signature other) => _bytes.AsSpan().SequenceEqual(other._bytes.AsSpan())
        || (IsZero(_bytes) && IsZero(other._bytes));

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Signature other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        if (_bytes is not null && !IsZero(_bytes))
        {
            hash.AddBytes(_bytes);
        }

        return hash.ToHashCode();
    }

    /// <summary>The 64 bytes as 128 lowercase hex digits.</summary>
    public override string ToString() => Convert.ToHexStringLower(Encode());

    private static bool IsZero(byte[]? bytes) => bytes is null || !bytes.AsSpan().ContainsAnyExcept((byte)0);

    private static bool IsCanonicalEncoding(ReadOnlySpan<byte> bytes)
    {
        var r = P256Curve.ReadScalar(bytes[..P256Curve.ScalarLength]);
        var s = P256Curve.ReadScalar(bytes[P256Curve.ScalarLength..Length]);
        return !r.IsZero && r < P256Curve.N && !s.IsZero && s <= P256Curve.HalfN;
    }
}
