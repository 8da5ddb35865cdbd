using System.Globalization;

namespace Assay.Numerics.Tests.NormalDistribution;

/// <summary>Special values and laws: limits, symmetry, monotonicity and the inverse undoing Φ.</summary>
public sealed class LawsAndSpecialValuesTests
{
    [Fact]
    public void Special_values_follow_the_contract()
    {
        Assert.True(double.IsNaN(ErrorFunction.Erfc(double.NaN)) && double.IsNaN(ErrorFunction.Erfcx(double.NaN)));
        Assert.True(double.IsNaN(Numerics.Normal.Cdf(double.NaN)) && double.IsNaN(Numerics.Normal.Pdf(double.NaN)));
        Assert.Equal(2.0, ErrorFunction.Erfc(double.NegativeInfinity));
        Assert.Equal(0.0, ErrorFunction.Erfc(double.PositiveInfinity));
        Assert.Equal(double.PositiveInfinity, ErrorFunction.Erfcx(double.NegativeInfinity));
        Assert.Equal(0.0, ErrorFunction.Erfcx(double.PositiveInfinity));
        Assert.Equal(0.0, Numerics.Normal.Cdf(double.NegativeInfinity));
        Assert.Equal(1.0, Numerics.Normal.Cdf(double.PositiveInfinity));
        Assert.Equal(0.5, Numerics.Normal.Cdf(0.0));
        Assert.Equal(0.0, Numerics.Normal.Pdf(double.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, Numerics.Normal.InverseCdf(0.0));
        Assert.Equal(double.PositiveInfinity, Numerics.Normal.InverseCdf(1.0));
        Assert.Equal(0.0, Numerics.Normal.InverseCdf(0.5));
        foreach (var p in new[] { -1e-300, -0.5, Math.BitIncrement(1.0), 2.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Assert.True(double.IsNaN(Numerics.Normal.InverseCdf(p)), string.Create(CultureInfo.InvariantCulture, $"p={p:R}"));
        }
    }

    [Fact]
    public void Cdf_is_a_subnormal_not_zero_at_minus_38()
    {
        // mpmath 1.2.1: ncdf(-38) = 2.88542836006878...e-316, a subnormal double (spacing 4.9e-324 there).
        var v = Numerics.Normal.Cdf(-38);
        Assert.True(v > 2.88542e-316 && v < 2.88543e-316, string.Create(CultureInfo.InvariantCulture, $"Cdf(-38) = {v:R}"));
    }

    [Fact]
    public void Cdf_is_monotone_and_symmetric_and_erfc_matches_it()
    {
        var previous = 0.0;
        for (var i = -160_000; i <= 40_000; i++)
        {
            var x = i / 4096.0;
            var c = Numerics.Normal.Cdf(x);
            Assert.True(c >= previous, string.Create(CultureInfo.InvariantCulture, $"Cdf not monotone at x={x:R}: {c:R} < {previous:R}"));
            previous = c;
            if (Math.Abs(x) < 8)
            {
                var sum = c + Numerics.Normal.Cdf(-x);
                Assert.True(Math.Abs(sum - 1.0) <= 2.3e-16, string.Create(CultureInfo.InvariantCulture, $"Φ(x)+Φ(−x) at x={x:R}: {sum:R}"));

                // x/√2 is exact when x is a multiple of 2^-12 scaled by √2; compare Φ(x√2) with erfc(−x)/2 on
                // arguments where x√2 is not exact, so allow a relative 4e-16 per unit of x² (the rounding of x√2).
                var viaErfc = 0.5 * ErrorFunction.Erfc(-x);
                var direct = Numerics.Normal.Cdf(x * 1.4142135623730951);
                var tolerance = 4e-16 * (1 + (2 * x * x)) * direct;
                Assert.True(Math.Abs(viaErfc - direct) <= tolerance, string.Create(CultureInfo.InvariantCulture, $"erfc vs Φ at x={x:R}: {viaErfc:R} vs {direct:R}"));
            }
        }
    }

    [Fact]
    public void Cdf_and_erfc_are_monotone_ulp_by_ulp_where_the_fast_table_switches_rows()
    {
        // The fast Φ table switches from centre j/32 to (j+1)/32 at (2j + 1)/64; erfc(x) uses it at x√2.
        for (var j = 0; j < 272; j++)
        {
            foreach (var sign in new[] { 1.0, -1.0 })
            {
                var m = sign * (2 * j + 1) / 64.0;
                AssertMonotone(Numerics.Normal.Cdf, m, increasing: true);
                AssertMonotone(ErrorFunction.Erfc, m / Math.Sqrt(2.0), increasing: false);
            }
        }

        AssertMonotone(Numerics.Normal.Cdf, -8.5, increasing: true);
        AssertMonotone(ErrorFunction.Erfc, 6.0, increasing: false);
    }

    [Fact]
    public void Erfcx_is_monotone_ulp_by_ulp_where_its_fast_table_switches_rows_and_paths()
    {
        // erfcx decreases on the whole line. Its fast table switches from centre j/32 to (j+1)/32 at (2j + 1)/64 on
        // [−1, 127/64) and from j/16 to (j+1)/16 at (2j + 1)/32 on [127/64, 8.5]; the exponential path on [−26, −1)
        // reads the table at −x.
        var points = new List<double> { -26.0, -1.0, 127.0 / 64.0, 8.5 };
        for (var j = -32; j < 63; j++)
        {
            points.Add((2 * j + 1) / 64.0);
        }

        for (var j = 32; j < 136; j++)
        {
            points.Add((2 * j + 1) / 32.0);
        }

        foreach (var m in points.ToArray())
        {
            if (m > 1.0)
            {
                points.Add(-m);
            }
        }

        foreach (var m in points)
        {
            AssertMonotone(ErrorFunction.Erfcx, m, increasing: false);
        }
    }

    [Fact]
    public void Erfcx_is_monotone_on_a_fine_grid_across_its_fast_paths()
    {
        var previous = double.PositiveInfinity;
        for (var i = -27 * 4096; i <= 9 * 4096; i++)
        {
            var x = i / 4096.0;
            var value = ErrorFunction.Erfcx(x);
            Assert.True(value <= previous, string.Create(CultureInfo.InvariantCulture, $"Erfcx not monotone at x={x:R}: {value:R} > {previous:R}"));
            previous = value;
        }
    }

    [Fact]
    public void InverseCdf_undoes_Cdf_across_the_range()
    {
        for (var x = -38.0; x <= 8.0; x += 0.0625)
        {
            var p = Numerics.Normal.Cdf(x);
            var back = Numerics.Normal.InverseCdf(p);

            // Φ rounds to within half an ulp of p, so the round trip is exact up to that rounding: dx = dp/φ(x).
            var tolerance = (Math.Abs(x) * 1e-15) + (Math.BitIncrement(p) - p) / Numerics.Normal.Pdf(x);
            Assert.True(Math.Abs(back - x) <= tolerance, string.Create(CultureInfo.InvariantCulture, $"x={x:R} p={p:R} back={back:R}"));
        }
    }

    private static void AssertMonotone(Func<double, double> f, double centre, bool increasing)
    {
        var x = centre;
        for (var i = 0; i < 16; i++)
        {
            x = Math.BitDecrement(x);
        }

        var previous = f(x);
        for (var i = 0; i < 32; i++)
        {
            x = Math.BitIncrement(x);
            var value = f(x);
            var ok = increasing ? value >= previous : value <= previous;
            Assert.True(ok, string.Create(CultureInfo.InvariantCulture, $"not monotone at x={x:R} (near {centre:R}): {previous:R} then {value:R}"));
            previous = value;
        }
    }
}
