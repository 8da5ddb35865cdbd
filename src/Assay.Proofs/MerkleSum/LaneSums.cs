using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Assay.Proofs.MerkleSum;

/// <summary>The sums a Merkle-sum node commits: an item count and one exact <see cref="Int128"/> per fixed-point lane.</summary>
/// <remarks>
/// <para>Immutable; equality is by value (count and every lane). A leaf's sums are those of its own items (e.g. one
/// Monte Carlo batch: Σpayoff, Σpayoff², … and the number of paths); an inner node's sums are its children's added lane
/// by lane, exactly.</para>
/// <para>Encoding (<see cref="WriteTo"/>, 8 + 16·L bytes): the count as an unsigned 64-bit little-endian integer, then
/// each lane in order as a 128-bit two's-complement little-endian integer.</para>
/// </remarks>
public sealed class LaneSums : IEquatable<LaneSums>
{
    private readonly Int128[] _lanes;

    /// <summary>Creates sums from a count and the lane values (copied).</summary>
    /// <param name="count">Number of items summed (e.g. paths in a batch).</param>
    /// <param name="lanes">One scaled sum per lane; 1 to <see cref="MerkleSumLayout.MaxLanes"/> values.</param>
    /// <exception cref="ArgumentException"><paramref name="lanes"/> is empty or longer than <see cref="MerkleSumLayout.MaxLanes"/>.</exception>
    public LaneSums(ulong count, ReadOnlySpan<Int128> lanes)
    {
        if (lanes.Length is 0 or > MerkleSumLayout.MaxLanes)
        {
            throw new ArgumentException($"lanes must hold 1 to {MerkleSumLayout.MaxLanes} values; got {lanes.Length}.", nameof(lanes));
        }

        Count = count;
        _lanes = lanes.ToArray();
    }

    private LaneSums(ulong count, Int128[] lanes)
    {
        Count = count;
        _lanes = lanes;
    }

    /// <summary>Number of items summed.</summary>
    public ulong Count { get; }

    /// <summary>Number of lanes.</summary>
    public int LaneCount => _lanes.Length;

    /// <summary>The lane values, in lane order.</summary>
    public ReadOnlySpan<Int128> Lanes => _lanes;

    /// <summary>Length of the encoding in bytes, 8 + 16·<see cref="LaneCount"/>.</summary>
    public int EncodedLength => EncodedLengthFor(_lanes.Length);

    /// <summary>The value of one lane.</summary>
    public Int128 this[int lane] => _lanes[lane];

    /// <summary>Whether two sums are equal (both null, or same count and lanes).</summary>
    public static bool operator ==(LaneSums? left, LaneSums? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two sums differ.</summary>
    public static bool operator !=(LaneSums? left, LaneSums? right) => !(left == right);

    /// <summary>Sums of no items: count 0 and every lane 0.</summary>
    public static LaneSums Zero(int laneCount) => new(0, new Int128[laneCount]);

    /// <summary>Length of the encoding of sums with <paramref name="laneCount"/> lanes: 8 + 16·laneCount bytes.</summary>
    public static int EncodedLengthFor(int laneCount) => 8 + (16 * laneCount);

    /// <summary>Writes the encoding (see remarks) to the first <see cref="EncodedLength"/> bytes of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination) => Write(destination, Count, _lanes);

    /// <inheritdoc/>
    public bool Equals(LaneSums? other) =>
        other is not null && Count == other.Count && _lanes.AsSpan().SequenceEqual(other._lanes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LaneSums other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Count);
        foreach (var lane in _lanes)
        {
            hash.Add(lane);
        }

        return hash.ToHashCode();
    }

    /// <summary>The count and the lanes as integers, e.g. "count=3 [12, -4]".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("count=").Append(Count).Append(" [");
        for (var i = 0; i < _lanes.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(_lanes[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }

    internal static LaneSums Own(ulong count, Int128[] lanes) => new(count, lanes);

    internal static void Write(Span<byte> destination, ulong count, ReadOnlySpan<Int128> lanes)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, count);
        for (var i = 0; i < lanes.Length; i++)
        {
            BinaryPrimitives.WriteInt128LittleEndian(destination.Slice(8 + (16 * i), 16), lanes[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static LaneSums Read(ReadOnlySpan<byte> source, int laneCount)
    {
        var lanes = new Int128[laneCount];
        for (var i = 0; i < laneCount; i++)
        {
            lanes[i] = BinaryPrimitives.ReadInt128LittleEndian(source.Slice(8 + (16 * i), 16));
        }

        return new LaneSums(BinaryPrimitives.ReadUInt64LittleEndian(source), lanes);
    }
}
