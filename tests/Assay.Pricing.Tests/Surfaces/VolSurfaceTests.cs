using Assay.Pricing.Surfaces;

namespace Assay.Pricing.Tests.Surfaces;

/// <summary>Interpolation and extrapolation in time, forwards, and queries.</summary>
public sealed class VolSurfaceTests
{
    private static readonly SurfaceSlice[] Slices =
    [
        new(0.25, 100.5, new SviParameters(0.004, 0.06, -0.55, 0.02, 0.08)),
        new(1.0, 102.0, new SviParameters(0.02, 0.15, -0.7, 0.05, 0.2)),
        new(2.0, 104.0, new SviParameters(0.05, 0.2, -0.6, 0.05, 0.3)),
    ];

    [Fact]
    public void Total_variance_is_non_decreasing_in_time_for_a_calendar_free_surface()
    {
        var surface = VolSurface.FromSvi(Slices);
        Assert.Empty(ArbitrageCheck.Find(surface, ArbitrageGrid.Default));
        for (var k = -1.5; k <= 1.5; k += 0.05)
        {
            var previous = 0.0;
            for (var t = 0.01; t <= 4.0; t += 0.01)
            {
                var w = surface.TotalVariance(k, t);
                Assert.True(w >= previous, $"k {k}, T {t}: w {w:R} < {previous:R} at T - 0.01");
                previous = w;
            }
        }
    }

    [Fact]
    public void Slices_are_reproduced_at_their_expiries_and_interpolated_linearly_between()
    {
        var surface = VolSurface.FromSvi(Slices.Reverse());
        foreach (var k in new[] { -0.8, -0.1, 0.0, 0.3, 1.2 })
        {
            foreach (var s in Slices)
            {
                Assert.Equal(s.Parameters.TotalVariance(k), surface.TotalVariance(k, s.ExpiryYears));
            }

            // Halfway between the first two slices.
            var mid = 0.5 * (Slices[0].Parameters.TotalVariance(k) + Slices[1].Parameters.TotalVariance(k));
            Assert.Equal(mid, surface.TotalVariance(k, 0.625), 15);
        }
    }

    [Fact]
    public void Implied_vol_is_flat_at_fixed_k_outside_the_slices()
    {
        var surface = VolSurface.FromSvi(Slices);
        foreach (var k in new[] { -0.5, 0.0, 0.4 })
        {
            var first = Math.Sqrt(Slices[0].Parameters.TotalVariance(k) / 0.25);
            var last = Math.Sqrt(Slices[2].Parameters.TotalVariance(k) / 2.0);
            Assert.Equal(first, Math.Sqrt(surface.TotalVariance(k, 0.05) / 0.05), 14);
            Assert.Equal(last, Math.Sqrt(surface.TotalVariance(k, 7.0) / 7.0), 14);
        }
    }

    [Fact]
    public void Forward_is_log_linear_between_slices_and_keeps_the_nearest_carry_outside()
    {
        var surface = VolSurface.FromSvi(Slices);
        static void Near(double expected, double actual) => Assert.True(Math.Abs(actual - expected) <= 1e-14 * expected, $"expected {expected:R}, got {actual:R}");
        Near(100.5, surface.Forward(0.25));
        Near(102.0, surface.Forward(1.0));
        Near(Math.Sqrt(102.0 * 104.0), surface.Forward(1.5));
        var carry = Math.Log(102.0 / 100.5) / 0.75;
        Near(100.5 * Math.Exp(-0.2 * carry), surface.Forward(0.05));

        var single = VolSurface.FromSvi([Slices[1]]);
        Assert.Equal(102.0, single.Forward(5.0));
    }

    [Fact]
    public void Query_reports_the_moneyness_variance_and_vol_consistently()
    {
        var surface = VolSurface.FromSvi(Slices);
        var point = surface.Query(110.0, 0.7);
        Assert.Equal(Math.Log(110.0 / point.Forward), point.LogMoneyness, 15);
        Assert.Equal(surface.TotalVariance(point.LogMoneyness, 0.7), point.TotalVariance);
        Assert.Equal(Math.Sqrt(point.TotalVariance / 0.7), point.ImpliedVol, 15);
        Assert.Equal(point.ImpliedVol, surface.ImpliedVol(110.0, 0.7));
    }

    [Fact]
    public void Ssvi_surface_interpolates_theta_and_stays_arbitrage_free()
    {
        var p = new SsviParameters(-0.65, 1.2, 0.45);
        var surface = VolSurface.FromSsvi(p, [new SsviSlice(0.5, 101, 0.02), new SsviSlice(1.0, 102, 0.045)]);
        Assert.Equal(p.TotalVariance(0.3, 0.0325), surface.TotalVariance(0.3, 0.75), 15);
        Assert.Equal(p.TotalVariance(0.3, 0.01), surface.TotalVariance(0.3, 0.25), 15);
        Assert.Equal(0.045, surface.TotalVariance(0.0, 1.0), 15);
        for (var k = -1.0; k <= 1.0; k += 0.1)
        {
            var previous = 0.0;
            for (var t = 0.05; t <= 3.0; t += 0.05)
            {
                var w = surface.TotalVariance(k, t);
                Assert.True(w >= previous, $"k {k}, T {t}");
                previous = w;
            }
        }
    }

    [Fact]
    public void Invalid_surfaces_and_queries_are_rejected_with_the_field()
    {
        Assert.Equal("expiry", Assert.Throws<PricingInputException>(() => VolSurface.FromSvi([Slices[0], Slices[0]])).Field);
        Assert.Equal("expiry", Assert.Throws<PricingInputException>(() => VolSurface.FromSvi([])).Field);
        Assert.Equal("forward", Assert.Throws<PricingInputException>(() => VolSurface.FromSvi([Slices[0] with { Forward = 0 }])).Field);
        Assert.Equal("b", Assert.Throws<PricingInputException>(() => VolSurface.FromSvi([Slices[0] with { Parameters = Slices[0].Parameters with { B = -1 } }])).Field);
        var p = new SsviParameters(-0.5, 1.0, 0.4);
        Assert.Equal("theta", Assert.Throws<PricingInputException>(() => VolSurface.FromSsvi(p, [new SsviSlice(0.5, 100, 0.03), new SsviSlice(1.0, 100, 0.02)])).Field);
        var surface = VolSurface.FromSvi(Slices);
        Assert.Equal("strike", Assert.Throws<PricingInputException>(() => surface.ImpliedVol(-1, 1)).Field);
        Assert.Equal("expiry", Assert.Throws<PricingInputException>(() => surface.ImpliedVol(100, 0)).Field);
        Assert.Equal("k", Assert.Throws<PricingInputException>(() => surface.TotalVariance(double.NaN, 1)).Field);
    }
}
