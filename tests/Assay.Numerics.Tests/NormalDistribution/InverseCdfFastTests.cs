using System.Globalization;
using System.Runtime.Intrinsics;
using Assay.Numerics.RandomNumbers;
using Xunit.Abstractions;

namespace Assay.Numerics.Tests.NormalDistribution;

/// <summary>Normal.InverseCdfFast (PPND16 alone): accuracy against mpmath, and the same bits from every entry point.</summary>
public sealed class InverseCdfFastTests(ITestOutputHelper output)
{
    /// <summary>Stated accuracy on the whole domain, subnormal p included (measured: 5 ulp from mpmath, 6 from InverseCdf).</summary>
    private const double MaxUlp = 8.0;

    private const int Seed = 20261122;

    [Fact]
    public void Within_the_stated_ulp_of_mpmath_on_every_reference_row()
    {
        var rows = ReferenceValues.Load("inverse_cdf.csv");
        var worst = (Ulp: 0.0, P: 0.0);
        var failures = new List<string>();
        var histogram = new int[5];
        foreach (var (p, expected) in rows)
        {
            var got = Normal.InverseCdfFast(p);
            var ulp = ReferenceValues.UlpDistance(got, expected);
            histogram[Math.Min((int)ulp, 4)]++;
            worst = ulp > worst.Ulp ? (ulp, p) : worst;
            if (ulp > MaxUlp)
            {
                failures.Add(Describe(p, expected, got, $"{ulp} ulp"));
            }
        }

        output.WriteLine($"{rows.Count} rows: max {worst.Ulp} ulp at p={Format(worst.P)}; 0/1/2/3/4+ ulp: {string.Join("/", histogram)}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Close_to_the_accurate_inverse_on_the_Monte_Carlo_uniform_grid()
    {
        // Every uniform the variates can produce lies on {1 … 2^53 − 1}·2^−53; sample it through the generator.
        const ulong seed = 0xFA57;
        var worst = (Ulp: 0.0, U: 0.0);
        for (ulong path = 0; path < 50_000; path++)
        {
            for (uint step = 0; step < 4; step++)
            {
                var u = Variates.Uniform(seed, path, step, 0);
                var ulp = ReferenceValues.UlpDistance(Normal.InverseCdfFast(u), Normal.InverseCdf(u));
                worst = ulp > worst.Ulp ? (ulp, u) : worst;
            }
        }

        foreach (var u in new[] { Variates.UniformResolution, 1.0 - Variates.UniformResolution, 0.5, 0.075, 0.925 })
        {
            var ulp = ReferenceValues.UlpDistance(Normal.InverseCdfFast(u), Normal.InverseCdf(u));
            worst = ulp > worst.Ulp ? (ulp, u) : worst;
        }

        output.WriteLine($"seed {seed}: max {worst.Ulp} ulp from InverseCdf at u={worst.U:R}");
        Assert.True(worst.Ulp <= MaxUlp, $"seed {seed}: {worst.Ulp} ulp from InverseCdf at u={worst.U:R}");
    }

    [Fact]
    public void Scalar_Vector256_Vector512_and_span_kernels_agree_bit_for_bit()
    {
        output.WriteLine($"seed {Seed}");
        var p = Probabilities(Seed, 40_003);
        var expected = p.Select(Normal.InverseCdfFast).ToArray();

        for (var i = 0; i + 8 <= p.Length; i += 8)
        {
            var wide = Normal.InverseCdfFast(Vector512.Create(p.AsSpan(i, 8)));
            var low = Normal.InverseCdfFast(Vector256.Create(p.AsSpan(i, 4)));
            var high = Normal.InverseCdfFast(Vector256.Create(p.AsSpan(i + 4, 4)));
            for (var lane = 0; lane < 8; lane++)
            {
                var want = Bits(expected[i + lane]);
                var got256 = Bits(lane < 4 ? low.GetElement(lane) : high.GetElement(lane - 4));
                var got512 = Bits(wide.GetElement(lane));
                Assert.True(got256 == want && got512 == want, $"seed {Seed}: p={Format(p[i + lane])} scalar 0x{want:x16} v256 0x{got256:x16} v512 0x{got512:x16}");
            }
        }

        // Span form: several lengths (not multiples of 4, longer than one internal pass), sentinels around the
        // destination, and in place.
        foreach (var length in new[] { 0, 1, 3, 8, 13, 511, 512, 513, 1500, p.Length })
        {
            var buffer = new double[length + 2];
            Array.Fill(buffer, -12345.0);
            Normal.InverseCdfFast(p.AsSpan(0, length), buffer.AsSpan(1, length));
            Assert.True(buffer[0] == -12345.0 && buffer[length + 1] == -12345.0, $"seed {Seed}: length {length}: write outside the destination");
            var inPlace = p.AsSpan(0, length).ToArray();
            Normal.InverseCdfFast(inPlace, inPlace);
            for (var i = 0; i < length; i++)
            {
                Assert.True(Bits(buffer[i + 1]) == Bits(expected[i]), $"seed {Seed}: span length {length}, index {i}, p={Format(p[i])}");
                Assert.True(Bits(inPlace[i]) == Bits(expected[i]), $"seed {Seed}: in place, length {length}, index {i}, p={Format(p[i])}");
            }
        }

        Assert.Throws<ArgumentException>(() => Normal.InverseCdfFast(new double[4], new double[3]));
    }

    [Fact]
    public void Special_values_symmetry_and_continuity_across_the_pieces()
    {
        Assert.Equal(double.NegativeInfinity, Normal.InverseCdfFast(0.0));
        Assert.Equal(double.PositiveInfinity, Normal.InverseCdfFast(1.0));
        Assert.Equal(0.0, Normal.InverseCdfFast(0.5));
        foreach (var bad in new[] { double.NaN, -0.1, 1.5, double.NegativeInfinity, double.PositiveInfinity, -double.Epsilon })
        {
            Assert.True(double.IsNaN(Normal.InverseCdfFast(bad)), $"p={Format(bad)} must give NaN");
        }

        // Φ⁻¹(1 − p) = −Φ⁻¹(p) where 1 − p is exact (p ≥ 1/4 here, multiples of 2^−53), and the function increases
        // across the region switches (0.075 = 1/2 − 0.425; e^−25, where √(−ln r) = 5).
        var rng = new Random(Seed);
        for (var i = 0; i < 10_000; i++)
        {
            var p = 0.25 + (Math.Floor(rng.NextDouble() * (1L << 51)) * Math.ScaleB(1.0, -53));
            Assert.True(Normal.InverseCdfFast(1.0 - p) == -Normal.InverseCdfFast(p), $"seed {Seed}: p={Format(p)}");
        }

        // The pieces join: across each switch (0.075 and 0.925 = 1/2 ∓ 0.425; e^−25, where √(−ln r) = 5) the values
        // of neighbouring p stay within a few ulp of each other (not necessarily in order: the pieces' own errors
        // are a few ulp).
        foreach (var edge in new[] { 0.075, 0.925, Math.Exp(-25.0) })
        {
            var below = Normal.InverseCdfFast(Math.BitDecrement(edge));
            var at = Normal.InverseCdfFast(edge);
            var above = Normal.InverseCdfFast(Math.BitIncrement(edge));
            var jump = Math.Max(ReferenceValues.UlpDistance(below, at), ReferenceValues.UlpDistance(at, above));
            Assert.True(jump <= MaxUlp, $"switch at p={Format(edge)}: {below:R}, {at:R}, {above:R} ({jump} ulp)");
        }
    }

    [Fact]
    public void The_Monte_Carlo_variate_is_the_fast_inverse_of_the_uniform_and_the_lane_form_matches()
    {
        const ulong seed = 77;
        for (ulong firstPath = 0; firstPath < 4_000; firstPath += 4)
        {
            for (uint pair = 0; pair < 3; pair++)
            {
                Variates.NormalFastPairs(seed, firstPath, pair, 1, out var even, out var odd);
                for (var lane = 0; lane < 4; lane++)
                {
                    var path = firstPath + (ulong)lane;
                    var e = Variates.NormalFast(seed, path, 2 * pair, 1);
                    var o = Variates.NormalFast(seed, path, (2 * pair) + 1, 1);
                    Assert.Equal(Bits(Normal.InverseCdfFast(Variates.Uniform(seed, path, 2 * pair, 1))), Bits(e));
                    Assert.True(Bits(even.GetElement(lane)) == Bits(e) && Bits(odd.GetElement(lane)) == Bits(o), $"seed {seed}: path {path}, pair {pair}");
                }
            }
        }
    }

    /// <summary>Uniform p, both deep tails (log-uniform down to subnormals), region boundaries and their neighbours, special values.</summary>
    private static double[] Probabilities(int seed, int count)
    {
        var rng = new Random(seed);
        var list = new List<double> { 0.0, 1.0, 0.5, double.NaN, -0.25, 1.25, double.Epsilon, Math.BitDecrement(1.0), 0.075, 0.925, 0.575, 0.425 };
        foreach (var edge in new[] { 0.075, 0.925, Math.Exp(-25.0), 1.0 - Math.Exp(-25.0) })
        {
            list.Add(Math.BitDecrement(edge));
            list.Add(Math.BitIncrement(edge));
        }

        while (list.Count < count)
        {
            var kind = rng.Next(4);
            var p = kind switch
            {
                0 => Math.Pow(10.0, -320.0 * rng.NextDouble()),
                1 => 1.0 - Math.Pow(10.0, -16.0 * rng.NextDouble()),
                _ => rng.NextDouble(),
            };
            list.Add(p);
        }

        return [.. list];
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    private static string Format(double p) => string.Create(CultureInfo.InvariantCulture, $"{p:R} (0x{ReferenceValues.Hex(p)})");

    private static string Describe(double p, double expected, double got, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"p={Format(p)} expected={expected:R} got={got:R} ({what})");
}
