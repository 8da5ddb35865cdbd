using Assay.Numerics.FixedPoint;

namespace Assay.Numerics.Tests.FixedPoint;

/// <summary>The canonical 26-byte encoding: frozen layout, round trip, and a decoder that rejects what cannot be produced.</summary>
public sealed class FixedPointEncodingTests
{
    private const int Seed = 27182;

    [Fact]
    public void Encoding_layout_is_frozen()
    {
        // Fine scale: 1.5 − 0.25 = 1.25 = 0x1_4000_0000_0000_0000 units of 2^−64; count 2.
        // A change to these bytes is a format change: bump EncodingVersion, do not edit the expected bytes.
        var acc = new FixedPointAccumulator(FixedPointScale.Fine).Add(1.5).Add(-0.25);
        var bytes = new byte[FixedPointAccumulator.EncodedLength];
        acc.WriteTo(bytes);
        Assert.Equal("0101" + "0000000000000040" + "0100000000000000" + "0200000000000000", Convert.ToHexString(bytes));

        // Negative sums are two's complement: −2^−32 at the Coarse scale is −1 unit.
        var negative = new FixedPointAccumulator(FixedPointScale.Coarse).Add(-Math.ScaleB(1.0, -32));
        negative.WriteTo(bytes);
        Assert.Equal("0103" + "FFFFFFFFFFFFFFFF" + "FFFFFFFFFFFFFFFF" + "0100000000000000", Convert.ToHexString(bytes));
    }

    [Fact]
    public void Encoding_round_trips_and_is_injective()
    {
        var rng = new System.Random(Seed);
        var bytes = new byte[FixedPointAccumulator.EncodedLength];
        var seen = new Dictionary<string, FixedPointAccumulator>();
        for (var i = 0; i < 2000; i++)
        {
            var scale = FixedPointScale.FromId((byte)rng.Next(1, 4));
            var acc = new FixedPointAccumulator(scale);
            var n = rng.Next(0, 5);
            for (var j = 0; j < n; j++)
            {
                acc = acc.Add(FixedPointAccumulatorTests.RandomItem(rng, scale));
            }

            acc.WriteTo(bytes);
            var decoded = FixedPointAccumulator.ReadFrom(bytes);
            Assert.True(acc == decoded, $"seed {Seed}, item {i}: {acc} decoded as {decoded}");
            var hex = Convert.ToHexString(bytes);
            if (seen.TryGetValue(hex, out var previous))
            {
                Assert.True(previous == acc, $"seed {Seed}: {previous} and {acc} share the encoding {hex}");
            }

            seen[hex] = acc;
        }
    }

    [Theory]
    [InlineData(25)]
    [InlineData(27)]
    public void Decoder_rejects_wrong_length(int length)
    {
        Assert.Throws<FormatException>(() => FixedPointAccumulator.ReadFrom(new byte[length]));
    }

    [Fact]
    public void Decoder_rejects_bad_fields_naming_them()
    {
        var good = new byte[FixedPointAccumulator.EncodedLength];
        new FixedPointAccumulator(FixedPointScale.Medium).Add(3.0).WriteTo(good);

        var badVersion = (byte[])good.Clone();
        badVersion[0] = 2;
        Assert.Contains("version", Assert.Throws<FormatException>(() => FixedPointAccumulator.ReadFrom(badVersion)).Message, StringComparison.Ordinal);

        var badScale = (byte[])good.Clone();
        badScale[1] = 0;
        Assert.Contains("Scale id", Assert.Throws<FormatException>(() => FixedPointAccumulator.ReadFrom(badScale)).Message, StringComparison.Ordinal);

        var badCount = (byte[])good.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(badCount.AsSpan(18), FixedPointAccumulator.MaxCount + 1);
        Assert.Contains("Count", Assert.Throws<FormatException>(() => FixedPointAccumulator.ReadFrom(badCount)).Message, StringComparison.Ordinal);

        // One item at the Medium scale reaches at most 2^46·2^48 = 2^94 units.
        var unreachable = (byte[])good.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteInt128LittleEndian(unreachable.AsSpan(2), (Int128.One << 94) + 1);
        Assert.Contains("Sum", Assert.Throws<FormatException>(() => FixedPointAccumulator.ReadFrom(unreachable)).Message, StringComparison.Ordinal);
        System.Buffers.Binary.BinaryPrimitives.WriteInt128LittleEndian(unreachable.AsSpan(2), Int128.One << 94);
        Assert.Equal(Math.ScaleB(1.0, 46), FixedPointAccumulator.ReadFrom(unreachable).ToDouble());

        var minimum = (byte[])good.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteInt128LittleEndian(minimum.AsSpan(2), Int128.MinValue);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(minimum.AsSpan(18), FixedPointAccumulator.MaxCount);
        Assert.Throws<FormatException>(() => FixedPointAccumulator.ReadFrom(minimum));
    }

    [Fact]
    public void Decoder_fuzz_either_rejects_or_round_trips()
    {
        // Random bytes with a plausible header: every input is either rejected with FormatException or re-encodes to itself.
        var rng = new System.Random(Seed + 1);
        var input = new byte[FixedPointAccumulator.EncodedLength];
        var output = new byte[FixedPointAccumulator.EncodedLength];
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            rng.NextBytes(input);
            if (rng.Next(4) != 0)
            {
                input[0] = FixedPointAccumulator.EncodingVersion;
                input[1] = (byte)rng.Next(0, 5);
                var count = (ulong)rng.NextInt64(0, (long)FixedPointAccumulator.MaxCount + 2);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(input.AsSpan(18), count);
                if (rng.Next(2) == 0)
                {
                    // Shrink the sum to a random width so that some inputs are within reach.
                    var sum = (Int128)(FixedPointAccumulatorTests.RandomUInt128(rng) >> rng.Next(1, 128));
                    System.Buffers.Binary.BinaryPrimitives.WriteInt128LittleEndian(input.AsSpan(2), rng.Next(2) == 0 ? sum : -sum);
                }
            }

            FixedPointAccumulator decoded;
            try
            {
                decoded = FixedPointAccumulator.ReadFrom(input);
            }
            catch (FormatException)
            {
                continue;
            }

            accepted++;
            decoded.WriteTo(output);
            if (!input.AsSpan().SequenceEqual(output))
            {
                Assert.Fail($"seed {Seed + 1}, input {i}: {Convert.ToHexString(input)} re-encodes as {Convert.ToHexString(output)}");
            }
        }

        Assert.True(accepted > 1000, $"seed {Seed + 1}: only {accepted} inputs accepted; the fuzz does not reach the accepting path");
    }
}
