using Assay.Pricing.Surfaces;

namespace Assay.Pricing.Tests.Surfaces;

/// <summary>Butterfly and calendar checks on published and constructed surfaces.</summary>
public sealed class ArbitrageCheckTests
{
    /// <summary>Axel Vogt's slice: Gatheral and Jacquier (2014), Quant. Finance 14(1), §3, Example 3.1 (t = 1).</summary>
    internal static readonly SviParameters Vogt = new(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);

    internal static readonly SviParameters CleanEquity = new(0.02, 0.15, -0.7, 0.05, 0.2);

    [Fact]
    public void Vogt_example_has_butterfly_arbitrage_where_mpmath_says_g_is_negative()
    {
        // Gatheral and Jacquier's Figure 2 shows g < 0 on part of the right wing; the mpmath table locates it
        // (negative at k = 0.7 … 1.2, positive at 0.6 and 1.3).
        var grid = new ArbitrageGrid(-1.5, 1.5, 31);
        var surface = VolSurface.FromSvi([new SurfaceSlice(1.0, 1.0, Vogt)]);
        var found = ArbitrageCheck.Find(surface, grid);

        var expected = SurfaceCsv.Read("svi_density.csv")
            .Where(r => r["set"] == "vogt" && r.D("g") < 0)
            .Select(r => r.D("k"))
            .ToArray();
        Assert.Equal([0.7, 0.8, 0.9, 1.0, 1.1, 1.2], expected.Select(k => Math.Round(k, 10)));
        Assert.Equal(expected.Length, found.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(ArbitrageKind.Butterfly, found[i].Kind);
            Assert.Equal(0, found[i].SliceIndex);
            Assert.Equal(expected[i], found[i].LogMoneyness, 12);
            Assert.True(found[i].Value < 0, $"k {found[i].LogMoneyness}: g {found[i].Value}");
        }

        // The slice is otherwise well formed: positive minimum variance, wings within Lee's bound.
        Assert.True(Vogt.MinimumTotalVariance > 0);
        Assert.True(Vogt.B * (1 + Math.Abs(Vogt.Rho)) < 2);
        var minimum = ArbitrageCheck.MinButterflyDensity(Vogt, ArbitrageGrid.Default);
        Assert.InRange(minimum, -0.0335, -0.0325);
    }

    [Fact]
    public void Clean_slice_and_ssvi_surface_pass()
    {
        Assert.Empty(ArbitrageCheck.FindButterflies(CleanEquity, ArbitrageGrid.Default));

        var ssvi = new SsviParameters(-0.7, 2.0 / 1.7, 0.5);
        var surface = VolSurface.FromSsvi(ssvi, [new SsviSlice(0.1, 100, 0.004), new SsviSlice(0.5, 101, 0.02), new SsviSlice(2.0, 104, 0.09)]);
        Assert.Empty(ArbitrageCheck.Find(surface, new ArbitrageGrid(-3, 3, 601)));
    }

    [Fact]
    public void Constructed_calendar_violation_is_found_in_the_wings_only()
    {
        // The later slice has the same at-the-money variance plus a little, but flatter wings (b halved):
        // its total variance is higher near k = m and lower far out, so calendar spreads in the wings are arbitrage.
        var early = new SviParameters(0.02, 0.2, -0.5, 0.0, 0.2);
        var late = new SviParameters(0.045, 0.1, -0.5, 0.0, 0.2);
        var surface = VolSurface.FromSvi([new SurfaceSlice(0.5, 100, early), new SurfaceSlice(1.0, 100, late)]);
        var found = ArbitrageCheck.Find(surface, ArbitrageGrid.Default);

        var calendar = found.Where(v => v.Kind == ArbitrageKind.Calendar).ToList();
        Assert.NotEmpty(calendar);
        Assert.All(calendar, v =>
        {
            Assert.Equal(1, v.SliceIndex);
            Assert.Equal(1.0, v.ExpiryYears);
            Assert.True(v.Value < 0, $"k {v.LogMoneyness}: dw {v.Value}");
            Assert.Equal(late.TotalVariance(v.LogMoneyness) - early.TotalVariance(v.LogMoneyness), v.Value);
        });

        // Independently: w_late − w_early = 0.025 − 0.1·(√(k² + 0.04) − 0.5k) < 0 iff that bracket exceeds 0.25,
        // which happens in both wings (|k| large) and not near the money (0.2 at k = 0).
        foreach (var v in calendar)
        {
            var k = v.LogMoneyness;
            Assert.True(Math.Sqrt((k * k) + 0.04) - (0.5 * k) > 0.25, $"k {k}");
        }

        var grid = ArbitrageGrid.Default;
        var expectedCount = Enumerable.Range(0, grid.Points).Count(j =>
        {
            var k = grid.At(j);
            return Math.Sqrt((k * k) + 0.04) - (0.5 * k) > 0.25 + 1e-9;
        });
        Assert.Equal(expectedCount, calendar.Count);
    }

    [Fact]
    public void Non_positive_variance_counts_as_butterfly_arbitrage()
    {
        // Minimum variance a + bσ√(1 − ρ²) < 0: not constructible through Validate, but a check input may be anything.
        var p = new SviParameters(-0.05, 0.1, 0.0, 0.0, 0.1);
        var found = ArbitrageCheck.FindButterflies(p, new ArbitrageGrid(-0.5, 0.5, 11));
        Assert.Contains(found, v => double.IsNaN(v.Value) && v.LogMoneyness == 0.0);
    }

    [Fact]
    public void Grid_is_validated()
    {
        Assert.Equal("k_max", Assert.Throws<PricingInputException>(() => new ArbitrageGrid(1, 1, 10).Validate()).Field);
        Assert.Equal("points", Assert.Throws<PricingInputException>(() => new ArbitrageGrid(-1, 1, 1).Validate()).Field);
        Assert.Equal(1.5, ArbitrageGrid.Default.At(300));
        Assert.Equal(-1.5, ArbitrageGrid.Default.At(0));
    }
}
