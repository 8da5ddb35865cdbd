using Assay.Pricing.Surfaces;

namespace Assay.Pricing.Tests.Surfaces;

/// <summary>The SVI and SSVI formulas and g(k) against QuantLib 1.29 and 50-digit mpmath (tests/data/surfaces/generate_references.py).</summary>
public sealed class SviFormulaTests
{
    [Fact]
    public void Svi_vols_match_QuantLib_SviSmileSection()
    {
        foreach (var row in SurfaceCsv.Read("svi_quantlib.csv"))
        {
            var p = new SviParameters(row.D("a"), row.D("b"), row.D("rho"), row.D("m"), row.D("sigma"));
            var surface = VolSurface.FromSvi([new SurfaceSlice(row.D("T"), row.D("F"), p)]);
            var vol = surface.ImpliedVol(row.D("strike"), row.D("T"));

            // Tolerance: both sides are a handful of correctly rounded operations plus one log (≤ 2 ulp each).
            Assert.True(Math.Abs(vol - row.D("vol")) <= 1e-14 * row.D("vol"), $"{row.Describe()}: ours {vol:R}");
        }
    }

    [Fact]
    public void Butterfly_density_and_derivatives_match_mpmath()
    {
        foreach (var row in SurfaceCsv.Read("svi_density.csv"))
        {
            var p = new SviParameters(row.D("a"), row.D("b"), row.D("rho"), row.D("m"), row.D("sigma"));
            var k = row.D("k");
            var message = $"{row.Describe()}";
            Assert.True(Math.Abs(p.TotalVariance(k) - row.D("w")) <= 1e-15, message);
            Assert.True(Math.Abs(p.Slope(k) - row.D("w1")) <= 1e-15, message);
            Assert.True(Math.Abs(p.Curvature(k) - row.D("w2")) <= 1e-15, message);

            // g involves 1/w with w ≈ 0.01 near the Vogt minimum: allow 1e-12 absolute.
            Assert.True(Math.Abs(p.ButterflyDensity(k) - row.D("g")) <= 1e-12, $"{message}: g {p.ButterflyDensity(k):R}");
        }
    }

    [Fact]
    public void Ssvi_total_variance_and_phi_match_mpmath()
    {
        foreach (var row in SurfaceCsv.Read("ssvi_mpmath.csv"))
        {
            var p = new SsviParameters(row.D("rho"), row.D("eta"), row.D("gamma"));
            var theta = row.D("theta");
            var w = p.TotalVariance(row.D("k"), theta);
            Assert.True(Math.Abs(p.Phi(theta) - row.D("phi")) <= 4e-16 * row.D("phi"), $"{row.Describe()}: phi {p.Phi(theta):R}");
            Assert.True(Math.Abs(w - row.D("w")) <= 1e-14 * row.D("w"), $"{row.Describe()}: w {w:R}");
        }
    }

    [Fact]
    public void Ssvi_slice_as_raw_svi_has_its_at_the_money_variance_and_skew()
    {
        var p = new SsviParameters(-0.6, 1.1, 0.4);
        foreach (var theta in new[] { 0.002, 0.03, 0.5 })
        {
            var svi = p.ToSvi(theta);
            svi.Validate();

            // w(0, θ) = θ and ∂w/∂k(0) = ρθφ(θ) (Gatheral and Jacquier 2014, §4).
            Assert.True(Math.Abs(svi.TotalVariance(0.0) - theta) <= 1e-15 * theta, $"theta {theta}: w(0) {svi.TotalVariance(0.0):R}");
            Assert.True(Math.Abs(svi.Slope(0.0) - (p.Rho * theta * p.Phi(theta))) <= 1e-14 * theta, $"theta {theta}");
        }
    }

    [Theory]
    [InlineData(0.04, -0.1, 0.0, 0.0, 0.1, "b")]
    [InlineData(0.04, 0.1, 1.0, 0.0, 0.1, "rho")]
    [InlineData(0.04, 0.1, 0.0, 0.0, 0.0, "sigma")]
    [InlineData(-0.05, 0.1, 0.0, 0.0, 0.1, "a")]
    [InlineData(double.NaN, 0.1, 0.0, 0.0, 0.1, "a")]
    public void Svi_validation_names_the_field(double a, double b, double rho, double m, double sigma, string field)
    {
        var error = Assert.Throws<PricingInputException>(() => new SviParameters(a, b, rho, m, sigma).Validate());
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(-0.5, 1.5, 0.4, "eta")]
    [InlineData(-0.5, 1.0, 0.6, "gamma")]
    [InlineData(-1.0, 1.0, 0.4, "rho")]
    [InlineData(0.0, 0.0, 0.4, "eta")]
    public void Ssvi_validation_enforces_the_no_arbitrage_conditions(double rho, double eta, double gamma, string field)
    {
        var error = Assert.Throws<PricingInputException>(() => new SsviParameters(rho, eta, gamma).Validate());
        Assert.Equal(field, error.Field);
    }
}
