using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using static Assay.Pricing.Tests.MonteCarlo.PathDependentSpecs;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Discrete Asian options on GBM: geometric against its closed form, arithmetic with the geometric control variate against QuantLib.</summary>
public class PathDependentAsianTests
{
    // (type, S, K, T, r, q, sigma, N fixings, steps): steps = N and steps a multiple of N (fixings every 3rd / 2nd date).
    public static TheoryData<OptionType, double, double, double, double, double, double, int, int> GeometricGrid => new()
    {
        { OptionType.Call, 100, 100, 1.0, 0.05, 0.02, 0.30, 12, 12 },
        { OptionType.Put, 100, 105, 0.5, 0.03, 0.00, 0.25, 4, 12 },
        { OptionType.Call, 80, 75, 2.0, 0.04, 0.01, 0.45, 10, 20 },
        { OptionType.Put, 50, 45, 1.0, -0.01, 0.02, 0.20, 1, 3 },
    };

    [Theory]
    [MemberData(nameof(GeometricGrid))]
    public void Geometric_price_delta_and_vega_agree_with_the_discrete_closed_form_within_four_standard_errors(
        OptionType type, double s, double k, double t, double r, double q, double sigma, int fixings, int steps)
    {
        const ulong seed = 0x6A51A;
        var mc = MonteCarloEngine.Run(Spec(new PayoffSpec(PayoffKind.GeometricAsian, type, k, FixingCount: fixings), s, t, r, q, sigma, 65_536, steps, seed));
        double Price(double spot, double vol) =>
            GeometricAsianOption.Price(new GeometricAsianParameters(type, AsianAveraging.Discrete, spot, k, t, r, q, vol, fixings));
        var price = Price(s, sigma);
        var delta = (Price(s * 1.0001, sigma) - Price(s * 0.9999, sigma)) / (s * 0.0002);
        var vega = (Price(s, sigma + 1e-5) - Price(s, sigma - 1e-5)) / 2e-5;
        var context = $"seed {seed}, {type} S={s} K={k} T={t} r={r} q={q} sigma={sigma} N={fixings} steps={steps}";
        Within(mc.Price, mc.StandardError, price, 4, "price", context);
        Within(mc.Delta, mc.DeltaStandardError, delta, 4, "delta", context);
        Within(mc.Vega, mc.VegaStandardError, vega, 4, "vega", context);
        Assert.True(mc.StandardError < 0.01 * price + 0.005, "standard error too large: " + context);
    }

    [Fact]
    public void Arithmetic_with_the_geometric_control_agrees_with_QuantLib_and_the_control_cuts_the_error_at_least_five_times()
    {
        const ulong seed = 0xA51A;
        foreach (var row in Table("quantlib_arithmetic_asian.csv"))
        {
            var type = Enum.Parse<OptionType>(row["type"]);
            var fixings = (int)row.Number("n_fixings");
            var spec = Spec(
                new PayoffSpec(PayoffKind.ArithmeticAsian, type, row.Number("K"), FixingCount: fixings),
                row.Number("S"), row.Number("T"), row.Number("r"), row.Number("q"), row.Number("sigma"), 32_768, fixings, seed);
            var mc = MonteCarloEngine.Run(spec);
            var context = $"seed {seed}, {row.Describe()}: controlled {mc.Price:R} ± {mc.StandardError:R}, plain {mc.UncontrolledPrice:R} ± {mc.UncontrolledStandardError:R}";
            Within(mc.Price, mc.StandardError, row.Number("price"), 4, "controlled price", context, row.Number("stderr"));
            Within(mc.UncontrolledPrice, mc.UncontrolledStandardError, row.Number("price"), 4, "plain price", context, row.Number("stderr"));
            Assert.True(5 * mc.StandardError <= mc.UncontrolledStandardError, "control variate gain below 5x: " + context);
        }
    }

    [Fact]
    public void Arithmetic_control_estimate_agrees_with_a_sixteen_times_larger_uncontrolled_run()
    {
        const ulong seed = 17;
        var payoff = new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Call, 95, FixingCount: 6);
        var small = MonteCarloEngine.Run(Spec(payoff, 100, 0.75, 0.04, 0.01, 0.35, 16_384, 12, seed));
        var large = MonteCarloEngine.Run(Spec(payoff, 100, 0.75, 0.04, 0.01, 0.35, 262_144, 12, seed + 1));
        Within(small.Price, small.StandardError, large.UncontrolledPrice, 4, "controlled vs large plain", $"seeds {seed}, {seed + 1}", large.UncontrolledStandardError);
    }

    [Fact]
    public void Arithmetic_pathwise_Greeks_are_the_derivatives_of_the_same_paths_price()
    {
        // With common random numbers the sample price is a smooth function of S and σ except where a path's average
        // crosses K, so its central difference must match the mean pathwise estimator to a small fraction of its error.
        const ulong seed = 23;
        var payoff = new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Put, 100, FixingCount: 8);
        MonteCarloResult Run(double s, double sigma) => MonteCarloEngine.Run(Spec(payoff, s, 1.0, 0.03, 0.0, sigma, 16_384, 8, seed));
        var mc = Run(100, 0.25);
        var delta = (Run(100.01, 0.25).UncontrolledPrice - Run(99.99, 0.25).UncontrolledPrice) / 0.02;
        var vega = (Run(100, 0.2501).UncontrolledPrice - Run(100, 0.2499).UncontrolledPrice) / 0.0002;
        var context = $"seed {seed}: pathwise delta {mc.Delta:R} ± {mc.DeltaStandardError:R} vs CRN difference {delta:R}; vega {mc.Vega:R} ± {mc.VegaStandardError:R} vs {vega:R}";
        Assert.True(Math.Abs(mc.Delta - delta) <= 0.05 * mc.DeltaStandardError, context);
        Assert.True(Math.Abs(mc.Vega - vega) <= 0.05 * mc.VegaStandardError, context);
    }

    [Fact]
    public void Fixings_must_be_given_and_divide_the_steps()
    {
        var missing = Spec(new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Call, 100), 100, 1, 0, 0, 0.2, 1000, 12, 1);
        Assert.Equal("n_fixings", Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(missing)).Field);
        var ragged = Spec(new PayoffSpec(PayoffKind.GeometricAsian, OptionType.Call, 100, FixingCount: 5), 100, 1, 0, 0, 0.2, 1000, 12, 1);
        var e = Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(ragged));
        Assert.Equal("n_fixings", e.Field);
        Assert.Contains("steps=12", e.Message, StringComparison.Ordinal);
    }
}
