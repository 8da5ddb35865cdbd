using System.Runtime.Intrinsics;
using Assay.Numerics;
using Assay.Pricing.Batch;
using Xunit.Abstractions;

namespace Assay.Pricing.Tests.BlackScholes;

/// <summary>The Vector256 lane's elementary functions against the scalar Numerics kernels, bit for bit.</summary>
public sealed class Vector256LaneTests(ITestOutputHelper output)
{
    /// <summary>
    /// <see cref="Vector256Lane.Log"/> takes <c>DMath.LogOfPositiveNormal</c> only when all four lanes are positive,
    /// normal and finite; a vector with any other lane must take the full kernel, so every lane keeps DMath.Log's bits.
    /// </summary>
    [Fact]
    public void Log_has_the_scalar_bits_in_every_lane_whatever_its_neighbours()
    {
        const int Seed = 20261122;
        output.WriteLine($"seed {Seed}");
        var rng = new Random(Seed);
        double[] specials = [0.0, -0.0, double.Epsilon, 2.2250738585072009e-308, 2.2250738585072014e-308, double.MaxValue,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, -1.0, 1.0];
        var lanes = new double[4];
        var fastVectors = 0;
        for (var i = 0; i < 200_000; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                // Mostly normal positives over the whole exponent range; one lane in eight special.
                lanes[j] = rng.Next(8) == 0
                    ? specials[rng.Next(specials.Length)]
                    : Math.Exp((rng.NextDouble() - 0.5) * 1400.0);
            }

            var actual = Vector256Lane.Log(new Vector256Lane(Vector256.Create(lanes))).Value;
            var allNormal = true;
            for (var j = 0; j < 4; j++)
            {
                allNormal &= lanes[j] >= 2.2250738585072014e-308 && lanes[j] < double.PositiveInfinity;
                var expected = DMath.Log(lanes[j]);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(actual[j]) == BitConverter.DoubleToInt64Bits(expected),
                    $"seed {Seed}, vector {i}, lane {j}: Log({lanes[j]:R}) = {actual[j]:R}, scalar {expected:R}");
            }

            fastVectors += allNormal ? 1 : 0;
        }

        // Both paths were taken (about 68 % of vectors have four normal lanes).
        output.WriteLine($"vectors on the fast path: {fastVectors} of 200000");
        Assert.InRange(fastVectors, 50_000, 150_000);
    }
}
