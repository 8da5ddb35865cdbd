using System.Globalization;
using Assay.Numerics;
using Assay.Pricing.Instruments;
using Assay.Pricing.Risk;

namespace Assay.Pricing.Tests.Risk;

/// <summary>Delta–gamma cumulants and the Cornish–Fisher quantile against mpmath, textbook identities and a published table.</summary>
public sealed class DeltaGammaVarTests
{
    public static TheoryData<string> MomentCases()
    {
        var data = new TheoryData<string>();
        foreach (var r in RiskData.Rows("delta_gamma_moments.csv"))
        {
            data.Add(r["case"]);
        }

        return data;
    }

    /// <summary>mpmath, 40 digits, by polynomial expansion and Gaussian moments (tests/data/risk/generate_delta_gamma_reference.py).</summary>
    [Theory]
    [MemberData(nameof(MomentCases))]
    public void Cumulants_match_the_exact_expansion(string name)
    {
        var r = RiskData.Rows("delta_gamma_moments.csv").Single(x => x["case"] == name);
        var a = RiskData.Numbers(r["a"]);

        var m = DeltaGammaVar.Moments(a, RiskData.Numbers(r["B"]), RiskData.Numbers(r["Sigma"]), RiskData.Number(r["drift"]));

        var inputs = $"case {name}: a [{r["a"]}], B [{r["B"]}], Sigma [{r["Sigma"]}], drift {r["drift"]}";
        var scale = Math.Sqrt(RiskData.Number(r["variance"]));
        AssertClose(RiskData.Number(r["mean"]), m.Mean, 1e-13 * scale, $"{inputs}: mean");
        AssertClose(RiskData.Number(r["variance"]), m.Variance, 1e-13 * scale * scale, $"{inputs}: variance");
        AssertClose(RiskData.Number(r["kappa3"]), m.ThirdCumulant, 1e-13 * scale * scale * scale, $"{inputs}: kappa3");
        AssertClose(RiskData.Number(r["kappa4"]), m.FourthCumulant, 1e-13 * scale * scale * scale * scale, $"{inputs}: kappa4");
    }

    public static TheoryData<int> QuantileRows() => [.. Enumerable.Range(0, RiskData.Rows("delta_gamma_quantiles.csv").Count)];

    /// <summary>
    /// One factor, ΔP = aR + ½bR²: the Cornish–Fisher VaR and ES against mpmath's (ES there by numerical integration of the
    /// quantile, here in closed form), and against the exact quantile and tail mean. The exact comparison documents the
    /// accuracy of the approximation: within 0.5% for |skewness| &lt; 1, within 6% up to |skewness| 2.7 (measured).
    /// </summary>
    [Theory]
    [MemberData(nameof(QuantileRows))]
    public void Cornish_fisher_matches_mpmath_and_approximates_the_exact_quantile(int row)
    {
        var r = RiskData.Rows("delta_gamma_quantiles.csv")[row];
        var (a, b, s, c) = (RiskData.Number(r["a"]), RiskData.Number(r["b"]), RiskData.Number(r["s"]), RiskData.Number(r["confidence"]));

        var m = DeltaGammaVar.Moments([a], [b], [s * s], 0);
        var tail = DeltaGammaVar.CornishFisher(m, c);

        var inputs = $"a {a}, b {b}, s {s}, c {c} (skewness {m.Skewness:G4}, excess kurtosis {m.ExcessKurtosis:G4})";
        AssertClose(RiskData.Number(r["cf_var"]), tail.ValueAtRisk, 1e-12 * Math.Abs(tail.ValueAtRisk), $"{inputs}: CF VaR vs mpmath");
        AssertClose(RiskData.Number(r["cf_es"]), tail.ExpectedShortfall, 1e-10 * Math.Abs(tail.ExpectedShortfall), $"{inputs}: CF ES vs mpmath");
        var tolerance = Math.Abs(m.Skewness) < 1 ? 0.005 : 0.06;
        AssertClose(RiskData.Number(r["exact_var"]), tail.ValueAtRisk, tolerance * RiskData.Number(r["exact_var"]), $"{inputs}: CF VaR vs exact");
        AssertClose(RiskData.Number(r["exact_es"]), tail.ExpectedShortfall, tolerance * RiskData.Number(r["exact_es"]), $"{inputs}: CF ES vs exact");
    }

