using Assay.Pricing.Batch;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Correlated multi-asset GBM and the basket option.</summary>
public class BasketMonteCarloTests
{
    [Fact]
    public void A_one_asset_basket_reproduces_the_single_asset_engine_bit_for_bit()
    {
        const ulong seed = 314;
        var settings = new MonteCarloSettings(20_000, 3, seed);
        var basket = MonteCarloEngine.Run(new MonteCarloSpec(
            new BasketModel([100.0], [0.02], [0.25], [1.0], [1.0], 1.0, 0.05), new PayoffSpec(PayoffKind.Basket, OptionType.Call, 105), settings));
        var single = MonteCarloEngine.Run(new MonteCarloSpec(
            new GbmModel(100, 1.0, 0.05, 0.02, 0.25), new PayoffSpec(PayoffKind.European, OptionType.Call, 105), settings));
        Assert.True(single.Totals.Payoff == basket.Totals.Payoff, $"seed {seed}: payoff sums differ");
        Assert.Equal(single.Totals.Delta, basket.Totals.Delta);
        Assert.Equal(single.Price, basket.Price);
        Assert.Equal(single.Vega, basket.Vega, 1e-12); // same estimator, rounded in another order
    }

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void Perfectly_correlated_assets_with_equal_vol_and_yield_price_as_one_lognormal_asset(OptionType type)
    {
        // Correlation 1 is a rank-deficient matrix: B(t) = 0.6·S1 + 0.4·S2 is then one GBM with spot 0.6·90 + 0.4·120.
        const ulong seed = 2718;
        var model = new BasketModel([90.0, 120.0], [0.01, 0.01], [0.3, 0.3], [0.6, 0.4], [1.0, 1.0, 1.0, 1.0], 0.75, 0.04);
        var mc = MonteCarloEngine.Run(new MonteCarloSpec(model, new PayoffSpec(PayoffKind.Basket, type, 100), new MonteCarloSettings(65_536, 1, seed)));
        var exact = BlackScholesMerton.Greeks(new BlackScholesParameters(type, 102, 100, 0.75, 0.04, 0.01, 0.3));
        var context = $"seed {seed}, {type}: MC {mc.Price} ± {mc.StandardError} vs {exact.Price}";
        Assert.True(Math.Abs(mc.Price - exact.Price) <= 4 * mc.StandardError, context);
        Assert.True(Math.Abs(mc.Delta - exact.Delta) <= 4 * mc.DeltaStandardError, $"delta {mc.Delta} ± {mc.DeltaStandardError} vs {exact.Delta}; " + context);
        Assert.True(Math.Abs(mc.Vega - exact.Vega) <= 4 * mc.VegaStandardError, $"vega {mc.Vega} ± {mc.VegaStandardError} vs {exact.Vega}; " + context);
    }

    [Fact]
    public void Call_minus_put_is_the_discounted_basket_forward_minus_strike_path_by_path()
    {
        // Same seed: per path C − P = e^(−rT)(B(T) − K), so the estimates differ by exactly the mean of that, whose
        // expectation is e^(−rT)(Σ w_i S_i e^((r − q_i)T) − K).
        const ulong seed = 55;
        double[] correlation = [1.0, 0.5, -0.2, 0.5, 1.0, 0.3, -0.2, 0.3, 1.0];
        var model = new BasketModel([100.0, 50.0, 200.0], [0.0, 0.03, 0.01], [0.2, 0.4, 0.25], [0.5, 1.0, 0.25], correlation, 2.0, 0.03);
        var settings = new MonteCarloSettings(65_536, 4, seed);
        var call = MonteCarloEngine.Run(new MonteCarloSpec(model, new PayoffSpec(PayoffKind.Basket, OptionType.Call, 150), settings));
        var put = MonteCarloEngine.Run(new MonteCarloSpec(model, new PayoffSpec(PayoffKind.Basket, OptionType.Put, 150), settings));
        var forward = (0.5 * 100 * Math.Exp(0.03 * 2)) + (50 * Math.Exp(0.0 * 2)) + (0.25 * 200 * Math.Exp(0.02 * 2));
        var parity = Math.Exp(-0.03 * 2) * (forward - 150);
        var error = Math.Sqrt((call.StandardError * call.StandardError) + (put.StandardError * put.StandardError));
        Assert.True(Math.Abs(call.Price - put.Price - parity) <= 4 * error, $"seed {seed}: C − P = {call.Price - put.Price}, parity {parity}, error {error}");
    }

    [Fact]
    public void Basket_sums_are_identical_for_every_thread_count_and_lane_width()
    {
        const ulong seed = 8;
        double[] correlation = [1.0, 0.7, 0.7, 1.0];
        var model = new BasketModel([100.0, 80.0], [0.0, 0.02], [0.2, 0.35], [1.0, 1.0], correlation, 1.0, 0.02);
        BatchSums? reference = null;
        foreach (var threads in new[] { 1, 2, -1 })
        {
            foreach (var width in new[] { BatchVectorWidth.Scalar, BatchVectorWidth.Vector256, BatchVectorWidth.Vector512 })
            {
                var run = MonteCarloEngine.Run(new MonteCarloSpec(
                    model, new PayoffSpec(PayoffKind.Basket, OptionType.Call, 180), new MonteCarloSettings(9_003, 3, seed, false, threads, width)));
                reference ??= run.Totals;
                Assert.True(reference == run.Totals, $"seed {seed}, threads {threads}, width {width}");
            }
        }
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.2, 1.2, 1.0 }, "correlation")]
    [InlineData(new[] { 1.0, 0.9, 0.2, 0.9, 1.0, -0.9, 0.2, -0.9, 1.0 }, "correlation")] // 3 assets needed below; wrong size here
    public void A_bad_correlation_matrix_is_refused_naming_the_field(double[] correlation, string field)
    {
        var model = new BasketModel([100.0, 100.0], [0.0, 0.0], [0.2, 0.2], [1.0, 1.0], correlation, 1.0, 0.0);
        var e = Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(
            new MonteCarloSpec(model, new PayoffSpec(PayoffKind.Basket, OptionType.Call, 200), new MonteCarloSettings(1000, 1, 1))));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_correlation_matrix_that_is_not_positive_semi_definite_is_refused()
    {
        double[] correlation = [1.0, 0.9, 0.2, 0.9, 1.0, -0.9, 0.2, -0.9, 1.0];
        var model = new BasketModel([100.0, 100.0, 100.0], [0.0, 0.0, 0.0], [0.2, 0.2, 0.2], [1.0, 1.0, 1.0], correlation, 1.0, 0.0);
        var e = Assert.Throws<PricingInputException>(() => MonteCarloEngine.Run(
            new MonteCarloSpec(model, new PayoffSpec(PayoffKind.Basket, OptionType.Call, 300), new MonteCarloSettings(1000, 1, 1))));
        Assert.Equal("correlation", e.Field);
        Assert.Contains("positive semi-definite", e.Message, StringComparison.Ordinal);
    }
}
