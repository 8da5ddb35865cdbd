using Assay.Numerics.RandomNumbers;

namespace Assay.Numerics.Tests.RandomNumbers;

/// <summary>Statistical sanity checks that a broken generator, layout or mapping would fail (bounds are 5 standard errors).</summary>
public sealed class VariatesStatisticsTests
{
    private const ulong Seed = 0x5EED_2024_0611UL;

    // 1000 paths × 1000 steps of dimension 0.
    private const int Paths = 1000;
    private const int Steps = 1000;

    // Normals: 1024 paths × 1024 steps = 2^20.
    private const int NormalPaths = 1024;
    private const int NormalSteps = 1024;

    [Fact]
    public void Uniform_mean_and_variance_are_within_five_standard_errors()
    {
        double sum = 0, sumSquares = 0;
        var row = new double[Steps];
        for (var path = 0; path < Paths; path++)
        {
            Variates.FillUniforms(Seed, (ulong)path, 0, 0, row);
            foreach (var u in row)
            {
                sum += u;
                sumSquares += u * u;
            }
        }

        const double N = (double)Paths * Steps;
        var mean = sum / N;
        var variance = (sumSquares / N) - (mean * mean);

        // U(0,1): mean 1/2, variance 1/12; SE(mean) = √(1/12/N); SE(variance) ≈ √((μ4 − σ⁴)/N) with μ4 = 1/80.
        var seMean = Math.Sqrt(1.0 / 12.0 / N);
        var seVariance = Math.Sqrt(((1.0 / 80.0) - (1.0 / 144.0)) / N);
        Assert.True(Math.Abs(mean - 0.5) < 5 * seMean, $"seed {Seed:x}, N {N}: mean {mean:R}, SE {seMean:R}");
        Assert.True(Math.Abs(variance - (1.0 / 12.0)) < 5 * seVariance, $"seed {Seed:x}, N {N}: variance {variance:R}, SE {seVariance:R}");
    }

    [Fact]
    public void Uniform_chi_square_over_1000_buckets_is_within_five_standard_deviations()
    {
        const int Buckets = 1000;
        var counts = new long[Buckets];
        var row = new double[Steps];
        for (var path = 0; path < Paths; path++)
        {
            // Spread the sample over dimensions too: dimension = path mod 7.
            Variates.FillUniforms(Seed + 1, (ulong)path, (uint)(path % 7), 17, row);
            foreach (var u in row)
            {
                counts[(int)(u * Buckets)]++;
            }
        }

        const double Expected = (double)Paths * Steps / Buckets;
        var chiSquare = counts.Sum(c => (c - Expected) * (c - Expected) / Expected);

        // χ² with 999 degrees of freedom: mean 999, standard deviation √(2·999) ≈ 44.7. A value far below is as
        // suspicious (too regular) as one far above.
        const double DegreesOfFreedom = Buckets - 1;
        var sd = Math.Sqrt(2 * DegreesOfFreedom);
        Assert.True(
            Math.Abs(chiSquare - DegreesOfFreedom) < 5 * sd,
            $"seed {Seed + 1:x}: chi-square {chiSquare:R} with {DegreesOfFreedom} df (sd {sd:R}); min bucket {counts.Min()}, max {counts.Max()}");
    }

