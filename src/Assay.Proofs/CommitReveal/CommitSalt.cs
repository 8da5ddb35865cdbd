using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Assay.Proofs.CommitReveal;

/// <summary>The 32 secret random bytes that blind a commitment until it is revealed.</summary>
/// <remarks>The core takes randomness as an argument: the host fills the bytes from a cryptographic generator.</remarks>
public readonly struct CommitSalt : IEquatable<CommitSalt>
{
    /// <summary>Length of a salt in bytes.</summary>
    public const int Length = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    /// <summary>Copies a salt from exactly <see cref="Length"/> bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long.</exception>
    public CommitSalt(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A commit salt is {Length} bytes; got {bytes.Length}.", nameof(bytes));
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>Whether two salts are equal.</summary>
    public static bool operator ==(CommitSalt left, CommitSalt right) => left.Equals(right);

    /// <summary>Whether two salts differ.</summary>
    public static bool operator !=(CommitSalt left, CommitSalt right) => !left.Equals(right);

    /// <summary>Writes the 32 bytes to the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <inheritdoc/>
    public bool Equals(CommitSalt other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is CommitSalt other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    /// <summary>64 lowercase hex digits.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