    /// <summary>
    /// Standardised Cornish–Fisher quantiles w(z) printed in the documentation of mir-stat's cornishFisherInvCDF
    /// (https://opendlang.org/library/mir.stat.distribution.cornish_fisher.cornishFisherInvCDF.2.html), 7 digits.
    /// With mean 0 and variance 1, VaR at c is −w(Φ⁻¹(1 − c)), i.e. minus the quantile at level 1 − c.
    /// </summary>
    [Theory]
    [InlineData(0.99, 0.1, 0.0, 2.396116)]
    [InlineData(0.99, 0.1, 1.0, 2.629904)]
    [InlineData(0.99, 0.1, -1.0, 2.162328)]
    [InlineData(0.9, 0.1, 1.0, 1.220374)]
    public void Standardised_quantiles_match_a_published_table(double level, double skewness, double excessKurtosis, double quantile)
    {
        // Level u above one half: the quantile at u of X equals minus the VaR at confidence u of −X, whose skewness is −S.
        var m = new DeltaGammaMoments(0, 1, -skewness, excessKurtosis);

        var tail = DeltaGammaVar.CornishFisher(m, level);

        AssertClose(quantile, tail.ValueAtRisk, 1e-6, $"u {level}, skewness {skewness}, excess kurtosis {excessKurtosis}");
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.99)]
    [InlineData(0.999)]
    public void A_normal_profit_and_loss_has_var_z_sigma_and_es_sigma_phi_over_alpha(double confidence)
    {
        // No quadratic term: ΔP = aᵀR is normal, so VaR = z_c·σ_P and ES = σ_P·φ(z_c)/(1 − c) with σ_P = √(aᵀΣa).
        double[] cash = [400, -100];
        double[] covariance = [0.0016, 0.00096, 0.00096, 0.0036];
        var moments = DeltaGammaVar.Moments(cash, [0, 0, 0, 0], covariance, 0.0);

        var tail = DeltaGammaVar.CornishFisher(moments, confidence);

        var sigmaP = Math.Sqrt((cash[0] * cash[0] * covariance[0]) + (2 * cash[0] * cash[1] * covariance[1]) + (cash[1] * cash[1] * covariance[3]));
        var z = -Normal.InverseCdf(1 - confidence);
        var inputs = $"c {confidence}, sigma_P {sigmaP:R}";
        AssertClose(z * sigmaP, tail.ValueAtRisk, 1e-13 * z * sigmaP, $"{inputs}: VaR");
        AssertClose(sigmaP * Normal.Pdf(z) / (1 - confidence), tail.ExpectedShortfall, 1e-13 * sigmaP, $"{inputs}: ES");
    }

    [Theory]
    [InlineData("spot book", 0.99, 10)]
    [InlineData("short calls", 0.99, 30)]
    [InlineData("long puts and short calls", 0.975, 5)]
    public void Parametric_var_agrees_with_full_revaluation_monte_carlo(string book, double confidence, int horizonDays)
    {
        // Full revaluation under the same Gaussian log-return shocks is the reference; the delta–gamma–Cornish–Fisher
        // approximation must land within a few percent (it keeps the second-order term of S·e^R).
        const ulong seed = 4242;
        var market = new MarketData([new UnderlyingQuote("A", 100, 0.02, 0.0, 0.4), new UnderlyingQuote("B", 50, 0.01, 0.01, 0.25)]);
        var portfolio = book switch
        {
            "spot book" => new Portfolio([Position.Spot("A", 3), Position.Spot("B", -2)]),
            "short calls" => new Portfolio([Position.Option("A", OptionType.Call, 100, 2, -10)]),
            _ => new Portfolio([Position.Option("A", OptionType.Put, 95, 0.5, 20), Position.Option("B", OptionType.Call, 55, 1, -30)]),
        };
        var covariance = ReturnCovariance.FromVolatilities(market, new CorrelationMatrix(["A", "B"], [1, 0.3, 0.3, 1]), horizonDays);

        var parametric = DeltaGammaVar.Run(new ParametricVarParameters(portfolio, market, covariance, confidence, horizonDays));
        var mc = MonteCarloSimulation.Run(new MonteCarloVarParameters(portfolio, market, covariance, confidence, horizonDays, 200_000, seed));

        var context = $"seed {seed}, {book}, c {confidence}, {horizonDays} days: parametric {parametric.ValueAtRisk} / {parametric.ExpectedShortfall}, MC {mc.ValueAtRisk} / {mc.ExpectedShortfall}";
        Assert.True(Math.Abs(parametric.ValueAtRisk - mc.ValueAtRisk) <= 0.04 * mc.ValueAtRisk, "VaR " + context);
        Assert.True(Math.Abs(parametric.ExpectedShortfall - mc.ExpectedShortfall) <= 0.06 * mc.ExpectedShortfall, "ES " + context);
    }

    [Fact]
    public void A_portfolio_outside_the_cornish_fisher_domain_is_refused_instead_of_giving_es_below_var()
    {
        // A long at-the-money straddle a week before expiry: the P&L is dominated by gamma, heavily skewed, and the
        // expansion's quantile turns back in the tail (it gave ES < 0 < VaR before this check).
        var market = new MarketData([new UnderlyingQuote("X", 100, 0.0, 0.0, 0.4)]);
        var straddle = new Portfolio([Position.Option("X", OptionType.Call, 100, 0.03, 1), Position.Option("X", OptionType.Put, 100, 0.03, 1)]);
        var covariance = ReturnCovariance.FromVolatilities(market, CorrelationMatrix.Identity(["X"]), 7);

        var e = Assert.Throws<PricingInputException>(() => DeltaGammaVar.Run(new ParametricVarParameters(straddle, market, covariance, 0.99, 7)));

        Assert.Equal("method", e.Field);
        Assert.Contains("Cornish-Fisher", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Portfolio_cumulants_come_from_the_BSM_greeks_with_theta_in_the_mean()
    {
        // The portfolio's cumulants are those of its BSM delta, gamma and theta; theta (negative) lowers the mean.
        var market = new MarketData([new UnderlyingQuote("A", 100, 0.03, 0.0, 0.25)]);
        var option = new Portfolio([Position.Option("A", OptionType.Call, 100, 0.1, 10)]);
        var covariance = ReturnCovariance.FromVolatilities(market, CorrelationMatrix.Identity(["A"]), 5);

        var result = DeltaGammaVar.Run(new ParametricVarParameters(option, market, covariance, 0.99, 5));

        var greeks = Engines.Analytic.BlackScholesMerton.Greeks(new(OptionType.Call, 100, 100, 0.1, 0.03, 0.0, 0.25));
        var s2 = covariance[0, 0];
        var cash = 10 * 100 * greeks.Delta;
        var cashGamma = (10 * 100 * 100 * greeks.Gamma) + cash; // the S·Δ part is the convexity of S·e^R
        var moments = DeltaGammaVar.Moments([cash], [cashGamma], [s2], 10 * greeks.Theta * 5 / 365.0);
        var expected = DeltaGammaVar.CornishFisher(moments, 0.99);
        AssertClose(expected.ValueAtRisk, result.ValueAtRisk, 1e-12 * expected.ValueAtRisk, "VaR from the BSM Greeks");
        Assert.True(moments.Mean < 0.5 * cashGamma * s2, $"theta {greeks.Theta}: mean {moments.Mean} should be below the gamma term {0.5 * cashGamma * s2}");
    }

    [Fact]
    public void A_covariance_for_another_horizon_is_rejected()
    {
        var market = RiskData.Market();
        var covariance = ReturnCovariance.FromHistory(RiskData.EuStockMarkets(), 1, HistoricalWindows.Overlapping);

        var ex = Assert.Throws<PricingInputException>(() => DeltaGammaVar.Run(new ParametricVarParameters(RiskData.Portfolio("linear"), market, covariance, 0.99, 10)));

        Assert.Equal("horizon_days", ex.Field);
        Assert.Equal("horizon_days is 10 but the covariance is of 1-day returns", ex.Message);
    }

    [Fact]
    public void History_covariance_is_the_sample_covariance_of_log_returns()
    {
        var history = new PriceHistory(["X", "Y"], [[100, 110, 99, 120, 118], [50, 51, 49, 52, 55]]);

        var cov = ReturnCovariance.FromHistory(history, 1, HistoricalWindows.Overlapping);

        var x = new[] { Math.Log(110 / 100.0), Math.Log(99 / 110.0), Math.Log(120 / 99.0), Math.Log(118 / 120.0) };
        var y = new[] { Math.Log(51 / 50.0), Math.Log(49 / 51.0), Math.Log(52 / 49.0), Math.Log(55 / 52.0) };
        var (mx, my) = (x.Average(), y.Average());
        var cxy = x.Zip(y, (u, v) => (u - mx) * (v - my)).Sum() / 3;
        AssertClose(cxy, cov[0, 1], 1e-15, "cov(X, Y)");
        Assert.Equal(cov[0, 1], cov[1, 0]);
        AssertClose(x.Sum(u => (u - mx) * (u - mx)) / 3, cov[0, 0], 1e-15, "var(X)");
    }

    [Fact]
    public void Invalid_correlation_is_rejected_naming_the_underlyings()
    {
        var ex = Assert.Throws<PricingInputException>(() => new CorrelationMatrix(["DAX", "SMI", "CAC"], [1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1]));

        Assert.Equal("correlation", ex.Field);
        Assert.Equal(
            "correlation matrix is not positive semi-definite: pivot 3 is -15.2 (at CAC; rows and columns in the order DAX, SMI, CAC)",
            ex.Message);
    }

    private static void AssertClose(double expected, double actual, double tolerance, string what) =>
        Assert.True(
            Math.Abs(actual - expected) <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R}, difference {actual - expected:E3} > {tolerance:E2}"));
}
