using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Signatures;

/// <summary>A 20-byte account address: the first 20 bytes of DomainHash("assay/address/v1", compressed public key).</summary>
/// <remarks>
/// Text form: the prefix "asy" then 40 lowercase hex digits (43 characters), e.g. "asy5b0e…". The prefix contains
/// letters that are not hex digits, so an address cannot be mistaken for a hash or an Ethereum-style "0x" address,
/// and it is one word for double-click selection. 160 bits leave 2⁸⁰ work for a collision between two keys the
/// attacker controls and 2¹⁶⁰ for a second key matching a given address.
/// </remarks>
public readonly struct Address : IEquatable<Address>
{
    /// <summary>Length of an address in bytes.</summary>
    public const int Length = 20;

    /// <summary>The domain tag of the address hash.</summary>
    public const string Tag = "assay/address/v1";

    /// <summary>The prefix of the text form.</summary>
    public const string TextPrefix = "asy";

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly uint _c;

    /// <summary>Copies an address from exactly <see cref="Length"/> bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 20 bytes long.</exception>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An Address is {Length} bytes; got {bytes.Length}.", nameof(bytes));
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    /// <summary>Whether two addresses are equal.</summary>
    public static bool operator ==(Address left, Address right) => left.Equals(right);

    /// <summary>Whether two addresses differ.</summary>
    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    /// <summary>The address of a public key.</summary>
    public static Address FromPublicKey(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> encoded = stackalloc byte[PublicKey.EncodedLength];
        key.WriteTo(encoded);
        Span<byte> digest = stackalloc byte[Hash256.Length];
        DomainHash.Compute(Tag, encoded).WriteTo(digest);
        return new Address(digest[..Length]);
    }

    /// <summary>Parses the text form ("asy" and 40 lowercase hex digits).</summary>
    /// <exception cref="CanonicalFormatException">The text is not an address in canonical form.</exception>
    public static Address Parse(string text)
    {
        if (!TryParse(text, out var address))
        {
            throw new CanonicalFormatException(0, $"an address: '{TextPrefix}' followed by {2 * Length} lowercase hex digits; got '{text}'");
        }

        return address;
    }

    /// <summary>Parses the text form, returning false on anything but the canonical form.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Address address)
    {
        address = default;
        if (text is null || text.Length != TextPrefix.Length + (2 * Length) || !text.StartsWith(TextPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Length];
        for (var i = 0; i < Length; i++)
        {
            var pair = text.AsSpan(TextPrefix.Length + (2 * i), 2);
            if (!char.IsAsciiHexDigitLower(pair[0]) && !char.IsAsciiDigit(pair[0]))
            {
                return false;
            }

            if (!char.IsAsciiHexDigitLower(pair[1]) && !char.IsAsciiDigit(pair[1]))
            {
                return false;
            }

            bytes[i] = byte.Parse(pair, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        address = new Address(bytes);
        return true;
    }

    /// <summary>Writes the 20 bytes to the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _c);
    }

    /// <summary>The 20 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <inheritdoc/>
    public bool Equals(Address other) => _a == other._a && _b == other._b && _c == other._c;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Address other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c);

    /// <summary>"asy" and 40 lowercase hex digits.</summary>
    public override string ToString() => TextPrefix + Convert.ToHexStringLower(ToArray());
}
