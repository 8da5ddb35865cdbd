using System.Buffers.Binary;

namespace Assay.Numerics.FixedPoint;

/// <summary>Canonical binary encoding of an accumulator, the form that is hashed (e.g. into Merkle-sum trees).</summary>
public readonly partial struct FixedPointAccumulator
{
    /// <summary>Format version written in byte 0 of the encoding.</summary>
    public const byte EncodingVersion = 1;

    /// <summary>Length of the canonical encoding in bytes (26).</summary>
    public const int EncodedLength = 26;

    /// <summary>Writes the canonical encoding: version, scale id, sum (16 bytes), count (8 bytes).</summary>
    /// <remarks>
    /// Layout: byte 0 = <see cref="EncodingVersion"/> (1); byte 1 = <see cref="FixedPointScale.Id"/>; bytes 2–17 =
    /// <see cref="ScaledSum"/> as 128-bit two's complement, little-endian; bytes 18–25 = <see cref="Count"/>, little-endian.
    /// Equal accumulators have equal encodings and vice versa.
    /// </remarks>
    /// <param name="destination">At least <see cref="EncodedLength"/> bytes.</param>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < EncodedLength)
        {
            throw new ArgumentException($"destination must hold {EncodedLength} bytes; it holds {destination.Length}.", nameof(destination));
        }

        if (_scaleId == 0)
        {
            throw new InvalidOperationException("A default FixedPointAccumulator has no scale and no encoding.");
        }

        destination[0] = EncodingVersion;
        destination[1] = _scaleId;
        BinaryPrimitives.WriteInt128LittleEndian(destination.Slice(2, 16), _scaledSum);
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(18, 8), _count);
    }

    /// <summary>Decodes and validates a canonical encoding.</summary>
    /// <param name="source">Exactly <see cref="EncodedLength"/> bytes.</param>
    /// <exception cref="FormatException">The bytes are not an encoding that <see cref="WriteTo"/> can produce: wrong length,
    /// version or scale id, a count above <see cref="MaxCount"/>, or a sum larger than count × 2^(MagnitudeBits + FractionBits).</exception>
    public static FixedPointAccumulator ReadFrom(ReadOnlySpan<byte> source)
    {
        if (source.Length != EncodedLength)
        {
            throw new FormatException($"A FixedPointAccumulator encoding is {EncodedLength} bytes; got {source.Length}.");
        }

        if (source[0] != EncodingVersion)
        {
            throw new FormatException($"Encoding version (byte 0) must be {EncodingVersion}; got {source[0]}.");
        }

        if (!FixedPointScale.TryFromId(source[1], out var scale))
        {
            throw new FormatException($"Scale id (byte 1) must be 1, 2 or 3; got {source[1]}.");
        }

        var sum = BinaryPrimitives.ReadInt128LittleEndian(source.Slice(2, 16));
        var count = BinaryPrimitives.ReadUInt64LittleEndian(source.Slice(18, 8));
        if (count > MaxCount)
        {
            throw new FormatException($"Count (bytes 18-25) must be at most MaxCount = 2^32; got {count}.");
        }

        if (!IsReachable(scale, sum, count, out var reachable))
        {
            throw new FormatException(
                $"Sum (bytes 2-17) = {sum} exceeds count × 2^{scale.MagnitudeBits + scale.FractionBits} = {reachable}, the largest sum {count} items can reach at scale {scale}.");
        }

        return new FixedPointAccumulator(scale.Id, sum, count);
    }

    /// <summary>The accumulator with a given scaled sum and count, for producers that add items their own (exact) way.</summary>
    /// <param name="scale">One of the named scales.</param>
    /// <param name="scaledSum">Σ round-half-even(item·2^FractionBits) over the items.</param>
    /// <param name="count">Number of items, at most <see cref="MaxCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The scale is undefined, the count exceeds <see cref="MaxCount"/>, or
    /// |<paramref name="scaledSum"/>| exceeds count × 2^(MagnitudeBits + FractionBits).</exception>
    public static FixedPointAccumulator FromScaledSum(FixedPointScale scale, Int128 scaledSum, ulong count)
    {
        if (!scale.IsDefined)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "The scale must be Fine, Medium or Coarse.");
        }

        if (count > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be at most MaxCount = 2^32 = {MaxCount}.");
        }

        if (!IsReachable(scale, scaledSum, count, out var reachable))
        {
            throw new ArgumentOutOfRangeException(
                nameof(scaledSum), $"|scaledSum| = |{scaledSum}| exceeds count × 2^{scale.MagnitudeBits + scale.FractionBits} = {reachable} at scale {scale}.");
        }

        return new FixedPointAccumulator(scale.Id, scaledSum, count);
    }

    private static bool IsReachable(FixedPointScale scale, Int128 sum, ulong count, out UInt128 reachable)
    {
        // Int128.MinValue has no positive counterpart, but it also exceeds every reachable bound (2^126).
        reachable = (UInt128)count << (scale.MagnitudeBits + scale.FractionBits);
        var magnitude = sum == Int128.MinValue ? UInt128.MaxValue : (UInt128)(sum < Int128.Zero ? -sum : sum);
        return magnitude <= reachable;
    }
}
