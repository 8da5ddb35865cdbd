using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>GBM Monte Carlo against the analytic engines: prices and Greeks within a few standard errors.</summary>
public class MonteCarloGbmTests
{
    // (type, S, K, T, r, q, sigma): in, at and out of the money, calls and puts, short and long, with and without yield.
    public static TheoryData<OptionType, double, double, double, double, double, double> Grid => new()
    {
        { OptionType.Call, 100, 100, 1.0, 0.05, 0.02, 0.20 },
        { OptionType.Put, 100, 100, 1.0, 0.05, 0.02, 0.20 },
        { OptionType.Call, 100, 120, 0.5, 0.03, 0.00, 0.30 },
        { OptionType.Put, 100, 80, 0.5, 0.03, 0.00, 0.30 },
        { OptionType.Call, 50, 40, 2.0, 0.01, 0.03, 0.45 },
        { OptionType.Put, 50, 60, 0.25, -0.01, 0.00, 0.15 },
    };

    [Theory]
    [MemberData(nameof(Grid))]
    public void European_price_delta_and_vega_agree_with_Black_Scholes_within_four_standard_errors(
        OptionType type, double s, double k, double t, double r, double q, double sigma)
    {
        const ulong seed = 20261121;
        var spec = Spec(PayoffKind.European, type, s, k, t, r, q, sigma, paths: 65_536, steps: 1, seed);
        var mc = MonteCarloEngine.Run(spec);
        var exact = BlackScholesMerton.Greeks(new BlackScholesParameters(type, s, k, t, r, q, sigma));
        var context = $"seed {seed}, {type} S={s} K={k} T={t} r={r} q={q} sigma={sigma}: MC {mc.Price} ± {mc.StandardError}, exact {exact.Price}";
        Assert.True(Math.Abs(mc.Price - exact.Price) <= 4 * mc.StandardError, "price " + context);
        Assert.True(Math.Abs(mc.Delta - exact.Delta) <= 4 * mc.DeltaStandardError, $"delta {mc.Delta} ± {mc.DeltaStandardError} vs {exact.Delta}; " + context);
        Assert.True(Math.Abs(mc.Vega - exact.Vega) <= 4 * mc.VegaStandardError, $"vega {mc.Vega} ± {mc.VegaStandardError} vs {exact.Vega}; " + context);
        Assert.True(mc.StandardError < 0.02 * exact.Price + 0.01, "standard error too large: " + context);
    }

    [Fact]
    public void Multi_step_European_matches_the_one_step_law()
    {
        const ulong seed = 7;
        var spec = Spec(PayoffKind.European, OptionType.Call, 100, 105, 1.0, 0.04, 0.01, 0.25, paths: 32_768, steps: 12, seed);
        var mc = MonteCarloEngine.Run(spec);
        var exact = BlackScholesMerton.Price(new BlackScholesParameters(OptionType.Call, 100, 105, 1.0, 0.04, 0.01, 0.25));
        Assert.True(Math.Abs(mc.Price - exact) <= 4 * mc.StandardError, $"seed {seed}: 12 steps {mc.Price} ± {mc.StandardError} vs {exact}");
    }

    [Theory]
    [InlineData(OptionType.Call, 100, 100, 1.0, 0.05, 0.0, 0.2)]
    [InlineData(OptionType.Put, 100, 90, 0.5, 0.02, 0.01, 0.35)]
    public void Digital_price_and_likelihood_ratio_Greeks_agree_with_the_analytic_digital(
        OptionType type, double s, double k, double t, double r, double q, double sigma)
    {
        const ulong seed = 99;
        var mc = MonteCarloEngine.Run(Spec(PayoffKind.Digital, type, s, k, t, r, q, sigma, paths: 65_536, steps: 1, seed));
        double Price(double spot, double vol) =>
            DigitalOption.Price(new DigitalParameters(type, DigitalPayoff.CashOrNothing, spot, k, 1.0, t, r, q, vol));
        var price = Price(s, sigma);
        var delta = (Price(s * 1.0001, sigma) - Price(s * 0.9999, sigma)) / (s * 0.0002);
        var vega = (Price(s, sigma + 1e-5) - Price(s, sigma - 1e-5)) / 2e-5;
        var context = $"seed {seed}, {type} S={s} K={k} T={t} r={r} q={q} sigma={sigma}";
        Assert.True(Math.Abs(mc.Price - price) <= 4 * mc.StandardError, $"price {mc.Price} ± {mc.StandardError} vs {price}; {context}");
        Assert.True(Math.Abs(mc.Delta - delta) <= 4 * mc.DeltaStandardError, $"delta {mc.Delta} ± {mc.DeltaStandardError} vs {delta}; {context}");
        Assert.True(Math.Abs(mc.Vega - vega) <= 4 * mc.VegaStandardError, $"vega {mc.Vega} ± {mc.VegaStandardError} vs {vega}; {context}");
    }

    [Fact]
    public void Standard_error_falls_like_one_over_root_n()
    {
        const ulong seed = 3;
        var small = MonteCarloEngine.Run(Spec(PayoffKind.European, OptionType.Call, 100, 100, 1, 0.03, 0, 0.2, paths: 16_384, steps: 1, seed));
        var large = MonteCarloEngine.Run(Spec(PayoffKind.European, OptionType.Call, 100, 100, 1, 0.03, 0, 0.2, paths: 262_144, steps: 1, seed));
        var ratio = large.StandardError / small.StandardError;
        Assert.InRange(ratio, 0.25 * 0.9, 0.25 * 1.1); // 16× the paths: a quarter of the error
    }

    [Fact]
    public void Antithetic_variates_keep_the_price_unbiased_and_cut_the_error_of_a_near_linear_payoff()
    {
        const ulong seed = 11;
        var plain = MonteCarloEngine.Run(Spec(PayoffKind.European, OptionType.Call, 100, 80, 1, 0.03, 0, 0.2, paths: 65_536, steps: 1, seed));
        var anti = MonteCarloEngine.Run(Spec(PayoffKind.European, OptionType.Call, 100, 80, 1, 0.03, 0, 0.2, paths: 65_536, steps: 1, seed, antithetic: true));
        var exact = BlackScholesMerton.Price(new BlackScholesParameters(OptionType.Call, 100, 80, 1, 0.03, 0, 0.2));
        Assert.Equal(65_536, anti.PathsUsed);
        Assert.Equal(32_768, anti.Samples);
        Assert.True(Math.Abs(anti.Price - exact) <= 4 * anti.StandardError, $"seed {seed}: antithetic {anti.Price} ± {anti.StandardError} vs {exact}");
        Assert.True(anti.StandardError < 0.5 * plain.StandardError, $"seed {seed}: antithetic error {anti.StandardError} vs plain {plain.StandardError}");
    }

    internal static MonteCarloSpec Spec(
        PayoffKind kind, OptionType type, double s, double k, double t, double r, double q, double sigma,
        long paths, int steps, ulong seed, bool antithetic = false, int threads = -1,
        Assay.Pricing.Batch.BatchVectorWidth width = Assay.Pricing.Batch.BatchVectorWidth.Auto) =>
        new(new GbmModel(s, t, r, q, sigma), new PayoffSpec(kind, type, k), new MonteCarloSettings(paths, steps, seed, antithetic, threads, width));
}
