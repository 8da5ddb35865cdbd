using Assay.Numerics.RandomNumbers;

namespace Assay.Numerics.Tests.RandomNumbers;

/// <summary>The documented address layout and bit-to-uniform mapping of <see cref="Variates"/>, and its span fillers.</summary>
public sealed class VariatesLayoutTests
{
    private const int Seed = 7_2024;

    [Theory]
    // Addresses chosen so that the counter and key are rows of Random123's kat_vectors (see Philox4x32KnownAnswerTests):
    // counter (path lo, path hi, dimension, step / 2) and key (seed lo, seed hi).
    // Row "00000000 ×4 key 00000000 ×2 → 6627e8d5 e169c58d bc57ac4c 9b00dbd8".
    [InlineData(0UL, 0UL, 0u, 0u, 0xe169c58d6627e8d5UL)]
    [InlineData(0UL, 0UL, 1u, 0u, 0x9b00dbd8bc57ac4cUL)]
    // Row "243f6a88 85a308d3 13198a2e 03707344 key a4093822 299f31d0 → d16cfe09 94fdcceb 5001e420 24126ea1".
    [InlineData(0x299f31d0a4093822UL, 0x85a308d3243f6a88UL, 0x06e0e688u, 0x13198a2eu, 0x94fdccebd16cfe09UL)]
    [InlineData(0x299f31d0a4093822UL, 0x85a308d3243f6a88UL, 0x06e0e689u, 0x13198a2eu, 0x24126ea15001e420UL)]
    // Row "00000000 00000000 00000000 00000001 key 00000001 00000000 → 127bee41 1e047488 48842b20 0a393496".
    [InlineData(1UL, 0UL, 2u, 0u, 0x1e047488127bee41UL)]
    [InlineData(1UL, 0UL, 3u, 0u, 0x0a39349648842b20UL)]
    // Row "00000000 ffffffff 00000000 00000000 key 00000000 00000001 → 00e94a67 3524f44e 22995230 bb54df1e".
    [InlineData(0x0000000100000000UL, 0xffffffff00000000UL, 1u, 0u, 0xbb54df1e22995230UL)]
    public void Bits_follow_the_documented_layout_on_published_vectors(ulong seed, ulong path, uint step, uint dimension, ulong expected)
    {
        var bits = Variates.Bits(seed, path, step, dimension);
        Assert.True(expected == bits, $"seed {seed:x16} path {path:x16} step {step:x8} dimension {dimension:x8}: expected {expected:x16}, got {bits:x16}");
    }

    [Fact]
    public void Uniform_golden_values_are_frozen()
    {
        // j·2^−53 with j = bits ≫ 11 for the first four published-vector addresses above, computed independently in
        // Python 3 ((b >> 11) / 2**53, exact). A change here changes every simulation: bump the engine version instead.
        Assert.Equal(0x3fec2d38b1acc4fdUL, BitConverter.DoubleToUInt64Bits(Variates.Uniform(0, 0, 0, 0)));
        Assert.Equal(0x3fe3601b7b178af5UL, BitConverter.DoubleToUInt64Bits(Variates.Uniform(0, 0, 1, 0)));
        Assert.Equal(0x3fe29fb99d7a2d9fUL, BitConverter.DoubleToUInt64Bits(Variates.Uniform(0x299f31d0a4093822UL, 0x85a308d3243f6a88UL, 0x06e0e688u, 0x13198a2eu)));
        Assert.Equal(0x3fc2093750a800f0UL, BitConverter.DoubleToUInt64Bits(Variates.Uniform(0x299f31d0a4093822UL, 0x85a308d3243f6a88UL, 0x06e0e689u, 0x13198a2eu)));
    }

    [Theory]
    [InlineData(0x0000000000000000UL, 0.5)] // j = 0 is replaced by 2^52
    [InlineData(0x00000000000007FFUL, 0.5)] // the low 11 bits are dropped
    [InlineData(0x0000000000000800UL, 1.1102230246251565e-16)] // j = 1: 2^−53, the smallest value
    [InlineData(0x8000000000000000UL, 0.5)] // j = 2^52
    [InlineData(0xFFFFFFFFFFFFFFFFUL, 0.99999999999999989)] // j = 2^53 − 1: 1 − 2^−53, the largest value below 1
    [InlineData(0x4000000000000000UL, 0.25)]
    public void ToUniform_maps_edge_bit_patterns_as_documented(ulong bits, double expected)
    {
        Assert.Equal(BitConverter.DoubleToUInt64Bits(expected), BitConverter.DoubleToUInt64Bits(Variates.ToUniform(bits)));
    }

    [Fact]
    public void ToUniform_is_j_over_2_pow_53_and_symmetric_under_complement()
    {
        var rng = new System.Random(Seed);
        for (var i = 0; i < 100_000; i++)
        {
            var bits = (ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63);
            var j = bits >> 11;
            var expected = j == 0 ? 0.5 : j / 9007199254740992.0;
            var u = Variates.ToUniform(bits);
            if (expected != u || !(u > 0 && u < 1))
            {
                Assert.Fail($"seed {Seed}, bits {bits:x16}: expected {expected:R} in (0, 1), got {u:R}");
            }

            // Complementing the 53 used bits maps j to 2^53 − 1 − j; for j ≥ 1 the image of 1 − u is grid point 2^53 − j.
            if (j != 0)
            {
                var mirrored = Variates.ToUniform((((1UL << 53) - j) << 11) | (bits & 0x7FF));
                if (1.0 - u != mirrored)
                {
                    Assert.Fail($"seed {Seed}, bits {bits:x16}: 1 − u = {1.0 - u:R} but mirror is {mirrored:R}");
                }
            }
        }
    }

