using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.BlackScholes;

/// <summary>Every input is checked, and a failure names its field as the CSV/CLI spells it.</summary>
public sealed class BlackScholesValidationTests
{
    private static readonly BlackScholesParameters Good = new(OptionType.Call, 100, 100, 1, 0.05, 0.02, 0.2);

    public static TheoryData<string, double> PositiveFieldValues => new()
    {
        { "S", 0.0 }, { "S", -1.0 }, { "S", double.NaN }, { "S", double.PositiveInfinity },
        { "K", 0.0 }, { "K", -5.0 }, { "K", double.NaN }, { "K", double.PositiveInfinity },
        { "T", 0.0 }, { "T", -0.5 }, { "T", double.NaN }, { "T", double.PositiveInfinity },
        { "sigma", 0.0 }, { "sigma", -0.2 }, { "sigma", double.NaN }, { "sigma", double.PositiveInfinity },
        { "r", double.NaN }, { "r", double.PositiveInfinity }, { "r", double.NegativeInfinity },
        { "q", double.NaN }, { "q", double.NegativeInfinity },
    };

    [Theory]
    [MemberData(nameof(PositiveFieldValues))]
    public void Bsm_rejects_out_of_range_field(string field, double value)
    {
        var p = field switch
        {
            "S" => Good with { Spot = value },
            "K" => Good with { Strike = value },
            "T" => Good with { ExpiryYears = value },
            "sigma" => Good with { Volatility = value },
            "r" => Good with { Rate = value },
            _ => Good with { DividendYield = value },
        };
        var e = Assert.Throws<PricingInputException>(() => BlackScholesMerton.Greeks(p));
        Assert.Equal(field, e.Field);
        Assert.StartsWith(field + " must be", e.Message, StringComparison.Ordinal);
        Assert.Equal(field, Assert.Throws<PricingInputException>(() => BlackScholesMerton.Price(p)).Field);
    }

    [Theory]
    [InlineData("F", 0.0)]
    [InlineData("F", double.NaN)]
    [InlineData("K", -1.0)]
    [InlineData("T", 0.0)]
    [InlineData("r", double.NaN)]
    [InlineData("sigma", double.PositiveInfinity)]
    public void Black76_rejects_out_of_range_field(string field, double value)
    {
        var good = new Black76Parameters(OptionType.Put, 100, 100, 1, 0.05, 0.2);
        var p = field switch
        {
            "F" => good with { Forward = value },
            "K" => good with { Strike = value },
            "T" => good with { ExpiryYears = value },
            "r" => good with { Rate = value },
            _ => good with { Volatility = value },
        };
        Assert.Equal(field, Assert.Throws<PricingInputException>(() => Black76.Greeks(p)).Field);
    }

    [Fact]
    public void Negative_rates_and_yields_are_allowed()
    {
        var g = BlackScholesMerton.Greeks(Good with { Rate = -0.01, DividendYield = -0.03 });
        Assert.True(g.Price > 0);
    }

    [Fact]
    public void Undefined_option_type_is_rejected()
    {
        var e = Assert.Throws<PricingInputException>(() => BlackScholesMerton.Price(Good with { Type = (OptionType)2 }));
        Assert.Equal("type", e.Field);
    }
}
