using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Pricing.MonteCarlo.LongstaffSchwartz;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Bad Longstaff–Schwartz inputs fail before any work with an error that names the field.</summary>
public class LongstaffSchwartzValidationTests
{
    [Fact]
    public void Too_many_exercise_dates_are_refused_on_steps()
    {
        var spec = MonteCarloGbmTests.Spec(PayoffKind.American, OptionType.Put, 100, 100, 1, 0.05, 0, 0.2, 8192, LongstaffSchwartzEngine.MaxExerciseDates + 1, 1);
        var e = Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(spec));
        Assert.Equal("steps", e.Field);
        Assert.Contains("5000", e.Message, StringComparison.Ordinal);
        Assert.Equal("steps", Assert.Throws<PricingInputException>(() => MonteCarloEngine.EvaluateBatch(spec, 0)).Field);
    }

    [Fact]
    public void A_non_American_payoff_is_refused_by_the_Longstaff_Schwartz_engine()
    {
        var spec = MonteCarloGbmTests.Spec(PayoffKind.European, OptionType.Put, 100, 100, 1, 0.05, 0, 0.2, 8192, 10, 1);
        var e = Assert.Throws<PricingInputException>(() => LongstaffSchwartzEngine.Run(spec));
        Assert.Equal("payoff", e.Field);
    }

    [Theory]
    [InlineData(-1.0, 100, 1, 0.2, "S")]
    [InlineData(100.0, 0, 1, 0.2, "K")]
    [InlineData(100.0, 100, double.NaN, 0.2, "T")]
    [InlineData(100.0, 100, 1, 0.0, "sigma")]
    public void Model_and_contract_out_of_range_name_the_field(double s, double k, double t, double sigma, string field)
    {
        var spec = MonteCarloGbmTests.Spec(PayoffKind.American, OptionType.Put, s, k, t, 0, 0, sigma, 1000, 10, 1);
        Assert.Equal(field, Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(spec)).Field);
        Assert.Equal(field, Assert.Throws<PricingInputException>(() => LongstaffSchwartzEngine.FitPolicy(spec)).Field);
    }

    [Fact]
    public void Policy_queries_outside_the_dates_are_refused()
    {
        var policy = LongstaffSchwartzEngine.FitPolicy(MonteCarloGbmTests.Spec(PayoffKind.American, OptionType.Put, 100, 100, 1, 0.05, 0, 0.2, 8192, 4, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.Coefficients(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.Coefficients(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.Exercises(5, 90));
        Assert.True(policy.Exercises(4, 90));
        Assert.False(policy.Exercises(4, 110));
    }
}
