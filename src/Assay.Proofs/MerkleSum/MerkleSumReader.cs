using System.Buffers.Binary;
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

    public readonly void ExpectEnd(string what)
    {
        if (_position != _source.Length)
        {
            throw new MerkleSumFormatException($"{what}: {_source.Length - _position} trailing bytes after offset {_position}.");
        }
    }

    private ReadOnlySpan<byte> Take(int length, string field)
    {
        if (length > _source.Length - _position)
        {
            throw new MerkleSumFormatException($"{field} at offset {_position} needs {length} bytes; only {_source.Length - _position} remain.");
        }

        var slice = _source.Slice(_position, length);
        _position += length;
        return slice;
    }
}