    [Fact]
    public void Normal_moments_and_tail_frequency_are_within_five_standard_errors()
    {
        double sum = 0, sumSquares = 0, sumFourth = 0;
        long beyondTwo = 0;
        var row = new double[NormalSteps];
        for (var path = 0; path < NormalPaths; path++)
        {
            Variates.FillNormals(Seed + 2, (ulong)path, 1, 0, row);
            foreach (var z in row)
            {
                sum += z;
                sumSquares += z * z;
                sumFourth += z * z * z * z;
                beyondTwo += Math.Abs(z) > 2 ? 1 : 0;
            }
        }

        const double N = (double)NormalPaths * NormalSteps;
        var mean = sum / N;
        var variance = (sumSquares / N) - (mean * mean);
        var fourth = sumFourth / N;
        var tail = beyondTwo / N;

        // N(0,1): SE(mean) = 1/√N, SE(variance) ≈ √(2/N), SE(mean of z⁴) = √((105 − 9)/N).
        // P(|Z| > 2) = erfc(√2) = 0.0455002638963584144… (mpmath 1.2.1, /usr/bin/python3 -c "import mpmath; print(mpmath.erfc(mpmath.sqrt(2)))").
        const double TailProbability = 0.04550026389635842;
        var message = $"seed {Seed + 2:x}, N {N}: mean {mean:R}, variance {variance:R}, E[z^4] {fourth:R}, P(|z|>2) {tail:R}";
        Assert.True(Math.Abs(mean) < 5 / Math.Sqrt(N), message);
        Assert.True(Math.Abs(variance - 1) < 5 * Math.Sqrt(2 / N), message);
        Assert.True(Math.Abs(fourth - 3) < 5 * Math.Sqrt(96 / N), message);
        Assert.True(Math.Abs(tail - TailProbability) < 5 * Math.Sqrt(TailProbability * (1 - TailProbability) / N), message);
    }

    [Theory]
    [InlineData("step", 0UL, 0UL, 1u, 0u)]
    [InlineData("step across a generator call", 0UL, 0UL, 1u, 0u)]
    [InlineData("dimension", 0UL, 0UL, 0u, 1u)]
    [InlineData("path", 0UL, 1UL, 0u, 0u)]
    [InlineData("path high word", 0UL, 1UL << 32, 0u, 0u)]
    [InlineData("seed", 1UL, 0UL, 0u, 0u)]
    [InlineData("seed high word", 1UL << 32, 0UL, 0u, 0u)]
    public void Neighbouring_addresses_are_uncorrelated(string neighbour, ulong seedOffset, ulong pathOffset, uint stepOffset, uint dimensionOffset)
    {
        // Pairs (address, address + offset) over 2^16 addresses; the sample correlation has SE 1/√n.
        // "step across a generator call" starts at odd steps so the pair spans two Philox counters.
        const int Count = 1 << 16;
        var stepStart = neighbour == "step across a generator call" ? 1u : 0u;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < Count; i++)
        {
            var path = (ulong)(i >> 6);
            var step = stepStart + (2u * (uint)(i & 63));
            var x = Variates.Uniform(Seed, path, step, 5);
            var y = Variates.Uniform(Seed + seedOffset, path + pathOffset, step + stepOffset, 5 + dimensionOffset);
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }

        var covariance = (sxy / Count) - (sx / Count * (sy / Count));
        var correlation = covariance / Math.Sqrt(((sxx / Count) - (sx / Count * (sx / Count))) * ((syy / Count) - (sy / Count * (sy / Count))));
        Assert.True(Math.Abs(correlation) < 5 / Math.Sqrt(Count), $"seed {Seed:x}, neighbour {neighbour}: correlation {correlation:R} over {Count} pairs");
    }

    [Fact]
    public void Neighbouring_addresses_never_share_bits()
    {
        ulong[] seeds = [0, 1, Seed, 1UL << 32, ulong.MaxValue];
        ulong[] paths = [.. Enumerable.Range(0, 16).Select(p => (ulong)p), (1UL << 32) - 1, 1UL << 32, (1UL << 32) + 1, 1UL << 63, ulong.MaxValue];
        uint[] steps = [.. Enumerable.Range(0, 32).Select(s => (uint)s), uint.MaxValue - 1, uint.MaxValue];
        uint[] dimensions = [0, 1, 2, 3, 4, 5, 6, 7, uint.MaxValue];
        var seen = new Dictionary<ulong, (ulong, ulong, uint, uint)>();
        foreach (var seed in seeds)
        {
            foreach (var path in paths)
            {
                foreach (var step in steps)
                {
                    foreach (var dimension in dimensions)
                    {
                        var bits = Variates.Bits(seed, path, step, dimension);
                        var address = (seed, path, step, dimension);
                        if (!seen.TryAdd(bits, address))
                        {
                            Assert.Fail($"bits {bits:x16} at {address} repeat those at {seen[bits]}");
                        }
                    }
                }
            }
        }

        Assert.Equal(seeds.Length * paths.Length * steps.Length * dimensions.Length, seen.Count);
    }
}
