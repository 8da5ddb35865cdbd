using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Xunit.Abstractions;

namespace Assay.Pricing.Tests.Exotics;

public sealed class FloatingLookbackOptionTests(ITestOutputHelper output)
{
    [Fact]
    public void Matches_Haug_Goldman_Sosin_Gatto_example()
    {
        // Haug (2007) §4.15.1 example: S = 120, S_min = 100, T = 0.5, r = 0.10, b = 0.04 (q = 0.06), σ = 0.30 → call 25.3533
        // (QuantLib 1.29 AnalyticContinuousFloatingLookbackEngine: 25.353355271…, so the book truncates; tolerance 1e-4).
        var p = new FloatingLookbackParameters(OptionType.Call, 120, 100, 0.5, 0.10, 0.06, 0.30);
        var actual = FloatingLookbackOption.Price(p);
        Assert.True(Math.Abs(actual - 25.3533) <= 1e-4, $"{p}: got {actual:R}");
    }

    [Fact]
    public void Matches_QuantLib_AnalyticContinuousFloatingLookbackEngine()
    {
        // Rows keep |r − q| ≥ 0.002: QuantLib evaluates the textbook 1/(r − q) form, whose cancellation grows as r → q.
        var table = ExoticReferenceTable.Load("quantlib_floating_lookback.csv");
        var comparison = new ReferenceComparison("QuantLib 1.29 AnalyticContinuousFloatingLookbackEngine", 1e-9, 1e-12);
        for (var i = 0; i < table.Count; i++)
        {
            comparison.Check(FloatingLookbackOption.Price(Read(table, i)), table.Number(i, "price"), table.Describe(i));
        }

        output.WriteLine(comparison.Summary);
        comparison.AssertAll();
    }

    [Fact]
    public void Matches_mpmath_as_r_minus_q_goes_to_zero()
    {
        // r − q ∈ {0, ±1e-14, …, ±0.05}; the double textbook form would lose up to all digits of its last term here.
        var table = ExoticReferenceTable.Load("mpmath_floating_lookback_small_carry.csv");
        var comparison = new ReferenceComparison("mpmath 1.2.1 (60 digits) Goldman-Sosin-Gatto, small r - q", 1e-12, 1e-13);
        for (var i = 0; i < table.Count; i++)
        {
            comparison.Check(FloatingLookbackOption.Price(Read(table, i)), table.Number(i, "price"), table.Describe(i));
        }

        output.WriteLine(comparison.Summary);
        comparison.AssertAll();
    }

    [Fact]
    public void Is_continuous_where_the_small_carry_evaluation_hands_over()
    {
        // The engine integrates h(β)/β for |β|·(|L| + s + s²) ≤ 0.01 and divides outside; step r − q across that point.
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
        {
            foreach (var (spot, minMax, t, vol) in new[] { (100.0, 100.0, 1.0, 0.2), (100.0, 80.0, 0.5, 0.4), (100.0, 125.0, 2.0, 0.1), (100.0, 100.0, 0.01, 0.05) })
            {
                if ((type == OptionType.Call && minMax > spot) || (type == OptionType.Put && minMax < spot))
                {
                    continue;
                }

                var s = vol * Math.Sqrt(t);
                var scale = Math.Abs(Math.Log(spot / minMax)) + s + (s * s);
                var carryAtHandover = 0.01 * vol * vol / (2 * scale);
                foreach (var sign in new[] { 1.0, -1.0 })
                {
                    double Price(double carry) => FloatingLookbackOption.Price(new FloatingLookbackParameters(type, spot, minMax, t, 0.03, 0.03 - carry, vol));
                    var inside = Price(sign * carryAtHandover * (1 - 1e-12));
                    var outside = Price(sign * carryAtHandover * (1 + 1e-12));
                    var inputs = $"type={type} S={spot} minmax={minMax} T={t} r=0.03 sigma={vol} r-q={sign * carryAtHandover:R}";
                    Assert.True(Math.Abs(inside - outside) <= 1e-12 * inside, $"{inputs}: integrated {inside:R}, divided {outside:R}");
                }
            }
        }
    }

