using Assay.Numerics;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using static Assay.Pricing.Tests.MonteCarlo.PathDependentSpecs;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Single barriers on GBM: bridge-corrected continuous monitoring against Reiner–Rubinstein, discrete monitoring, in–out parity.</summary>
public class PathDependentBarrierTests
{
    // Broadie, Glasserman & Kou (1997), "A continuity correction for discrete barrier options", Math. Finance 7(4):
    // a barrier monitored every Δt prices like a continuous one shifted away from the spot by e^(±βσ√Δt), β = −ζ(1/2)/√(2π).
    private const double BroadieGlassermanKouBeta = 0.5825971579390106;

    // (type, barrier type, S, K, H, rebate, T, r, q, sigma): all eight combinations, with and without rebate, K above and below H.
    public static TheoryData<OptionType, BarrierType, double, double, double, double, double, double, double, double> Grid => new()
    {
        { OptionType.Call, BarrierType.DownOut, 100, 100, 90, 3.0, 1.0, 0.05, 0.02, 0.25 },
        { OptionType.Call, BarrierType.DownIn, 100, 95, 92, 2.0, 0.5, 0.03, 0.00, 0.30 },
        { OptionType.Call, BarrierType.UpOut, 100, 95, 125, 1.5, 1.0, 0.04, 0.01, 0.20 },
        { OptionType.Call, BarrierType.UpIn, 100, 105, 115, 0.0, 1.0, 0.05, 0.00, 0.25 },
        { OptionType.Put, BarrierType.DownOut, 100, 100, 85, 0.0, 1.0, 0.05, 0.02, 0.25 },
        { OptionType.Put, BarrierType.DownIn, 100, 105, 90, 2.5, 0.75, 0.02, 0.03, 0.35 },
        { OptionType.Put, BarrierType.UpOut, 100, 110, 115, 2.0, 1.0, 0.05, 0.00, 0.25 },
        { OptionType.Put, BarrierType.UpIn, 100, 95, 110, 1.0, 0.5, 0.03, 0.01, 0.30 },
    };

    [Theory]
    [MemberData(nameof(Grid))]
    public void Bridge_corrected_price_delta_and_vega_agree_with_Reiner_Rubinstein_within_four_standard_errors(
        OptionType type, BarrierType barrierType, double s, double k, double h, double rebate, double t, double r, double q, double sigma)
    {
        const ulong seed = 0xBA44;
        const int steps = 50;
        var payoff = Barrier(type, barrierType, k, h, rebate, PathMonitoring.Continuous);
        var mc = MonteCarloEngine.Run(Spec(payoff, s, t, r, q, sigma, 65_536, steps, seed));
        double Price(double spot, double vol) => BarrierOption.Price(new BarrierParameters(type, barrierType, spot, k, h, rebate, t, r, q, vol));
        var price = Price(s, sigma);
        var delta = (Price(s * 1.0001, sigma) - Price(s * 0.9999, sigma)) / (s * 0.0002);
        var vega = (Price(s, sigma + 1e-5) - Price(s, sigma - 1e-5)) / 2e-5;

        // The only bias: a knock-out rebate is paid at the end of the step that hit, not at the hit.
        var rebateTiming = rebate * (1.0 - DMath.Exp(-r * t / steps));
        var context = $"seed {seed}, {type} {barrierType} S={s} K={k} H={h} rebate={rebate} T={t} r={r} q={q} sigma={sigma} steps={steps}";
        Within(mc.Price, mc.StandardError + rebateTiming, price, 4, "price", context);
        Within(mc.Delta, mc.DeltaStandardError, delta, 4, "delta", context);
        Within(mc.Vega, mc.VegaStandardError, vega, 4, "vega", context);
    }

    [Theory]
    [InlineData(OptionType.Call, BarrierType.DownOut, 100.0, 90.0)]
    [InlineData(OptionType.Put, BarrierType.UpOut, 100.0, 115.0)]
    [InlineData(OptionType.Call, BarrierType.UpIn, 100.0, 115.0)]
    public void Grid_monitoring_knocks_less_than_continuous_and_matches_the_Broadie_Glasserman_Kou_shift(OptionType type, BarrierType barrierType, double k, double h)
    {
        const ulong seed = 0xB6C;
        const double s = 100, t = 1.0, r = 0.05, q = 0.01, sigma = 0.25;
        const int steps = 25;
        var continuous = MonteCarloEngine.Run(Spec(Barrier(type, barrierType, k, h, 0.0, PathMonitoring.Continuous), s, t, r, q, sigma, 65_536, steps, seed));
        var discrete = MonteCarloEngine.Run(Spec(Barrier(type, barrierType, k, h, 0.0, PathMonitoring.Discrete), s, t, r, q, sigma, 65_536, steps, seed));
        var context = $"seed {seed}, {type} {barrierType} S={s} K={k} H={h} T={t} r={r} q={q} sigma={sigma} steps={steps}: continuous {continuous.Price:R} ± {continuous.StandardError:R}, discrete {discrete.Price:R} ± {discrete.StandardError:R}";

        // On the same grid values the bridge weight Π(1 − p_i) never exceeds the grid indicator, path by path.
        var knockOut = barrierType is BarrierType.DownOut or BarrierType.UpOut;
        Assert.True(knockOut ? discrete.Price > continuous.Price : discrete.Price < continuous.Price, context);

        var shift = DMath.Exp((barrierType is BarrierType.UpOut or BarrierType.UpIn ? 1.0 : -1.0) * BroadieGlassermanKouBeta * sigma * Math.Sqrt(t / steps));
        double Shifted(double spot, double vol) => BarrierOption.Price(new BarrierParameters(
            type, barrierType, spot, k, h * DMath.Exp((barrierType is BarrierType.UpOut or BarrierType.UpIn ? 1.0 : -1.0) * BroadieGlassermanKouBeta * vol * Math.Sqrt(t / steps)), 0.0, t, r, q, vol));
        var approx = BarrierOption.Price(new BarrierParameters(type, barrierType, s, k, h * shift, 0.0, t, r, q, sigma));
        Within(discrete.Price, discrete.StandardError, approx, 4, "discrete vs BGK price", context);

        // Grid monitoring: likelihood-ratio Greeks, compared with the shifted formula's.
        var delta = (Shifted(s * 1.0001, sigma) - Shifted(s * 0.9999, sigma)) / (s * 0.0002);
        var vega = (Shifted(s, sigma + 1e-5) - Shifted(s, sigma - 1e-5)) / 2e-5;
        Within(discrete.Delta, discrete.DeltaStandardError, delta, 4, "discrete LR delta vs BGK", context);
        Within(discrete.Vega, discrete.VegaStandardError, vega, 4, "discrete LR vega vs BGK", context);
    }

