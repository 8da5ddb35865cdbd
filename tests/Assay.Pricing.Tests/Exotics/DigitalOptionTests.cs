using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Xunit.Abstractions;

namespace Assay.Pricing.Tests.Exotics;

public sealed class DigitalOptionTests(ITestOutputHelper output)
{
    [Fact]
    public void Matches_Haug_cash_or_nothing_example()
    {
        // Haug (2007) §4.19.2 cash-or-nothing example: S = 100, K = 80, cash 10, T = 0.75, r = 0.06, b = 0 (q = 0.06),
        // σ = 0.35 → put 2.6710 (QuantLib 1.29 AnalyticEuropeanEngine: 2.671045684…).
        var p = new DigitalParameters(OptionType.Put, DigitalPayoff.CashOrNothing, 100, 80, 10, 0.75, 0.06, 0.06, 0.35);
        var actual = DigitalOption.Price(p);
        Assert.True(Math.Abs(actual - 2.6710) <= 5e-5, $"{p}: got {actual:R}");
    }

    [Fact]
    public void Matches_Haug_asset_or_nothing_example()
    {
        // Haug (2007) §4.19.3 asset-or-nothing example: S = 70, K = 65, T = 0.5, r = 0.07, b = 0.02 (q = 0.05), σ = 0.27
        // → put 20.2069 (QuantLib 1.29 AnalyticEuropeanEngine: 20.206947…).
        var p = new DigitalParameters(OptionType.Put, DigitalPayoff.AssetOrNothing, 70, 65, 0, 0.5, 0.07, 0.05, 0.27);
        var actual = DigitalOption.Price(p);
        Assert.True(Math.Abs(actual - 20.2069) <= 5e-5, $"{p}: got {actual:R}");
    }

    [Fact]
    public void Matches_QuantLib_AnalyticEuropeanEngine_digital_payoffs()
    {
        var table = ExoticReferenceTable.Load("quantlib_digital.csv");
        var comparison = new ReferenceComparison("QuantLib 1.29 AnalyticEuropeanEngine (digital payoffs)", 1e-9, 1e-13);
        for (var i = 0; i < table.Count; i++)
        {
            comparison.Check(DigitalOption.Price(Read(table, i)), table.Number(i, "price"), table.Describe(i));
        }

        output.WriteLine(comparison.Summary);
        comparison.AssertAll();
    }

    [Fact]
    public void Asset_minus_strike_times_cash_matches_QuantLib_vanilla()
    {
        // Call: S·1{S>K} − K·1{S>K} = (S − K)⁺; put: K·1{S<K} − S·1{S<K} = (K − S)⁺, against QuantLib's plain vanilla.
        var table = ExoticReferenceTable.Load("quantlib_digital.csv");
        var comparison = new ReferenceComparison("digital decomposition vs QuantLib 1.29 vanilla", 1e-9, 1e-12);
        for (var i = 0; i < table.Count; i++)
        {
            var p = Read(table, i);
            var vanilla = ExoticTestMath.VanillaFromDigitals(p.Type, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.Volatility);
            comparison.Check(vanilla, table.Number(i, "vanilla"), table.Describe(i));
        }

        output.WriteLine(comparison.Summary);
        comparison.AssertAll();
    }

    [Fact]
    public void Calls_plus_puts_pay_for_sure()
    {
        foreach (var (spot, strike, t, r, q, vol) in Grid())
        {
            var inputs = $"S={spot} K={strike} T={t} r={r} q={q} sigma={vol}";
            double Price(OptionType type, DigitalPayoff payoff) => DigitalOption.Price(new DigitalParameters(type, payoff, spot, strike, 7.5, t, r, q, vol));
            var cash = Price(OptionType.Call, DigitalPayoff.CashOrNothing) + Price(OptionType.Put, DigitalPayoff.CashOrNothing);
            var cashExpected = 7.5 * Math.Exp(-r * t);
            Assert.True(Math.Abs(cash - cashExpected) <= 1e-14 * cashExpected * 4, $"{inputs}: cash call + put {cash:R}, cash·e^(−rT) {cashExpected:R}");
            var asset = Price(OptionType.Call, DigitalPayoff.AssetOrNothing) + Price(OptionType.Put, DigitalPayoff.AssetOrNothing);
            var assetExpected = spot * Math.Exp(-q * t);
            Assert.True(Math.Abs(asset - assetExpected) <= 1e-14 * assetExpected * 4, $"{inputs}: asset call + put {asset:R}, S·e^(−qT) {assetExpected:R}");
        }
    }

    [Fact]
    public void Cash_or_nothing_call_falls_with_strike_and_stays_within_discounted_cash()
    {
        foreach (var (spot, _, t, r, q, vol) in Grid())
        {
            var previous = double.PositiveInfinity;
            for (var strike = 0.2 * spot; strike <= 5 * spot; strike *= 1.1)
            {
                var p = new DigitalParameters(OptionType.Call, DigitalPayoff.CashOrNothing, spot, strike, 1, t, r, q, vol);
                var value = DigitalOption.Price(p);
                Assert.True(value >= 0 && value <= Math.Exp(-r * t) * (1 + 1e-15) && value <= previous, $"{p}: {value:R} (previous strike {previous:R})");
                previous = value;
            }
        }
    }

    [Theory]
    [InlineData("S", 0.0)]
    [InlineData("K", -3.0)]
    [InlineData("cash", -1.0)]
    [InlineData("T", double.NaN)]
    [InlineData("r", double.NaN)]
    [InlineData("q", double.NegativeInfinity)]
    [InlineData("sigma", -0.1)]
    public void Rejects_bad_inputs_naming_the_field(string field, double bad)
    {
        var p = new DigitalParameters(OptionType.Call, DigitalPayoff.CashOrNothing, 100, 100, 1, 1, 0.05, 0.02, 0.2);
        p = field switch
        {
            "S" => p with { Spot = bad },
            "K" => p with { Strike = bad },
            "cash" => p with { CashAmount = bad },
            "T" => p with { ExpiryYears = bad },
            "r" => p with { Rate = bad },
            "q" => p with { DividendYield = bad },
            _ => p with { Volatility = bad },
        };
        var error = Assert.Throws<PricingInputException>(() => DigitalOption.Price(p));
        Assert.Equal(field, error.Field);
    }

    private static DigitalParameters Read(ExoticReferenceTable table, int i) => new(
        table.Enum<OptionType>(i, "type"),
        table.Enum<DigitalPayoff>(i, "payoff"),
        table.Number(i, "S"),
        table.Number(i, "K"),
        table.Number(i, "cash"),
        table.Number(i, "T"),
        table.Number(i, "r"),
        table.Number(i, "q"),
        table.Number(i, "sigma"));

    private static IEnumerable<(double Spot, double Strike, double T, double R, double Q, double Vol)> Grid()
    {
        foreach (var strike in new[] { 50.0, 90.0, 100.0, 130.0, 300.0 })
        {
            foreach (var (t, r, q, vol) in new[] { (0.02, 0.05, 0.0, 0.1), (1.0, -0.01, 0.03, 0.3), (5.0, 0.08, 0.02, 0.9) })
            {
                yield return (100.0, strike, t, r, q, vol);
            }
        }
    }
}
