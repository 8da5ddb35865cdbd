namespace Assay.Proofs.Canonical;

/// <summary>A value with one canonical binary encoding: a type tag, a format version, then a body written field by field.</summary>
/// <remarks>
/// The pattern every hashed or signed object follows: <see cref="TypeTag"/> is registered in
/// <see cref="CanonicalTypeTags"/> (unique per type), <see cref="FormatVersion"/> starts at 1 and is bumped whenever the
/// body layout changes (golden vectors are never edited), <see cref="HashTag"/> is the domain-separation tag of the
/// object's hash ("assay/&lt;object&gt;/v&lt;version&gt;"). <see cref="WriteBody"/> writes the fields in a fixed order
/// with <see cref="CanonicalWriter"/>; <see cref="ReadBody"/> reads them back and must reject, through
/// <see cref="CanonicalReader.Fail(int, string)"/>, every body the writer would not produce, so that decoding either
/// returns a value that re-encodes to the same bytes or throws <see cref="CanonicalFormatException"/>.
/// Encode, decode and hash through <see cref="CanonicalEncoding"/>.
/// </remarks>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface ICanonicalEncodable<TSelf>
    where TSelf : ICanonicalEncodable<TSelf>
{
    /// <summary>The type's registered tag, written first in its encoding.</summary>
    static abstract ushort TypeTag { get; }

    /// <summary>The body layout version written (and the only one read).</summary>
    static abstract byte FormatVersion { get; }

    /// <summary>The domain-separation tag of the object's hash, e.g. "assay/inclusion-proof/v1".</summary>
    static abstract string HashTag { get; }

    /// <summary>Reads the body (after the header) and validates every field.</summary>
    static abstract TSelf ReadBody(ref CanonicalReader reader);

    /// <summary>Writes the body (the header is written by the caller).</summary>
    void WriteBody(CanonicalWriter writer);
}
