using System.Runtime.Intrinsics;
using Assay.Numerics.RandomNumbers;

namespace Assay.Numerics.Tests.RandomNumbers;

/// <summary><see cref="Variates.FillUniformPairs"/> and <see cref="Variates.FillEvenUniforms"/>: every element is the scalar uniform of its address, and nothing outside the block is written.</summary>
public class VariateBlockTests
{
    private const double Sentinel = -7.25;

    [Theory]
    [InlineData(0UL, 0UL, 1, 0U, 1, 0U)] // one cell: the single-cell tail path
    [InlineData(42UL, 4093UL, 3, 5U, 3, 1U)] // 9 cells: pairs of cells plus a last single one, crossing groups
    [InlineData(ulong.MaxValue, 0xFFFF_FFF8UL, 4, 0x7FFF_FFF0U, 2, 3U)] // paths straddle the 32-bit word boundary
    [InlineData(7UL, 100UL, 16, 0U, 1, 2U)] // one-step blocks: 16 groups of one pair
    [InlineData(7UL, 64UL, 1, 11U, 16, 0U)] // one group, 16 pairs
    [InlineData(0x5EEDUL, 8UL, 2, uint.MaxValue - 2, 3, 5U)] // the last step pairs a 32-bit counter word can address
    public void Every_element_is_the_scalar_uniform_of_its_address_and_the_rest_is_untouched(
        ulong seed, ulong firstPath, int groups, uint firstStepPair, int pairs, uint dimension)
    {
        var cells = groups * pairs;
        var destination = new double[(8 * cells) + 5];
        Array.Fill(destination, Sentinel);
        Variates.FillUniformPairs(seed, firstPath, groups, firstStepPair, pairs, dimension, destination.AsSpan(0, (8 * cells) + 3));
        var key = Philox4x32Key.FromSeed(seed);
        for (var g = 0; g < groups; g++)
        {
            for (var k = 0; k < pairs; k++)
            {
                var stepPair = firstStepPair + (uint)k;
                var at = 8 * ((g * pairs) + k);
                Variates.UniformPairs(seed, firstPath + (4 * (ulong)g), stepPair, dimension, out var even, out var odd);
                for (var lane = 0; lane < 4; lane++)
                {
                    var path = firstPath + (4 * (ulong)g) + (ulong)lane;
                    var context = $"seed {seed}, path {path}, step pair {stepPair}, dimension {dimension}, cell ({g}, {k}), lane {lane}";

                    // The definition: the Philox block of counter (path low, path high, dimension, step pair), low half for
                    // the even step and high half for the odd one (Variates.Counter), mapped by ToUniform.
                    var block = Philox4x32.Generate(new Philox4x32Block((uint)path, (uint)(path >> 32), dimension, stepPair), key);
                    Assert.True(Bits(Variates.ToUniform(block.Low64)) == Bits(destination[at + lane]), $"{context}: even step");
                    Assert.True(Bits(Variates.ToUniform(block.High64)) == Bits(destination[at + 4 + lane]), $"{context}: odd step");
                    Assert.True(Bits(even.GetElement(lane)) == Bits(destination[at + lane]), $"{context}: even step against UniformPairs");
                    Assert.True(Bits(odd.GetElement(lane)) == Bits(destination[at + 4 + lane]), $"{context}: odd step against UniformPairs");
                    if (stepPair <= int.MaxValue)
                    {
                        Assert.True(Variates.Uniform(seed, path, 2 * stepPair, dimension) == destination[at + lane], $"{context}: even step against Uniform");
                    }
                }
            }
        }

        for (var i = 8 * cells; i < destination.Length; i++)
        {
            Assert.True(Bits(destination[i]) == Bits(Sentinel), $"seed {seed}: element {i} after the block was written");
        }
    }

    [Theory]
    [InlineData(0UL, 0UL, 1, 0U, 0U)] // one group: the single-group tail path
    [InlineData(7UL, 100UL, 16, 0U, 2U)] // the one-step block of the normal cache
    [InlineData(ulong.MaxValue, 0xFFFF_FFF4UL, 5, uint.MaxValue, 3U)] // paths straddle the 32-bit word boundary; the last step pair
    public void Even_uniforms_are_the_even_half_of_the_pair_blocks_and_the_rest_is_untouched(ulong seed, ulong firstPath, int groups, uint stepPair, uint dimension)
    {
        var pairs = new double[8 * groups];
        Variates.FillUniformPairs(seed, firstPath, groups, stepPair, 1, dimension, pairs);
        var destination = new double[(4 * groups) + 5];
        Array.Fill(destination, Sentinel);
        Variates.FillEvenUniforms(seed, firstPath, groups, stepPair, dimension, destination.AsSpan(0, (4 * groups) + 3));
        for (var g = 0; g < groups; g++)
        {
            for (var lane = 0; lane < 4; lane++)
            {
                var path = firstPath + (4 * (ulong)g) + (ulong)lane;
                var context = $"seed {seed}, path {path}, step pair {stepPair}, dimension {dimension}, group {g}, lane {lane}";
                var block = Philox4x32.Generate(new Philox4x32Block((uint)path, (uint)(path >> 32), dimension, stepPair), Philox4x32Key.FromSeed(seed));
                Assert.True(Bits(Variates.ToUniform(block.Low64)) == Bits(destination[(4 * g) + lane]), $"{context}: against the definition");
                Assert.True(Bits(pairs[(8 * g) + lane]) == Bits(destination[(4 * g) + lane]), $"{context}: against FillUniformPairs");
            }
        }

        for (var i = 4 * groups; i < destination.Length; i++)
        {
            Assert.True(Bits(destination[i]) == Bits(Sentinel), $"seed {seed}: element {i} after the block was written");
        }

        Assert.Equal("groups", Assert.Throws<ArgumentOutOfRangeException>(() => Variates.FillEvenUniforms(1, 0, -1, 0, 0, destination)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Variates.FillEvenUniforms(1, 0, groups + 2, 0, 0, destination)).ParamName);
    }

    [Fact]
    public void An_empty_block_writes_nothing()
    {
        var destination = new double[4];
        Array.Fill(destination, Sentinel);
        Variates.FillUniformPairs(1, 0, 0, 0, 5, 0, destination);
        Variates.FillUniformPairs(1, 0, 3, 0, 0, 0, []);
        Assert.All(destination, x => Assert.Equal(Sentinel, x));
    }

    [Fact]
    public void Bad_counts_and_short_destinations_are_refused()
    {
        var destination = new double[16];
        Assert.Equal("groups", Assert.Throws<ArgumentOutOfRangeException>(() => Variates.FillUniformPairs(1, 0, -1, 0, 1, 0, destination)).ParamName);
        Assert.Equal("pairs", Assert.Throws<ArgumentOutOfRangeException>(() => Variates.FillUniformPairs(1, 0, 1, 0, -1, 0, destination)).ParamName);
        Assert.Equal("pairs", Assert.Throws<ArgumentOutOfRangeException>(() => Variates.FillUniformPairs(1, 0, 1, uint.MaxValue, 2, 0, destination)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Variates.FillUniformPairs(1, 0, 3, 0, 1, 0, destination)).ParamName);
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
