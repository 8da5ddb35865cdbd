using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using static Assay.Pricing.Tests.MonteCarlo.PathDependentSpecs;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Lookbacks on GBM with bridge-sampled extremes: floating against Goldman–Sosin–Gatto, fixed against QuantLib (Conze–Viswanathan).</summary>
public class PathDependentLookbackTests
{
    [Theory]
    [InlineData(OptionType.Call, 100.0, 1.0, 0.05, 0.02, 0.25, 10)]
    [InlineData(OptionType.Put, 100.0, 1.0, 0.05, 0.02, 0.25, 10)]
    [InlineData(OptionType.Call, 50.0, 0.5, 0.02, 0.02, 0.40, 4)]
    [InlineData(OptionType.Put, 80.0, 2.0, 0.01, 0.03, 0.15, 24)]
    public void Floating_price_delta_and_vega_agree_with_the_closed_form_at_any_step_count(
        OptionType type, double s, double t, double r, double q, double sigma, int steps)
    {
        const ulong seed = 0xF10A7;
        var mc = MonteCarloEngine.Run(Spec(new PayoffSpec(PayoffKind.FloatingLookback, type, 1.0), s, t, r, q, sigma, 65_536, steps, seed));
        double Price(double spot, double vol) => FloatingLookbackOption.Price(new FloatingLookbackParameters(type, spot, spot, t, r, q, vol));
        var price = Price(s, sigma);
        var vega = (Price(s, sigma + 1e-5) - Price(s, sigma - 1e-5)) / 2e-5;
        var context = $"seed {seed}, {type} S={s} T={t} r={r} q={q} sigma={sigma} steps={steps}";
        Within(mc.Price, mc.StandardError, price, 4, "price", context);

        // At inception the price is homogeneous of degree one in S (the extreme starts at S), so delta = price/S.
        Within(mc.Delta, mc.DeltaStandardError, price / s, 4, "delta", context);
        Within(mc.Vega, mc.VegaStandardError, vega, 4, "vega", context);
    }

    [Fact]
    public void Fixed_strike_price_delta_and_vega_agree_with_QuantLib()
    {
        const ulong seed = 0xF1CED;
        foreach (var row in Table("quantlib_fixed_lookback.csv"))
        {
            var type = Enum.Parse<OptionType>(row["type"]);
            var spec = Spec(
                new PayoffSpec(PayoffKind.FixedLookback, type, row.Number("K")),
                row.Number("S"), row.Number("T"), row.Number("r"), row.Number("q"), row.Number("sigma"), 65_536, 25, seed);
            var mc = MonteCarloEngine.Run(spec);
            var context = $"seed {seed}, steps 25, {row.Describe()}";
            Within(mc.Price, mc.StandardError, row.Number("price"), 4, "price", context);
            Within(mc.Delta, mc.DeltaStandardError, row.Number("delta"), 4, "delta", context);
            Within(mc.Vega, mc.VegaStandardError, row.Number("vega"), 4, "vega", context);
        }
    }

    [Theory]
    [InlineData(PayoffKind.FixedLookback, OptionType.Call)]
    [InlineData(PayoffKind.FixedLookback, OptionType.Put)]
    [InlineData(PayoffKind.FloatingLookback, OptionType.Call)]
    [InlineData(PayoffKind.FloatingLookback, OptionType.Put)]
    public void Grid_extremes_are_less_extreme_than_the_bridge_extremes_of_the_same_paths(PayoffKind kind, OptionType type)
    {
        const ulong seed = 0x61D;
        MonteCarloResult Run(PathMonitoring monitoring) =>
            MonteCarloEngine.Run(Spec(new PayoffSpec(kind, type, 100, Monitoring: monitoring), 100, 1, 0.03, 0.0, 0.3, 8192, 12, seed));
        var continuous = Run(PathMonitoring.Continuous);
        var discrete = Run(PathMonitoring.Discrete);

        // Each step's bridge extreme lies beyond both of its grid values, so every path pays at least as much.
        foreach (var (c, d) in continuous.Batches.Zip(discrete.Batches))
        {
            Assert.True(c.Payoff.ScaledSum > d.Payoff.ScaledSum, $"seed {seed}, {kind} {type}: batch sums continuous {c.Payoff.ToDouble():R} vs discrete {d.Payoff.ToDouble():R}");
        }
    }
}