    [Fact]
    public void Is_worth_at_least_the_at_the_money_vanilla_and_the_forward_payoff()
    {
        foreach (var (type, spot, t, r, q, vol) in Grid())
        {
            var p = new FloatingLookbackParameters(type, spot, spot, t, r, q, vol);
            var lookback = FloatingLookbackOption.Price(p);

            // At inception the floating strike min S ≤ S_0 (call) or max S ≥ S_0 (put) pays at least the ATM vanilla.
            var vanilla = ExoticTestMath.VanillaFromDigitals(type, spot, spot, t, r, q, vol);
            Assert.True(lookback >= vanilla - 1e-12, $"{p}: lookback {lookback:R} < ATM vanilla {vanilla:R}");

            // With a seasoned extreme m, S_T − min ≥ S_T − m (call) and max − S_T ≥ m − S_T (put).
            var minMax = type == OptionType.Call ? 0.8 * spot : 1.25 * spot;
            var seasoned = FloatingLookbackOption.Price(p with { MinMax = minMax });
            var forward = type == OptionType.Call
                ? (spot * Math.Exp(-q * t)) - (minMax * Math.Exp(-r * t))
                : (minMax * Math.Exp(-r * t)) - (spot * Math.Exp(-q * t));
            Assert.True(seasoned >= forward - 1e-12 && seasoned >= lookback - 1e-12, $"{p with { MinMax = minMax }}: {seasoned:R} below forward payoff {forward:R} or fresh lookback {lookback:R}");
        }
    }

    [Theory]
    [InlineData(OptionType.Call, 100.000001)]
    [InlineData(OptionType.Put, 99.999999)]
    [InlineData(OptionType.Call, 0.0)]
    [InlineData(OptionType.Put, double.NaN)]
    public void Rejects_an_extreme_on_the_wrong_side_of_spot(OptionType type, double minMax)
    {
        var p = new FloatingLookbackParameters(type, 100, minMax, 1, 0.05, 0.02, 0.2);
        var error = Assert.Throws<PricingInputException>(() => FloatingLookbackOption.Price(p));
        Assert.Equal("minmax", error.Field);
    }

    [Theory]
    [InlineData("S", -100.0)]
    [InlineData("T", 0.0)]
    [InlineData("r", double.NaN)]
    [InlineData("q", double.PositiveInfinity)]
    [InlineData("sigma", double.NaN)]
    public void Rejects_bad_inputs_naming_the_field(string field, double bad)
    {
        var p = new FloatingLookbackParameters(OptionType.Call, 100, 90, 1, 0.05, 0.02, 0.2);
        p = field switch
        {
            "S" => p with { Spot = bad },
            "T" => p with { ExpiryYears = bad },
            "r" => p with { Rate = bad },
            "q" => p with { DividendYield = bad },
            _ => p with { Volatility = bad },
        };
        var error = Assert.Throws<PricingInputException>(() => FloatingLookbackOption.Price(p));
        Assert.Equal(field, error.Field);
    }

    private static FloatingLookbackParameters Read(ExoticReferenceTable table, int i) => new(
        table.Enum<OptionType>(i, "type"),
        table.Number(i, "S"),
        table.Number(i, "minmax"),
        table.Number(i, "T"),
        table.Number(i, "r"),
        table.Number(i, "q"),
        table.Number(i, "sigma"));

    private static IEnumerable<(OptionType Type, double Spot, double T, double R, double Q, double Vol)> Grid()
    {
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
        {
            foreach (var (t, r, q, vol) in new[] { (0.05, 0.05, 0.0, 0.15), (1.0, 0.03, 0.03, 0.35), (2.0, 0.06, 0.01, 0.7), (1.5, -0.01, 0.02, 0.25), (3.0, 0.0, 0.08, 0.1) })
            {
                yield return (type, 100.0, t, r, q, vol);
            }
        }
    }
}
