using System.Globalization;
using Assay.Numerics;
using Assay.Pricing.Risk;

namespace Assay.Pricing.Tests.Risk;

/// <summary>Monte Carlo VaR: bit identity across thread counts, purity per scenario, convergence to closed forms, rejections.</summary>
public sealed class MonteCarloSimulationTests
{
    private const ulong Seed = 20_260_611;

    [Fact]
    public void Another_seed_gives_other_scenarios()
    {
        var a = MonteCarloSimulation.Run(RiskData.OptionsBook(Seed, scenarios: 1000));
        var b = MonteCarloSimulation.Run(RiskData.OptionsBook(Seed, scenarios: 1000) with { Seed = Seed + 1 });

        Assert.False(a.ProfitAndLoss.Span.SequenceEqual(b.ProfitAndLoss.Span), $"seeds {Seed} and {Seed + 1} gave the same P&L");
    }

    /// <summary>
    /// Linear book (one unit of each index), flat vols and correlations, 1 day, c = 0.99, N = 100 000: MC VaR and ES against
    /// the exact delta-normal z_c·σ_P and σ_P·φ(z_c)/(1 − c). Budget 2.5%: the standard error of the empirical 99% quantile
    /// at this N is about 0.5% of the VaR (√(α(1 − α)/N)/φ(z_c)/z_c), 3 of them 1.5%, and the shock S·(e^x − 1) instead of
    /// S·x shrinks the loss by about z_c·σ_1d/2 ≈ 1% of it.
    /// </summary>
    [Fact]
    public void Linear_portfolio_var_converges_to_the_delta_normal_var()
    {
        const int N = 100_000;
        var market = RiskData.Market();
        var covariance = ReturnCovariance.FromVolatilities(market, RiskData.EuropeanCorrelation(), 1);
        var portfolio = RiskData.Portfolio("linear");

        var mc = MonteCarloSimulation.Run(new MonteCarloVarParameters(portfolio, market, covariance, 0.99, 1, N, Seed));
        var parametric = DeltaGammaVar.Run(new ParametricVarParameters(portfolio, market, covariance, 0.99, 1));

        var inputs = $"seed {Seed}, N {N}, linear book, h 1, c 0.99";
        AssertRelative(parametric.ValueAtRisk, mc.ValueAtRisk, 0.025, $"{inputs}: VaR");
        AssertRelative(parametric.ExpectedShortfall, mc.ExpectedShortfall, 0.025, $"{inputs}: ES");
    }

