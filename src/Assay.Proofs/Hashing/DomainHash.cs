using System.Security.Cryptography;
using System.Text;

namespace Assay.Proofs.Hashing;

/// <summary>SHA-256 with a domain-separation tag, so that no hash of one kind of object can be read as another.</summary>
/// <remarks>
/// Preimage: one byte n = the tag's UTF-8 length (1 … 255), the tag's n bytes, then the data:
/// H(tag, data) = SHA-256(n ‖ tag ‖ data). Tags are ASCII strings naming the object and its version, e.g.
/// "assay/merkle-leaf/v1"; the tag length prefix makes the split between tag and data unambiguous.
/// </remarks>
public static class DomainHash
{
    /// <summary>Longest tag in UTF-8 bytes.</summary>
    public const int MaxTagLength = 255;

    /// <summary>Preimages up to this many bytes are hashed in one call from a stack buffer (the common case: tree nodes).</summary>
    private const int OneShotMaxBytes = 1024;

    /// <summary>H(tag, data) as defined in the type remarks.</summary>
    /// <exception cref="ArgumentException">The tag is empty or longer than <see cref="MaxTagLength"/> UTF-8 bytes.</exception>
    public static Hash256 Compute(string tag, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return Compute(tag, data, ReadOnlySpan<byte>.Empty);
    }

    /// <summary>H(tag, first ‖ second) without concatenating the inputs (e.g. the two children of a tree node).</summary>
    public static Hash256 Compute(string tag, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        ArgumentNullException.ThrowIfNull(tag);
        Span<byte> prefix = stackalloc byte[1 + MaxTagLength];
        var length = TagPrefix(tag, prefix);
        Span<byte> digest = stackalloc byte[Hash256.Length];
        var total = length + first.Length + second.Length;
        if (total <= OneShotMaxBytes)
        {
            // Same bytes, one SHA-256 call: no IncrementalHash object per hash.
            Span<byte> preimage = stackalloc byte[OneShotMaxBytes];
            prefix[..length].CopyTo(preimage);
            first.CopyTo(preimage[length..]);
            second.CopyTo(preimage[(length + first.Length)..]);
            SHA256.HashData(preimage[..total], digest);
            return new Hash256(digest);
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(prefix[..length]);
        sha.AppendData(first);
        sha.AppendData(second);
        sha.GetHashAndReset(digest);
        return new Hash256(digest);
    }

    private static int TagPrefix(string tag, Span<byte> prefix)
    {
        var count = Encoding.UTF8.GetByteCount(tag);
        if (count == 0 || count > MaxTagLength)
        {
            throw new ArgumentException($"A domain tag is 1 to {MaxTagLength} UTF-8 bytes; '{tag}' is {count}.", nameof(tag));
        }

        prefix[0] = (byte)count;
        Encoding.UTF8.GetBytes(tag, prefix[1..]);
        return 1 + count;
    }
}