    [Fact]
    public void Uniform_and_Normal_are_composed_as_documented()
    {
        var rng = new System.Random(Seed + 1);
        for (var i = 0; i < 200; i++)
        {
            var (seed, path, step, dimension) = ((ulong)rng.NextInt64(), (ulong)rng.NextInt64(), Philox4x32VectorTests.NextUInt(rng), Philox4x32VectorTests.NextUInt(rng));
            var block = Philox4x32.Generate(
                new Philox4x32Block((uint)path, (uint)(path >> 32), dimension, step >> 1), new Philox4x32Key((uint)seed, (uint)(seed >> 32)));
            var bits = (step & 1) == 0 ? block.Low64 : block.High64;
            var message = $"seed {Seed + 1}, address ({seed}, {path}, {step}, {dimension})";
            Assert.True(bits == Variates.Bits(seed, path, step, dimension), message);
            Assert.True(Variates.ToUniform(bits) == Variates.Uniform(seed, path, step, dimension), message);
            var normal = Variates.Normal(seed, path, step, dimension);
            Assert.True(
                BitConverter.DoubleToUInt64Bits(Normal.InverseCdf(Variates.ToUniform(bits))) == BitConverter.DoubleToUInt64Bits(normal),
                message);
            Assert.True(Variates.Counter(path, step, dimension) == new Philox4x32Block((uint)path, (uint)(path >> 32), dimension, step >> 1), message);
        }
    }

    public static TheoryData<uint> FirstSteps() => new([0u, 1u, 2u, 7u, 1_000_001u, uint.MaxValue - 300u]);

    [Theory]
    [MemberData(nameof(FirstSteps))]
    public void FillUniforms_equals_scalar_bit_for_bit_and_stays_in_range(uint firstStep)
    {
        const ulong SeedValue = 0x0123_4567_89AB_CDEFUL;
        const ulong Path = 0xFEDC_BA98_7654_3210UL;
        const uint Dimension = 3;
        foreach (var length in Enumerable.Range(0, 38).Append(301))
        {
            var buffer = SentinelBuffer(length, out var sentinel);
            Variates.FillUniforms(SeedValue, Path, Dimension, firstStep, buffer.AsSpan(Guard, length));
            for (var i = 0; i < buffer.Length; i++)
            {
                var expected = i < Guard || i >= Guard + length
                    ? sentinel
                    : Variates.Uniform(SeedValue, Path, firstStep + (uint)(i - Guard), Dimension);
                if (BitConverter.DoubleToUInt64Bits(expected) != BitConverter.DoubleToUInt64Bits(buffer[i]))
                {
                    Assert.Fail($"firstStep {firstStep}, length {length}, buffer index {i}: expected {expected:R}, got {buffer[i]:R}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(FirstSteps))]
    public void FillNormals_equals_scalar_bit_for_bit_and_stays_in_range(uint firstStep)
    {
        const ulong SeedValue = 42;
        const ulong Path = 1UL << 40;
        const uint Dimension = 1;
        foreach (var length in new[] { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33 })
        {
            var buffer = SentinelBuffer(length, out var sentinel);
            Variates.FillNormals(SeedValue, Path, Dimension, firstStep, buffer.AsSpan(Guard, length));
            for (var i = 0; i < buffer.Length; i++)
            {
                var expected = i < Guard || i >= Guard + length
                    ? sentinel
                    : Variates.Normal(SeedValue, Path, firstStep + (uint)(i - Guard), Dimension);
                if (BitConverter.DoubleToUInt64Bits(expected) != BitConverter.DoubleToUInt64Bits(buffer[i]))
                {
                    Assert.Fail($"firstStep {firstStep}, length {length}, buffer index {i}: expected {expected:R}, got {buffer[i]:R}");
                }
            }
        }
    }

    [Fact]
    public void Fillers_reject_steps_past_uint_max()
    {
        var buffer = new double[4];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Variates.FillUniforms(1, 2, 3, uint.MaxValue - 2, buffer));
        Assert.Equal("destination", error.ParamName);
        Assert.Contains("4294967296", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Variates.FillNormals(1, 2, 3, uint.MaxValue, buffer));

        // The last addressable step itself is fine.
        Variates.FillUniforms(1, 2, 3, uint.MaxValue - 3, buffer);
        Assert.Equal(Variates.Uniform(1, 2, uint.MaxValue, 3), buffer[3]);
    }

    private const int Guard = 6;

    private static double[] SentinelBuffer(int length, out double sentinel)
    {
        // A NaN with a payload no generator output can have.
        sentinel = BitConverter.UInt64BitsToDouble(0x7FF8_DEAD_BEEF_0001UL);
        return Enumerable.Repeat(sentinel, length + (2 * Guard)).ToArray();
    }
}