    /// <summary>
    /// One spot holding: the exact VaR of the lognormal shock is S·(1 − exp(σ√τ·Φ⁻¹(1 − c))). Tolerance: 3 standard errors
    /// of the empirical quantile, 3·√(α(1 − α)/N)/f(q) with f the lognormal density of the P&amp;L at the quantile.
    /// </summary>
    [Theory]
    [InlineData(0.99, 20_000)]
    [InlineData(0.95, 20_000)]
    public void Single_spot_holding_var_converges_to_the_lognormal_quantile(double confidence, int n)
    {
        var market = new MarketData([new UnderlyingQuote("A", 100, 0.0, 0.0, 0.3)]);
        var covariance = ReturnCovariance.FromVolatilities(market, CorrelationMatrix.Identity(["A"]), 10);
        var sd = 0.3 * Math.Sqrt(10 / 365.0);
        var z = Normal.InverseCdf(1 - confidence);

        var mc = MonteCarloSimulation.Run(new MonteCarloVarParameters(new Portfolio([Position.Spot("A", 1)]), market, covariance, confidence, 10, n, Seed));

        var exact = 100 * (1 - DMath.Exp(sd * z));
        var alpha = 1 - confidence;
        var density = Normal.Pdf(z) / (sd * 100 * DMath.Exp(sd * z));
        var tolerance = 3 * Math.Sqrt(alpha * (1 - alpha) / n) / density;
        Assert.True(
            Math.Abs(mc.ValueAtRisk - exact) <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"seed {Seed}, N {n}, c {confidence}: MC VaR {mc.ValueAtRisk:R}, exact {exact:R}, tolerance {tolerance:G4}"));
    }

    [Fact]
    public void A_hedge_across_perfectly_correlated_underlyings_has_no_risk()
    {
        // ρ = 1 and equal vols and spots: both legs move identically, so every scenario's P&L is exactly 0 (singular Σ).
        var market = new MarketData([new UnderlyingQuote("A", 100, 0, 0, 0.2), new UnderlyingQuote("B", 100, 0, 0, 0.2)]);
        var covariance = ReturnCovariance.FromVolatilities(market, new CorrelationMatrix(["A", "B"], [1, 1, 1, 1]), 1);

        var mc = MonteCarloSimulation.Run(new MonteCarloVarParameters(
            new Portfolio([Position.Spot("A", 1), Position.Spot("B", -1)]), market, covariance, 0.99, 1, 1000, Seed));

        Assert.All(mc.ProfitAndLoss.ToArray(), pnl => Assert.Equal(0.0, pnl));
        Assert.Equal(0.0, mc.ValueAtRisk);
    }

    [Fact]
    public void Historical_covariance_drives_the_shocks_when_given()
    {
        // One-day MC on the historical covariance against historical simulation on the same data: the linear book's
        // VaR agree within 15% (fat tails of real returns versus a Gaussian), a coarse check that the wiring is right.
        var history = RiskData.EuStockMarkets();
        var covariance = ReturnCovariance.FromHistory(history, 1, HistoricalWindows.Overlapping);
        var market = RiskData.Market();
        var portfolio = RiskData.Portfolio("linear");

        var mc = MonteCarloSimulation.Run(new MonteCarloVarParameters(portfolio, market, covariance, 0.975, 1, 20_000, Seed));
        var hs = HistoricalSimulation.Run(new HistoricalVarParameters(portfolio, market, history, 0.975, 1));

        AssertRelative(hs.ValueAtRisk, mc.ValueAtRisk, 0.15, $"seed {Seed}, N 20000, c 0.975");
    }

    [Fact]
    public void Too_few_scenarios_are_rejected_naming_the_minimum()
    {
        var ex = Assert.Throws<PricingInputException>(() => MonteCarloSimulation.Run(RiskData.OptionsBook(Seed, scenarios: 99)));

        Assert.Equal("scenarios", ex.Field);
        Assert.Equal("scenarios must be an integer in [100, 10000000] for confidence 0.99 (n·(1 − c) ≥ 1) (got 99)", ex.Message);
    }

    [Fact]
    public void A_covariance_missing_an_underlying_is_rejected()
    {
        var market = RiskData.Market();
        var covariance = ReturnCovariance.FromVolatilities(market, CorrelationMatrix.Identity(["DAX", "SMI"]), 1);

        var ex = Assert.Throws<PricingInputException>(() => MonteCarloSimulation.Run(
            new MonteCarloVarParameters(RiskData.Portfolio("linear"), market, covariance, 0.99, 1, 1000, Seed)));

        Assert.Equal("covariance", ex.Field);
        Assert.Equal("the return covariance has no entry for underlying 'CAC' (it covers DAX, SMI)", ex.Message);
    }

    [Fact]
    public void A_correlation_naming_an_unknown_underlying_is_rejected()
    {
        var ex = Assert.Throws<PricingInputException>(() => ReturnCovariance.FromVolatilities(RiskData.Market(), CorrelationMatrix.Identity(["DAX", "NIKKEI"]), 1));

        Assert.Equal("correlation", ex.Field);
        Assert.Equal("correlation matrix names underlying 'NIKKEI', which is not in the market data", ex.Message);
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(
            Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R}, relative difference {(actual - expected) / expected:P2} beyond {tolerance:P1}"));
}
