using System.Numerics;
using Assay.Numerics.FixedPoint;

namespace Assay.Numerics.Tests.FixedPoint;

/// <summary>Exactness, order and partition independence, limits and conversion of <see cref="FixedPointAccumulator"/>.</summary>
public sealed class FixedPointAccumulatorTests
{
    private const int Seed = 314159;

    public static TheoryData<byte> ScaleIds() => new([1, 2, 3]);

    [Fact]
    public void Sum_is_exact_where_double_summation_loses_the_small_term()
    {
        var tiny = Math.ScaleB(1.0, -64);
        var acc = new FixedPointAccumulator(FixedPointScale.Fine).Add(1e9).Add(tiny).Add(-1e9);
        Assert.Equal((Int128)1, acc.ScaledSum);
        Assert.Equal(tiny, acc.ToDouble());
        Assert.Equal(3UL, acc.Count);
        Assert.Equal(0.0, 1e9 + tiny - 1e9); // what naive summation gives
    }

    [Fact]
    public void Ten_tenths_sum_to_the_exact_multiple_of_the_stored_tenth()
    {
        // 0.1 = 3602879701896397·2^−55 exactly, so at 2^−64 it is 3602879701896397·2^9 units without rounding.
        var acc = new FixedPointAccumulator(FixedPointScale.Fine);
        for (var i = 0; i < 10; i++)
        {
            acc = acc.Add(0.1);
        }

        Assert.Equal((Int128)3602879701896397 * 512 * 10, acc.ScaledSum);

        // 10·0.1 (stored) = 1 + 2^−54·… ≈ 1.0000000000000000555, whose nearest double is 1.
        Assert.Equal(1.0, acc.ToDouble());
    }

    [Fact]
    public void Integers_sum_exactly()
    {
        var values = Enumerable.Range(1, 100_000).Select(i => (double)i).ToArray();
        var acc = new FixedPointAccumulator(FixedPointScale.Fine).AddRange(values);
        Assert.Equal(5_000_050_000.0, acc.ToDouble());
        Assert.Equal((Int128)5_000_050_000 << 64, acc.ScaledSum);
    }

    [Theory]
    // Fine scale, unit 2^−64: x = m·2^−65 is m/2 units, rounded half to even.
    [InlineData(1, 0)]
    [InlineData(3, 2)]
    [InlineData(5, 2)]
    [InlineData(7, 4)]
    [InlineData(-3, -2)]
    [InlineData(-5, -2)]
    public void Items_below_resolution_round_half_to_even(int halfUnits, int expectedUnits)
    {
        var acc = new FixedPointAccumulator(FixedPointScale.Fine).Add(halfUnits * Math.ScaleB(1.0, -65));
        Assert.True((Int128)expectedUnits == acc.ScaledSum, $"{halfUnits}·2^-65 gave {acc.ScaledSum} units, expected {expectedUnits}");
    }

    [Theory]
    [MemberData(nameof(ScaleIds))]
    public void ToScaled_equals_big_integer_round_half_even(byte id)
    {
        var scale = FixedPointScale.FromId(id);
        var rng = new System.Random(Seed + id);
        for (var i = 0; i < 20_000; i++)
        {
            var x = RandomItem(rng, scale);
            var expected = ExactDouble.ScaledRoundHalfEven(x, scale.FractionBits);
            var actual = FixedPointAccumulator.ToScaled(x, scale);
            if (expected != (BigInteger)actual)
            {
                Assert.Fail($"seed {Seed + id}, scale {scale}, x = {x:R} ({BitConverter.DoubleToInt64Bits(x):x16}): expected {expected}, got {actual}");
            }
        }

        // Edges: the bound itself, the smallest subnormal, and just below a rounding tie.
        foreach (var x in new[] { scale.MaxItemMagnitude, -scale.MaxItemMagnitude, double.Epsilon, -0.0, Math.BitDecrement(scale.Resolution / 2) })
        {
            Assert.True(ExactDouble.ScaledRoundHalfEven(x, scale.FractionBits) == (BigInteger)FixedPointAccumulator.ToScaled(x, scale), $"scale {scale}, x = {x:R}");
        }
    }

