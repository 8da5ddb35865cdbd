using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Unicode;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Canonical;

/// <summary>Writes canonical encodings into a growable buffer: little-endian fixed-width integers, length-prefixed strings, headers.</summary>
/// <remarks>
/// Layout of each primitive (all multi-byte integers little-endian): u8/u16/u32/u64/i64/i128 fixed width (1, 2, 4, 8,
/// 8, 16 bytes, two's complement for signed); a double as the 8 bytes of its IEEE-754 bit pattern, NaN refused and
/// −0.0 written as +0.0; a boolean as one byte 0 or 1; a byte string as a u32 length then the bytes; a string as the
/// u32 length of its UTF-8 form then that form (lone surrogates refused); a <see cref="Hash256"/> as its 32 bytes;
/// a sequence as a u32 count then the elements; an object as a u16 type tag, a u8 format version, then its body.
/// The writer enforces the same <see cref="CanonicalLimits"/> as the reader and throws <see cref="ArgumentException"/>
/// (or <see cref="InvalidOperationException"/> for size and depth) for a value that has no canonical encoding; after
/// such an exception the written bytes are incomplete and the writer must be cleared before reuse.
/// </remarks>
public sealed class CanonicalWriter
{
    private readonly CanonicalLimits _limits;
    private byte[] _buffer;
    private int _length;
    private int _depth;

    /// <summary>Creates a writer with <see cref="CanonicalLimits.Default"/>.</summary>
    public CanonicalWriter()
        : this(CanonicalLimits.Default)
    {
    }

    /// <summary>Creates a writer that enforces <paramref name="limits"/>.</summary>
    public CanonicalWriter(CanonicalLimits limits, int initialCapacity = 256)
    {
        limits.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        _limits = limits;
        _buffer = new byte[Math.Min(initialCapacity, limits.MaxTotalBytes)];
    }

    /// <summary>Number of bytes written so far.</summary>
    public int Length => _length;

    /// <summary>The bytes written so far (valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>The bytes written so far, as a new array.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>Forgets everything written, keeping the buffer for reuse.</summary>
    public void Clear()
    {
        _length = 0;
        _depth = 0;
    }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value) => Reserve(1)[0] = value;

    /// <summary>Writes a u16, little-endian.</summary>
    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);

    /// <summary>Writes a u32, little-endian.</summary>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    /// <summary>Writes a u64, little-endian.</summary>
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    /// <summary>Writes an i64, little-endian two's complement.</summary>
    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

    /// <summary>Writes an i128, little-endian two's complement (16 bytes).</summary>
    public void WriteInt128(Int128 value) => BinaryPrimitives.WriteInt128LittleEndian(Reserve(16), value);

    /// <summary>Writes a double as its 8 IEEE-754 bytes, little-endian.</summary>
    /// <remarks>−0.0 is written as +0.0 (the two compare equal, so they get one encoding); ±∞ are allowed.</remarks>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN, which never enters hashed state.</exception>
    public void WriteDouble(double value)
    {
        if (double.IsNaN(value))
        {
            ThrowNaN();
        }

        // Adding +0.0 maps −0.0 to +0.0 and leaves every other value (including ±∞) unchanged.
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), BitConverter.DoubleToInt64Bits(value + 0.0));
    }

    /// <summary>Writes a boolean as one byte, 0 or 1.</summary>
    public void WriteBoolean(bool value) => Reserve(1)[0] = value ? (byte)1 : (byte)0;

    /// <summary>Writes a <see cref="Hash256"/> as its 32 bytes.</summary>
    public void WriteHash(Hash256 value) => value.WriteTo(Reserve(Hash256.Length));

    /// <summary>Writes a byte string: its u32 length, then the bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The length exceeds <paramref name="maxLength"/> or the limits.</exception>
    public void WriteBytes(ReadOnlySpan<byte> value, int maxLength)
    {
        CheckLength(value.Length, maxLength);
        WriteUInt32((uint)value.Length);
        value.CopyTo(Reserve(value.Length));
    }

    /// <summary>Writes a string: the u32 length of its UTF-8 form, then that form.</summary>
    /// <exception cref="ArgumentException">The string holds a lone surrogate (it has no UTF-8 form).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The UTF-8 length exceeds <paramref name="maxLength"/> or the limits.</exception>
    public void WriteString(string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value);

        // A UTF-16 code unit becomes at most 3 UTF-8 bytes, so this buffer always suffices when the limit is met.
        var byteCount = System.Text.Encoding.UTF8.GetByteCount(value);
        CheckLength(byteCount, maxLength);
        var lengthPosition = _length;
        WriteUInt32((uint)byteCount);
        var destination = Reserve(byteCount);
        var status = Utf8.FromUtf16(value, destination, out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done || written != byteCount)
        {
            _length = lengthPosition;
            throw new ArgumentException("The string holds a lone surrogate and has no UTF-8 encoding.", nameof(value));
        }
    }

    /// <summary>Writes a sequence's element count; the caller then writes exactly that many elements.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or exceeds <paramref name="maxCount"/> or the limits.</exception>
    public void WriteCount(int count, int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Math.Min(maxCount, _limits.MaxSequenceCount));
        WriteUInt32((uint)count);
    }

    /// <summary>Writes a sequence of digests: the count, then 32 bytes each.</summary>
    public void WriteHashes(ReadOnlySpan<Hash256> values, int maxCount)
    {
        WriteCount(values.Length, maxCount);
        foreach (var value in values)
        {
            WriteHash(value);
        }
    }

    /// <summary>Writes an object header: the u16 type tag and the u8 format version.</summary>
    public void WriteHeader(ushort typeTag, byte formatVersion)
    {
        WriteUInt16(typeTag);
        WriteByte(formatVersion);
    }

    /// <summary>Writes an object: its header, then its body.</summary>
    /// <exception cref="InvalidOperationException">Objects are nested deeper than the limits allow.</exception>
    public void WriteObject<T>(T value)
        where T : ICanonicalEncodable<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_depth >= _limits.MaxDepth)
        {
            throw new InvalidOperationException($"Objects nest deeper than the limit of {_limits.MaxDepth}.");
        }

        _depth++;
        WriteHeader(T.TypeTag, T.FormatVersion);
        value.WriteBody(this);
        _depth--;
    }

    /// <summary>Writes a sequence of objects: the count, then each object with its header.</summary>
    public void WriteSequence<T>(ReadOnlySpan<T> values, int maxCount)
        where T : ICanonicalEncodable<T>
    {
        WriteCount(values.Length, maxCount);
        foreach (var value in values)
        {
            WriteObject(value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Grow(count);
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int count)
    {
        var required = (long)_length + count;
        if (required > _limits.MaxTotalBytes)
        {
            throw new InvalidOperationException($"The encoding would exceed the limit of {_limits.MaxTotalBytes} bytes.");
        }

        var capacity = Math.Min(Math.Max(required, 2L * _buffer.Length), _limits.MaxTotalBytes);
        Array.Resize(ref _buffer, (int)capacity);
    }

    private void CheckLength(int length, int maxLength)
    {
        var limit = Math.Min(maxLength, _limits.MaxByteStringLength);
        if (length > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), $"A length of {length} bytes exceeds the limit of {limit}.");
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNaN() => throw new ArgumentException("NaN has no canonical encoding.", "value");
}
