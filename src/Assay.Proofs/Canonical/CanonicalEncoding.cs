using Assay.Proofs.Hashing;

namespace Assay.Proofs.Canonical;

/// <summary>Encodes, decodes and hashes <see cref="ICanonicalEncodable{TSelf}"/> objects as top-level values.</summary>
public static class CanonicalEncoding
{
    /// <summary>The canonical bytes of <paramref name="value"/>: header, then body.</summary>
    public static byte[] Encode<T>(T value)
        where T : ICanonicalEncodable<T>
    {
        var writer = new CanonicalWriter();
        writer.WriteObject(value);
        return writer.ToArray();
    }

    /// <summary>Decodes a top-level object under <see cref="CanonicalLimits.Default"/>; trailing bytes are refused.</summary>
    /// <exception cref="CanonicalFormatException">The bytes are not the canonical encoding of a <typeparamref name="T"/>.</exception>
    public static T Decode<T>(ReadOnlySpan<byte> bytes)
        where T : ICanonicalEncodable<T> => Decode<T>(bytes, CanonicalLimits.Default);

    /// <summary>Decodes a top-level object under <paramref name="limits"/>; trailing bytes are refused.</summary>
    /// <exception cref="CanonicalFormatException">The bytes are not the canonical encoding of a <typeparamref name="T"/>.</exception>
    public static T Decode<T>(ReadOnlySpan<byte> bytes, CanonicalLimits limits)
        where T : ICanonicalEncodable<T>
    {
        var reader = new CanonicalReader(bytes, limits);
        var value = reader.ReadObject<T>();
        reader.ReadEnd();
        return value;
    }

    /// <summary>H(<typeparamref name="T"/>.HashTag, canonical bytes of <paramref name="value"/>) with <see cref="DomainHash"/>.</summary>
    public static Hash256 Hash<T>(T value)
        where T : ICanonicalEncodable<T>
    {
        var writer = new CanonicalWriter();
        writer.WriteObject(value);
        return DomainHash.Compute(T.HashTag, writer.WrittenSpan);
    }
}
