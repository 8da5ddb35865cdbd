using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.MerkleSum;

/// <summary>A bounds-checked cursor over untrusted bytes that throws only <see cref="MerkleSumFormatException"/>.</summary>
internal ref struct MerkleSumReader
{
    private readonly ReadOnlySpan<byte> _source;
    private int _position;

    public MerkleSumReader(ReadOnlySpan<byte> source)
    {
        _source = source;
        _position = 0;
    }

    public readonly int Remaining => _source.Length - _position;

    public readonly int Position => _position;

    public byte ReadByte(string field) => Take(1, field)[0];

    public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, field));

    public ulong ReadUInt64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, field));

    public Hash256 ReadHash(string field) => new(Take(Hash256.Length, field));

    public LaneSums ReadSums(int laneCount, string field) => LaneSums.Read(Take(LaneSums.EncodedLengthFor(laneCount), field), laneCount);

    /// <summary>Reads the hash of sibling <paramref name="index"/>; the field name is built only for the error message.</summary>
    public Hash256 ReadSiblingHash(int index) => new(Take(Hash256.Length, index, " hash"));

    /// <summary>Reads the sums of sibling <paramref name="index"/>; the field name is built only for the error message.</summary>
    public LaneSums ReadSiblingSums(int laneCount, int index) => LaneSums.Read(Take(LaneSums.EncodedLengthFor(laneCount), index, " sums"), laneCount);

    public readonly void ExpectEnd(string what)
    {
        if (_position != _source.Length)
        {
            throw new MerkleSumFormatException($"{what}: {_source.Length - _position} trailing bytes after offset {_position}.");
        }
    }

    private ReadOnlySpan<byte> Take(int length, int sibling, string part)
    {
        if (length > _source.Length - _position)
        {
            Truncated($"sibling {sibling}{part}", length);
        }

        var slice = _source.Slice(_position, length);
        _position += length;
        return slice;
    }

    private ReadOnlySpan<byte> Take(int length, string field)
    {
        if (length > _source.Length - _position)
        {
            Truncated(field, length);
        }

        var slice = _source.Slice(_position, length);
        _position += length;
        return slice;
    }

    [DoesNotReturn]
    private readonly void Truncated(string field, int length) =>
        throw new MerkleSumFormatException($"{field} at offset {_position} needs {length} bytes; only {_source.Length - _position} remain.");
}
