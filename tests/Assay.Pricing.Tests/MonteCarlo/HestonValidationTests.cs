using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Bad Heston Monte Carlo inputs fail before any work with an error that names the field.</summary>
public class HestonValidationTests
{
    // (S, T, r, q, v0, kappa, theta, sigma_v, rho, field)
    [Theory]
    [InlineData(0.0, 1.0, 0.0, 0.0, 0.04, 1.0, 0.04, 0.5, -0.5, "S")]
    [InlineData(100.0, 0.0, 0.0, 0.0, 0.04, 1.0, 0.04, 0.5, -0.5, "T")]
    [InlineData(100.0, 51.0, 0.0, 0.0, 0.04, 1.0, 0.04, 0.5, -0.5, "T")]
    [InlineData(100.0, 1.0, 1.5, 0.0, 0.04, 1.0, 0.04, 0.5, -0.5, "r")]
    [InlineData(100.0, 1.0, 0.0, double.NaN, 0.04, 1.0, 0.04, 0.5, -0.5, "q")]
    [InlineData(100.0, 1.0, 0.0, 0.0, -0.01, 1.0, 0.04, 0.5, -0.5, "v0")]
    [InlineData(100.0, 1.0, 0.0, 0.0, 4.5, 1.0, 0.04, 0.5, -0.5, "v0")]
    [InlineData(100.0, 1.0, 0.0, 0.0, 0.04, 0.0, 0.04, 0.5, -0.5, "kappa")]
    [InlineData(100.0, 1.0, 0.0, 0.0, 0.04, 101.0, 0.04, 0.5, -0.5, "kappa")]
    [InlineData(100.0, 1.0, 0.0, 0.0, 0.04, 1.0, -0.04, 0.5, -0.5, "theta")]
    [InlineData(100.0, 1.0, 0.0, 0.0, 0.04, 1.0, 0.04, 0.0, -0.5, "sigma_v")]
    [InlineData(100.0, 1.0, 0.0, 0.0, 0.04, 1.0, 0.04, 5.5, -0.5, "sigma_v")]
    [InlineData(100.0, 1.0, 0.0, 0.0, 0.04, 1.0, 0.04, 0.5, -1.01, "rho")]
    [InlineData(100.0, 1.0, 0.0, 0.0, 0.04, 1.0, 0.04, 0.5, double.PositiveInfinity, "rho")]
    public void Model_out_of_range_names_the_field(
        double s, double t, double r, double q, double v0, double kappa, double theta, double sigmaV, double rho, string field)
    {
        var spec = HestonMonteCarloTests.Spec(new HestonModel(s, t, r, q, v0, kappa, theta, sigmaV, rho), OptionType.Call, 100, 1000, 4, 1);
        var e = Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(spec));
        Assert.Equal(field, e.Field);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
        Assert.Equal(field, Assert.Throws<PricingInputException>(() => MonteCarloEngine.EvaluateBatch(spec, 0)).Field);
    }

    [Fact]
    public void An_undefined_scheme_is_refused()
    {
        var spec = HestonMonteCarloTests.Spec(new HestonModel(100, 1, 0, 0, 0.04, 1, 0.04, 0.5, -0.5, (HestonScheme)7), OptionType.Call, 100, 1000, 4, 1);
        Assert.Equal("scheme", Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(spec)).Field);
    }

    [Fact]
    public void Bump_vega_refuses_too_few_batches_a_bad_bump_and_a_non_Heston_model()
    {
        var heston = HestonMonteCarloTests.Spec(new HestonModel(100, 1, 0, 0, 0.04, 1, 0.04, 0.5, -0.5), OptionType.Call, 100, 4 * MonteCarloEngine.BatchPaths, 4, 1);
        Assert.Equal("paths", Assert.Throws<PricingInputException>(() => HestonModel.BumpVega(heston)).Field);
        var enough = heston with { Settings = heston.Settings with { Paths = HestonModel.MinVegaBatches * MonteCarloEngine.BatchPaths } };
        Assert.Equal("vega_bump", Assert.Throws<PricingInputException>(() => HestonModel.BumpVega(enough, 0.5)).Field);
        var gbm = MonteCarloGbmTests.Spec(PayoffKind.European, OptionType.Call, 100, 100, 1, 0, 0, 0.2, 1 << 16, 1, 1);
        Assert.Equal("model", Assert.Throws<PricingInputException>(() => HestonModel.BumpVega(gbm)).Field);
    }
}