    [Theory]
    [MemberData(nameof(ScaleIds))]
    public void Total_is_independent_of_order_and_partition(byte id)
    {
        var scale = FixedPointScale.FromId(id);
        var seed = Seed * 10 + id;
        var rng = new System.Random(seed);
        var values = Enumerable.Range(0, 20_000).Select(_ => RandomItem(rng, scale)).ToArray();
        var reference = new FixedPointAccumulator(scale);
        foreach (var v in values)
        {
            reference = reference.Add(v);
        }

        Assert.Equal(reference, new FixedPointAccumulator(scale).AddRange(values));
        for (var trial = 0; trial < 20; trial++)
        {
            var shuffled = (double[])values.Clone();
            rng.Shuffle(shuffled);

            // Split at random points into 1–12 parts, accumulate each, then merge in a random order.
            var cuts = Enumerable.Range(0, rng.Next(0, 12)).Select(_ => rng.Next(0, shuffled.Length + 1)).Append(0).Append(shuffled.Length).Order().ToArray();
            var parts = new List<FixedPointAccumulator>();
            for (var p = 0; p + 1 < cuts.Length; p++)
            {
                parts.Add(new FixedPointAccumulator(scale).AddRange(shuffled.AsSpan(cuts[p], cuts[p + 1] - cuts[p])));
            }

            while (parts.Count > 1)
            {
                var a = rng.Next(parts.Count);
                var left = parts[a];
                parts.RemoveAt(a);
                var b = rng.Next(parts.Count);
                parts[b] = rng.Next(2) == 0 ? FixedPointAccumulator.Merge(left, parts[b]) : FixedPointAccumulator.Merge(parts[b], left);
            }

            Assert.True(reference == parts[0], $"seed {seed}, scale {scale}, trial {trial}, cuts [{string.Join(", ", cuts)}]: {parts[0]} vs {reference}");
            Assert.Equal(reference.ToDouble(), parts[0].ToDouble());
        }
    }

    [Fact]
    public void Merging_with_an_empty_accumulator_is_the_identity()
    {
        var acc = new FixedPointAccumulator(FixedPointScale.Medium).Add(12.5).Add(-3.25);
        var empty = new FixedPointAccumulator(FixedPointScale.Medium);
        Assert.Equal(acc, FixedPointAccumulator.Merge(acc, empty));
        Assert.Equal(acc, FixedPointAccumulator.Merge(empty, acc));
        Assert.Equal(9.25, acc.ToDouble());
    }