    [Theory]
    [InlineData(OptionType.Call, false, 90.0)]
    [InlineData(OptionType.Put, true, 112.0)]
    public void Knock_in_plus_knock_out_is_the_vanilla_on_every_path(OptionType type, bool up, double h)
    {
        const ulong seed = 0x1A0;
        const int steps = 20;
        var (outType, inType) = up ? (BarrierType.UpOut, BarrierType.UpIn) : (BarrierType.DownOut, BarrierType.DownIn);
        MonteCarloResult Run(PayoffSpec payoff) => MonteCarloEngine.Run(Spec(payoff, 100, 1, 0.04, 0.01, 0.3, 20_000, steps, seed));
        var vanilla = Run(new PayoffSpec(PayoffKind.European, type, 100));
        var context = $"seed {seed}, {type} H={h}";

        // Grid monitoring: each path's vanilla payoff goes whole to exactly one of the two, so the exact sums add up.
        var discreteOut = Run(Barrier(type, outType, 100, h, 0.0, PathMonitoring.Discrete));
        var discreteIn = Run(Barrier(type, inType, 100, h, 0.0, PathMonitoring.Discrete));
        Assert.True(discreteOut.Totals.Payoff.ScaledSum + discreteIn.Totals.Payoff.ScaledSum == vanilla.Totals.Payoff.ScaledSum, "discrete: " + context);
        Assert.True(discreteOut.Price > 0 && discreteIn.Price > 0, "both legs must be alive: " + context);

        // Bridge weights split each payoff as V·w + V·(1 − w): equal up to the rounding of the two products.
        var continuousOut = Run(Barrier(type, outType, 100, h, 0.0, PathMonitoring.Continuous));
        var continuousIn = Run(Barrier(type, inType, 100, h, 0.0, PathMonitoring.Continuous));
        var sum = continuousOut.Price + continuousIn.Price;
        Assert.True(Math.Abs(sum - vanilla.Price) <= 1e-12 * vanilla.Price, $"continuous: out {continuousOut.Price:R} + in {continuousIn.Price:R} = {sum:R} vs vanilla {vanilla.Price:R}; {context}");
        Assert.True(Math.Abs(continuousOut.Delta + continuousIn.Delta - vanilla.Delta) <= 1e-10, $"continuous delta: {context}");
        Assert.True(Math.Abs(continuousOut.Vega + continuousIn.Vega - vanilla.Vega) <= 1e-9, $"continuous vega: {context}");
    }

    [Fact]
    public void A_spot_already_beyond_the_barrier_pays_the_rebate_now_or_the_vanilla()
    {
        const ulong seed = 5;
        var knockedOut = MonteCarloEngine.Run(Spec(Barrier(OptionType.Call, BarrierType.DownOut, 100, 105, 2.5, PathMonitoring.Continuous), 100, 1, 0.05, 0, 0.2, 4096, 10, seed));
        Assert.Equal(2.5, knockedOut.Price);
        Assert.Equal(0.0, knockedOut.StandardError);
        var knockedIn = MonteCarloEngine.Run(Spec(Barrier(OptionType.Call, BarrierType.UpIn, 100, 95, 2.5, PathMonitoring.Discrete), 100, 1, 0.05, 0, 0.2, 4096, 10, seed));
        var vanilla = MonteCarloEngine.Run(Spec(new PayoffSpec(PayoffKind.European, OptionType.Call, 100), 100, 1, 0.05, 0, 0.2, 4096, 10, seed));
        Assert.Equal(vanilla.Totals.Payoff, knockedIn.Totals.Payoff);
    }

    [Theory]
    [InlineData(0.0, 0.0, (int)BarrierType.DownOut, "H")]
    [InlineData(90.0, -1.0, (int)BarrierType.DownOut, "rebate")]
    [InlineData(90.0, 0.0, 7, "barrier_type")]
    public void Barrier_terms_out_of_range_name_the_field(double h, double rebate, int barrierType, string field)
    {
        var payoff = Barrier(OptionType.Call, (BarrierType)barrierType, 100, h, rebate, PathMonitoring.Continuous);
        var e = Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(Spec(payoff, 100, 1, 0, 0, 0.2, 1000, 10, 1)));
        Assert.Equal(field, e.Field);
    }
}
