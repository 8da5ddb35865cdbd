using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Unicode;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Canonical;

/// <summary>Reads canonical encodings from untrusted bytes, accepting exactly what <see cref="CanonicalWriter"/> produces.</summary>
/// <remarks>
/// Every read either returns a value whose re-encoding is the bytes consumed, or throws
/// <see cref="CanonicalFormatException"/> with the offset of the offending item: booleans other than 0/1, NaN and the
/// −0.0 bit pattern, invalid or non-shortest UTF-8, lengths and counts past the end of the input or above the limits,
/// a wrong type tag or version, nesting deeper than <see cref="CanonicalLimits.MaxDepth"/>, and (through
/// <see cref="ReadEnd"/>) trailing bytes. The reader does no allocation except for the strings and arrays it returns.
/// </remarks>
public ref struct CanonicalReader
{
    private readonly ReadOnlySpan<byte> _source;
    private readonly CanonicalLimits _limits;
    private int _position;
    private int _depth;

    /// <summary>Reads <paramref name="source"/> under <see cref="CanonicalLimits.Default"/>.</summary>
    /// <exception cref="CanonicalFormatException">The input is longer than the limit.</exception>
    public CanonicalReader(ReadOnlySpan<byte> source)
        : this(source, CanonicalLimits.Default)
    {
    }

    /// <summary>Reads <paramref name="source"/> under <paramref name="limits"/>.</summary>
    /// <exception cref="CanonicalFormatException">The input is longer than <see cref="CanonicalLimits.MaxTotalBytes"/>.</exception>
    public CanonicalReader(ReadOnlySpan<byte> source, CanonicalLimits limits)
    {
        limits.Validate();
        _source = source;
        _limits = limits;
        _position = 0;
        _depth = 0;
        if (source.Length > limits.MaxTotalBytes)
        {
            Fail(0, $"an input of at most {limits.MaxTotalBytes} bytes, not {source.Length}");
        }
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes not yet consumed.</summary>
    public readonly int Remaining => _source.Length - _position;

    /// <summary>Current object nesting depth (0 outside any object).</summary>
    public readonly int Depth => _depth;

    /// <summary>The limits this reader enforces.</summary>
    public readonly CanonicalLimits Limits => _limits;

    /// <summary>Throws <see cref="CanonicalFormatException"/> for the item at <paramref name="offset"/>: the way a body reader rejects a field.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Fail(int offset, string expected) => throw new CanonicalFormatException(offset, expected);

    /// <summary>Reads one byte.</summary>
    public byte ReadByte() => Take(1, "a byte")[0];

    /// <summary>Reads a little-endian u16.</summary>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, "a 2-byte integer"));

    /// <summary>Reads a little-endian u32.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "a 4-byte integer"));

    /// <summary>Reads a little-endian u64.</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, "an 8-byte integer"));

    /// <summary>Reads a little-endian two's complement i64.</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8, "an 8-byte integer"));

    /// <summary>Reads a little-endian two's complement i128.</summary>
    public Int128 ReadInt128() => BinaryPrimitives.ReadInt128LittleEndian(Take(16, "a 16-byte integer"));

    /// <summary>Reads a u64 that must not exceed <paramref name="max"/> (e.g. a size stored as u64 and held as a long).</summary>
    public ulong ReadUInt64(ulong max)
    {
        var start = _position;
        var value = ReadUInt64();
        if (value > max)
        {
            Fail(start, $"an integer at most {max}, not {value}");
        }

        return value;
    }

    /// <summary>Reads a double from its 8 IEEE-754 bytes; NaN and the −0.0 bit pattern are refused.</summary>
    public double ReadDouble()
    {
        var start = _position;
        var bits = BinaryPrimitives.ReadInt64LittleEndian(Take(8, "an 8-byte double"));
        var value = BitConverter.Int64BitsToDouble(bits);
        if (double.IsNaN(value))
        {
            Fail(start, "a double that is not NaN");
        }

        if (bits == long.MinValue)
        {
            Fail(start, "+0.0 (−0.0 is encoded as +0.0)");
        }

        return value;
    }

    /// <summary>Reads a boolean: byte 0 or 1, nothing else.</summary>
    public bool ReadBoolean()
    {
        var start = _position;
        var value = Take(1, "a boolean")[0];
        if (value > 1)
        {
            Fail(start, $"a boolean 0 or 1, not {value}");
        }

        return value == 1;
    }

    /// <summary>Reads a 32-byte digest.</summary>
    public Hash256 ReadHash() => new(Take(Hash256.Length, "a 32-byte hash"));

    /// <summary>Reads a byte string (u32 length, then the bytes) of at most <paramref name="maxLength"/> bytes; the result is a slice of the input.</summary>
    public ReadOnlySpan<byte> ReadBytes(int maxLength)
    {
        var length = ReadLength(maxLength);
        return Take(length, "the bytes of a byte string");
    }

    /// <summary>Reads a UTF-8 string (u32 byte length, then well-formed, shortest-form UTF-8) of at most <paramref name="maxLength"/> bytes.</summary>
    public string ReadString(int maxLength)
    {
        var length = ReadLength(maxLength);
        var start = _position;
        var bytes = Take(length, "the bytes of a string");

        // Utf8.IsValid refuses overlong forms, surrogate code points and values above U+10FFFF, so the UTF-8 form of
        // the decoded string is exactly these bytes.
        if (!Utf8.IsValid(bytes))
        {
            Fail(start, "well-formed UTF-8");
        }

        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads a sequence's element count, at most <paramref name="maxCount"/> and small enough that the elements fit in the rest of the input.</summary>
    /// <param name="maxCount">The caller's bound for this sequence.</param>
    /// <param name="minElementBytes">The fewest bytes one element can take (1 or more), used to refuse counts that cannot fit.</param>
    public int ReadCount(int maxCount, int minElementBytes)
    {
        var start = _position;
        var count = ReadUInt32();
        var limit = (uint)Math.Max(0, Math.Min(maxCount, _limits.MaxSequenceCount));
        if (count > limit)
        {
            Fail(start, $"a count of at most {limit}, not {count}");
        }

        if ((ulong)count * (ulong)Math.Max(1, minElementBytes) > (ulong)Remaining)
        {
            Fail(start, $"a count whose {count} elements fit in the remaining {Remaining} bytes");
        }

        return (int)count;
    }

    /// <summary>Reads a sequence of digests (count, then 32 bytes each).</summary>
    public Hash256[] ReadHashes(int maxCount)
    {
        var count = ReadCount(maxCount, Hash256.Length);
        var values = count == 0 ? [] : new Hash256[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadHash();
        }

        return values;
    }

    /// <summary>Reads an object header and checks that it names <paramref name="typeTag"/> at <paramref name="formatVersion"/>.</summary>
    public void ReadHeader(ushort typeTag, byte formatVersion)
    {
        var start = _position;
        var tag = ReadUInt16();
        if (tag != typeTag)
        {
            Fail(start, $"type tag 0x{typeTag:x4}, not 0x{tag:x4}");
        }

        start = _position;
        var version = ReadByte();
        if (version != formatVersion)
        {
            Fail(start, $"format version {formatVersion} of type 0x{typeTag:x4}, not {version}");
        }
    }

    /// <summary>Reads an object (header, then body) one nesting level down.</summary>
    public T ReadObject<T>()
        where T : ICanonicalEncodable<T>
    {
        if (_depth >= _limits.MaxDepth)
        {
            Fail(_position, $"objects nested at most {_limits.MaxDepth} deep");
        }

        _depth++;
        ReadHeader(T.TypeTag, T.FormatVersion);
        var value = T.ReadBody(ref this);
        _depth--;
        return value;
    }

    /// <summary>Reads a sequence of objects (count, then each object with its header).</summary>
    public T[] ReadSequence<T>(int maxCount)
        where T : ICanonicalEncodable<T>
    {
        // Every object takes at least its 3-byte header.
        var count = ReadCount(maxCount, 3);
        var values = count == 0 ? [] : new T[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadObject<T>();
        }

        return values;
    }

    /// <summary>Checks that the whole input has been consumed (no trailing bytes after a top-level object).</summary>
    public readonly void ReadEnd()
    {
        if (_position != _source.Length)
        {
            Fail(_position, $"end of input, not {Remaining} trailing bytes");
        }
    }

    private int ReadLength(int maxLength)
    {
        var start = _position;
        var length = ReadUInt32();
        var limit = (uint)Math.Max(0, Math.Min(maxLength, _limits.MaxByteStringLength));
        if (length > limit)
        {
            Fail(start, $"a length of at most {limit}, not {length}");
        }

        if (length > (uint)Remaining)
        {
            Fail(start, $"a length within the remaining {Remaining} bytes, not {length}");
        }

        return (int)length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count > _source.Length - _position)
        {
            Fail(_position, $"{what} ({count} bytes), but only {Remaining} remain");
        }

        var span = _source.Slice(_position, count);
        _position += count;
        return span;
    }
}