    [Theory]
    [MemberData(nameof(ScaleIds))]
    public void Item_bound_is_inclusive_and_enforced_with_a_named_limit(byte id)
    {
        var scale = FixedPointScale.FromId(id);
        var acc = new FixedPointAccumulator(scale).Add(scale.MaxItemMagnitude).Add(-scale.MaxItemMagnitude);
        Assert.Equal(Int128.Zero, acc.ScaledSum);
        foreach (var bad in new[] { Math.BitIncrement(scale.MaxItemMagnitude), -Math.BitIncrement(scale.MaxItemMagnitude), 1e300 })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(bad));
            Assert.Equal("value", error.ParamName);
            Assert.Contains($"MaxItemMagnitude = 2^{scale.MagnitudeBits}", error.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentOutOfRangeException>(() => FixedPointAccumulator.ToScaled(bad, scale));
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_items_are_rejected_naming_the_argument(double bad)
    {
        var acc = new FixedPointAccumulator(FixedPointScale.Coarse);
        var error = Assert.Throws<ArgumentException>(() => acc.Add(bad));
        Assert.Equal("value", error.ParamName);
        Assert.Contains("must be finite", error.Message, StringComparison.Ordinal);

        var rangeError = Assert.Throws<ArgumentException>(() => acc.AddRange([1.0, 2.0, 3.0, bad]));
        Assert.Equal("values[3]", rangeError.ParamName);
    }

    [Fact]
    public void Count_limit_is_enforced_on_add_and_merge()
    {
        var full = Decode(1, Int128.Zero, FixedPointAccumulator.MaxCount);
        var addError = Assert.Throws<InvalidOperationException>(() => full.Add(1.0));
        Assert.Contains("MaxCount = 2^32", addError.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => full.AddRange([1.0]));

        var one = new FixedPointAccumulator(FixedPointScale.Fine).Add(1.0);
        var mergeError = Assert.Throws<InvalidOperationException>(() => FixedPointAccumulator.Merge(full, one));
        Assert.Contains("MaxCount = 2^32", mergeError.Message, StringComparison.Ordinal);

        // At the limit the largest reachable sums merge without wrapping: 2 × 2^31 items of 2^30 → 2^126 units.
        var half = Decode(1, Int128.One << 125, FixedPointAccumulator.MaxCount / 2);
        var whole = FixedPointAccumulator.Merge(half, half);
        Assert.Equal(Int128.One << 126, whole.ScaledSum);
        Assert.Equal(Math.ScaleB(1.0, 62), whole.ToDouble());
        var negative = Decode(1, -(Int128.One << 125), FixedPointAccumulator.MaxCount / 2);
        Assert.Equal(-Math.ScaleB(1.0, 62), FixedPointAccumulator.Merge(negative, negative).ToDouble());
    }

    [Fact]
    public void Mixed_scales_and_default_accumulators_are_rejected()
    {
        var fine = new FixedPointAccumulator(FixedPointScale.Fine);
        var coarse = new FixedPointAccumulator(FixedPointScale.Coarse);
        Assert.Throws<ArgumentException>(() => FixedPointAccumulator.Merge(fine, coarse));
        Assert.Throws<ArgumentException>(() => FixedPointAccumulator.Merge(default, default));
        Assert.Throws<InvalidOperationException>(() => default(FixedPointAccumulator).Add(1.0));
        Assert.Throws<ArgumentException>(() => new FixedPointAccumulator(default));
    }

    [Theory]
    [MemberData(nameof(ScaleIds))]
    public void ToDouble_is_correctly_rounded(byte id)
    {
        var scale = FixedPointScale.FromId(id);
        var seed = Seed + 100 + id;
        var rng = new System.Random(seed);
        for (var i = 0; i < 20_000; i++)
        {
            // A sum of random bit length 0–126 and random sign, with the count that makes it reachable.
            // (A shift by 128 would be a shift by 0, hence the separate zero case.)
            var bitLength = rng.Next(0, 127);
            var magnitude = bitLength == 0 ? UInt128.Zero : RandomUInt128(rng) >> (128 - bitLength);
            var sum = rng.Next(2) == 0 ? (Int128)magnitude : -(Int128)magnitude;
            var acc = Decode(id, sum, FixedPointAccumulator.MaxCount);
            var d = acc.ToDouble();
            if (!ExactDouble.IsCorrectlyRounded((BigInteger)sum, scale.FractionBits, d))
            {
                Assert.Fail($"seed {seed}, scale {scale}, sum {sum}: ToDouble gave {d:R}");
            }
        }
    }

    [Theory]
    // Sums just past 2^53 units: the discarded bit decides, ties go to the even neighbour.
    [InlineData("9007199254740993", "9007199254740992")] // 2^53 + 1 → tie → 2^53
    [InlineData("9007199254740995", "9007199254740996")] // 2^53 + 3 → tie → 2^53 + 4
    [InlineData("18014398509481990", "18014398509481992")] // 2^54 + 6 (2 units over even, exactly half of 4) → 2^54 + 8
    [InlineData("18014398509481989", "18014398509481988")] // 2^54 + 5 → below half → 2^54 + 4
    [InlineData("-9007199254740995", "-9007199254740996")]
    public void ToDouble_rounds_ties_to_even(string units, string expectedUnits)
    {
        var acc = Decode(1, Int128.Parse(units, System.Globalization.CultureInfo.InvariantCulture), FixedPointAccumulator.MaxCount);
        var expected = (double)long.Parse(expectedUnits, System.Globalization.CultureInfo.InvariantCulture) * Math.ScaleB(1.0, -64);
        Assert.Equal(expected, acc.ToDouble());
    }

    [Fact]
    public void Zero_sum_converts_to_positive_zero()
    {
        var acc = new FixedPointAccumulator(FixedPointScale.Fine).Add(-0.0).Add(-1.0).Add(1.0);
        Assert.Equal(0UL, BitConverter.DoubleToUInt64Bits(acc.ToDouble()));
    }

    internal static FixedPointAccumulator Decode(byte scaleId, Int128 sum, ulong count)
    {
        var bytes = new byte[FixedPointAccumulator.EncodedLength];
        bytes[0] = FixedPointAccumulator.EncodingVersion;
        bytes[1] = scaleId;
        System.Buffers.Binary.BinaryPrimitives.WriteInt128LittleEndian(bytes.AsSpan(2), sum);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(18), count);
        return FixedPointAccumulator.ReadFrom(bytes);
    }

    internal static UInt128 RandomUInt128(System.Random rng) =>
        new((ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63), (ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63));

    /// <summary>A random item of log-uniform magnitude from 2^−80 to the scale's bound, random sign, with some exact ties and zeros.</summary>
    internal static double RandomItem(System.Random rng, FixedPointScale scale)
    {
        switch (rng.Next(20))
        {
            case 0:
                return 0.0;
            case 1:
                // An exact half-unit tie: (2m + 1)·2^−(k+1).
                return ((2 * rng.Next(-1000, 1000)) + 1) * Math.ScaleB(1.0, -scale.FractionBits - 1);
            default:
                var exponent = rng.Next(-80, scale.MagnitudeBits);
                var x = (1.0 + rng.NextDouble()) * Math.ScaleB(1.0, exponent);
                return rng.Next(2) == 0 ? x : -x;
        }
    }
}
