using Assay.Numerics.RandomNumbers;

namespace Assay.Numerics.Tests.RandomNumbers;

/// <summary>
/// The block fillers' AVX2 kernel (unrolled rounds, high halves of words 0 and 2 left uncleared between rounds, round keys
/// read from memory) against the scalar Philox definition over random seeds, so that every key word, Weyl carry and
/// counter pattern is exercised rather than a few chosen ones.
/// </summary>
public class VariateBlockRandomTests
{
    private const int Seed = 20261121;

    [Fact]
    public void Random_blocks_equal_the_scalar_definition_bit_for_bit()
    {
        var random = new Random(Seed);
        var destination = new double[8 * 16];
        var even = new double[4 * 16];
        for (var trial = 0; trial < 300; trial++)
        {
            var seed = (ulong)random.NextInt64() ^ ((ulong)random.Next(4) << 62);
            var firstPath = (ulong)random.NextInt64(0, 1L << 34);
            var groups = random.Next(1, 5);
            var pairs = random.Next(1, 5);
            var firstStepPair = (uint)random.NextInt64(0, uint.MaxValue - 8L);
            var dimension = (uint)random.Next(8);
            Variates.FillUniformPairs(seed, firstPath, groups, firstStepPair, pairs, dimension, destination);
            Variates.FillEvenUniforms(seed, firstPath, 4 * groups, firstStepPair, dimension, even);
            var key = Philox4x32Key.FromSeed(seed);
            for (var g = 0; g < groups; g++)
            {
                for (var k = 0; k < pairs; k++)
                {
                    for (var lane = 0; lane < 4; lane++)
                    {
                        var path = firstPath + (4 * (ulong)g) + (ulong)lane;
                        var stepPair = firstStepPair + (uint)k;
                        var block = Philox4x32.Generate(new Philox4x32Block((uint)path, (uint)(path >> 32), dimension, stepPair), key);
                        var at = (8 * ((g * pairs) + k)) + lane;
                        var context = $"random seed {Seed}, trial {trial}: seed {seed}, path {path}, step pair {stepPair}, dimension {dimension}";
                        Assert.True(Variates.ToUniform(block.Low64).Equals(destination[at]), $"{context}: even step");
                        Assert.True(Variates.ToUniform(block.High64).Equals(destination[at + 4]), $"{context}: odd step");
                    }
                }
            }

            for (var g = 0; g < 4 * groups; g++)
            {
                for (var lane = 0; lane < 4; lane++)
                {
                    var path = firstPath + (4 * (ulong)g) + (ulong)lane;
                    var block = Philox4x32.Generate(new Philox4x32Block((uint)path, (uint)(path >> 32), dimension, firstStepPair), key);
                    Assert.True(
                        Variates.ToUniform(block.Low64).Equals(even[(4 * g) + lane]),
                        $"random seed {Seed}, trial {trial}: FillEvenUniforms seed {seed}, path {path}, step pair {firstStepPair}, dimension {dimension}");
                }
            }
        }
    }
}
