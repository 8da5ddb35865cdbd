using Assay.Pricing.Engines.Fourier;
using Assay.Pricing.Instruments;
using Assay.Pricing.Models;

namespace Assay.Pricing.Tests.Heston;

/// <summary>Every out-of-range input is rejected with an error that names the field.</summary>
public sealed class HestonValidationTests
{
    private static readonly HestonParameters Valid = new(OptionType.Call, 100, 100, 1.0, 0.03, 0.01, 0.04, 1.5, 0.04, 0.3, -0.7);

    public static TheoryData<string, HestonParameters> BadInputs => new()
    {
        { "S", Valid with { Spot = 0 } },
        { "S", Valid with { Spot = double.NaN } },
        { "K", Valid with { Strike = -1 } },
        { "K", Valid with { Strike = 1e6 } },
        { "T", Valid with { ExpiryYears = 0 } },
        { "T", Valid with { ExpiryYears = 51 } },
        { "r", Valid with { Rate = double.PositiveInfinity } },
        { "q", Valid with { DividendYield = 2 } },
        { "v0", Valid with { V0 = -0.01 } },
        { "v0", Valid with { V0 = 5 } },
        { "kappa", Valid with { Kappa = 0 } },
        { "kappa", Valid with { Kappa = 101 } },
        { "theta", Valid with { Theta = -1e-9 } },
        { "sigma_v", Valid with { SigmaV = 0 } },
        { "sigma_v", Valid with { SigmaV = 6 } },
        { "rho", Valid with { Rho = -1.01 } },
        { "rho", Valid with { Rho = double.NaN } },
        { "type", Valid with { Type = (OptionType)7 } },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Rejects_out_of_range_input_naming_the_field(string field, HestonParameters p)
    {
        var error = Assert.Throws<PricingInputException>(() => HestonEngine.Price(p));
        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + " must", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_the_edges_of_the_ranges()
    {
        foreach (var p in new[]
        {
            Valid with { Rho = -1.0 }, Valid with { Rho = 1.0 }, Valid with { V0 = 0.0 }, Valid with { Theta = 0.0 },
            Valid with { SigmaV = 5.0 }, Valid with { ExpiryYears = HestonEngine.MinExpiryYears },
        })
        {
            var price = HestonEngine.Price(p);
            Assert.True(double.IsFinite(price) && price >= 0, $"{HestonCases.Describe(p)}: {price:R}");
        }
    }
}
