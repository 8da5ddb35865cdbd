using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Bad Monte Carlo inputs fail before any work with an error that names the field.</summary>
public class MonteCarloValidationTests
{
    [Theory]
    [InlineData(0L, 1, false, -1, "paths")]
    [InlineData((1L << 32) + 1, 1, false, -1, "paths")] // more samples than the fixed-point sums can count
    [InlineData(-5L, 1, false, -1, "paths")]
    [InlineData(1001L, 1, true, -1, "paths")]
    [InlineData(1000L, 0, false, -1, "steps")]
    [InlineData(1000L, 100_001, false, -1, "steps")]
    [InlineData(1000L, 1, false, 0, "threads")]
    public void Settings_out_of_range_name_the_field(long paths, int steps, bool antithetic, int threads, string field)
    {
        var spec = MonteCarloGbmTests.Spec(PayoffKind.European, OptionType.Call, 100, 100, 1, 0, 0, 0.2, paths, steps, 1, antithetic, threads);
        var e = Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(spec));
        Assert.Equal(field, e.Field);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0, 100, 1, 0.2, "S")]
    [InlineData(100.0, 0, 1, 0.2, "K")]
    [InlineData(100.0, 100, double.NaN, 0.2, "T")]
    [InlineData(100.0, 100, 1, 0.0, "sigma")]
    public void Model_and_contract_out_of_range_name_the_field(double s, double k, double t, double sigma, string field)
    {
        var spec = MonteCarloGbmTests.Spec(PayoffKind.European, OptionType.Call, s, k, t, 0, 0, sigma, 1000, 1, 1);
        var e = Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(spec));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_payoff_beyond_the_fixed_point_range_is_refused_with_the_bound()
    {
        var spec = MonteCarloGbmTests.Spec(PayoffKind.European, OptionType.Call, 1e8, 1, 1, 0, 0, 0.2, 1000, 1, 1);
        var e = Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(spec));
        Assert.Equal("payoff", e.Field);
        Assert.Contains("2^23", e.Message, StringComparison.Ordinal);
    }
}
