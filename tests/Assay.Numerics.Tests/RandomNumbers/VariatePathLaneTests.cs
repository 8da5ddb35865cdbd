using System.Runtime.Intrinsics;
using Assay.Numerics.RandomNumbers;

namespace Assay.Numerics.Tests.RandomNumbers;

/// <summary>Path-parallel variates: lane i is exactly the scalar variate of path firstPath + i.</summary>
public class VariatePathLaneTests
{
    [Theory]
    [InlineData(0UL, 0UL, 0U, 0U)]
    [InlineData(20261121UL, 4093UL, 7U, 1U)]
    [InlineData(ulong.MaxValue, 0xFFFF_FFFEUL, 0x7FFF_FFFFU, 3U)] // paths straddle the 32-bit word boundary
    public void Lanes_equal_the_scalar_uniforms_and_normals_of_consecutive_paths(ulong seed, ulong firstPath, uint stepPair, uint dimension)
    {
        Variates.UniformPairs(seed, firstPath, stepPair, dimension, out var evenU, out var oddU);
        Variates.NormalPairs(seed, firstPath, stepPair, dimension, out var evenZ, out var oddZ);
        for (var lane = 0; lane < 4; lane++)
        {
            var path = firstPath + (ulong)lane;
            var context = $"seed {seed}, path {path}, step pair {stepPair}, dimension {dimension}";
            Assert.True(Variates.Uniform(seed, path, 2 * stepPair, dimension) == evenU.GetElement(lane), context);
            Assert.True(Variates.Uniform(seed, path, (2 * stepPair) + 1, dimension) == oddU.GetElement(lane), context);
            Assert.Equal(BitConverter.DoubleToInt64Bits(Variates.Normal(seed, path, 2 * stepPair, dimension)), BitConverter.DoubleToInt64Bits(evenZ.GetElement(lane)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(Variates.Normal(seed, path, (2 * stepPair) + 1, dimension)), BitConverter.DoubleToInt64Bits(oddZ.GetElement(lane)));
        }
    }
}
