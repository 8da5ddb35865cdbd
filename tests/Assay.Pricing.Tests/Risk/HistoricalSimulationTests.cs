using System.Globalization;
using Assay.Pricing.Instruments;
using Assay.Pricing.Risk;

namespace Assay.Pricing.Tests.Risk;

/// <summary>Historical simulation against an independent R computation on EuStockMarkets, plus laws and rejections.</summary>
public sealed class HistoricalSimulationTests
{
    public static TheoryData<string, int, string, double> ReferenceCases()
    {
        var data = new TheoryData<string, int, string, double>();
        foreach (var r in RiskData.Rows("eustockmarkets_var_reference.csv"))
        {
            data.Add(r["portfolio"], int.Parse(r["horizon_days"], CultureInfo.InvariantCulture), r["windows"], RiskData.Number(r["confidence"]));
        }

        return data;
    }

    /// <summary>R 4.2.2 (tests/data/risk/export_eustockmarkets.R): quantile(type = 1) and an explicit sort, BSM with pnorm.</summary>
    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void Var_and_es_match_the_R_reference(string portfolio, int horizonDays, string windows, double confidence)
    {
        var reference = RiskData.Rows("eustockmarkets_var_reference.csv").Single(r =>
            r["portfolio"] == portfolio && r["horizon_days"] == horizonDays.ToString(CultureInfo.InvariantCulture)
            && r["windows"] == windows && RiskData.Number(r["confidence"]) == confidence);
        var window = windows == "overlapping" ? HistoricalWindows.Overlapping : HistoricalWindows.NonOverlapping;

        var result = HistoricalSimulation.Run(new HistoricalVarParameters(
            RiskData.Portfolio(portfolio), RiskData.Market(), RiskData.EuStockMarkets(), confidence, horizonDays, window));

        var inputs = $"portfolio {portfolio}, h {horizonDays}, {windows}, c {confidence}";
        Assert.Equal(int.Parse(reference["scenarios"], CultureInfo.InvariantCulture), result.ScenarioCount);
        Assert.Equal(int.Parse(reference["k"], CultureInfo.InvariantCulture), TailRisk.TailCount(result.ScenarioCount, confidence));
        AssertRelative(RiskData.Number(reference["var"]), result.ValueAtRisk, 1e-9, $"{inputs}: VaR");
        AssertRelative(RiskData.Number(reference["es"]), result.ExpectedShortfall, 1e-9, $"{inputs}: ES");
        Assert.Equal(VarMethod.Historical, result.Method);
        Assert.Equal(result.ScenarioCount, result.ProfitAndLoss.Length);
    }

    [Fact]
    public void Profit_and_loss_is_bit_identical_on_one_and_two_threads()
    {
        var p = new HistoricalVarParameters(RiskData.Portfolio("options"), RiskData.Market(), RiskData.EuStockMarkets(), 0.99, 1);

        var one = HistoricalSimulation.Run(p, maxDegreeOfParallelism: 1);
        var two = HistoricalSimulation.Run(p, maxDegreeOfParallelism: 2);

        Assert.True(one.ProfitAndLoss.Span.SequenceEqual(two.ProfitAndLoss.Span), "options portfolio, h 1: P&L differs between 1 and 2 threads");
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.ValueAtRisk), BitConverter.DoubleToInt64Bits(two.ValueAtRisk));
    }

    [Fact]
    public void A_spot_holding_scenario_is_the_historical_return_applied_to_todays_spot()
    {
        // One unit of the DAX: P&L of window t is S·(P[t+1]/P[t] − 1), up to the rounding of exp(log(·)).
        var history = RiskData.EuStockMarkets();
        var dax = history.Closes("DAX").ToArray();
        var market = RiskData.Market();
        var spot = market.Underlyings[market.IndexOf("DAX")].Spot;

        var result = HistoricalSimulation.Run(new HistoricalVarParameters(
            new Portfolio([Position.Spot("DAX", 1)]), market, history, 0.99, 1));

        for (var t = 0; t < dax.Length - 1; t++)
        {
            var expected = spot * ((dax[t + 1] / dax[t]) - 1);
            Assert.True(Math.Abs(result.ProfitAndLoss.Span[t] - expected) <= 1e-12 * spot, $"DAX spot, window {t}: {result.ProfitAndLoss.Span[t]:R} vs {expected:R}");
        }
    }

    [Fact]
    public void Non_overlapping_windows_end_at_the_last_row()
    {
        // 11 closes 1..11 of one asset, h = 3: windows [1, 4], [4, 7], [7, 10] (0-based rows) — the newest ends at row 10.
        var closes = Enumerable.Range(1, 11).Select(i => (double)i).ToArray();
        var history = new PriceHistory(["X"], [closes]);
        var market = new MarketData([new UnderlyingQuote("X", 100, 0, 0, 0.2)]);

        var result = HistoricalSimulation.Run(new HistoricalVarParameters(
            new Portfolio([Position.Spot("X", 1)]), market, history, 0.6, 3, HistoricalWindows.NonOverlapping));

        double[] expected = [100 * ((5.0 / 2) - 1), 100 * ((8.0 / 5) - 1), 100 * ((11.0 / 8) - 1)];
        Assert.Equal(3, result.ScenarioCount);
        for (var w = 0; w < 3; w++)
        {
            Assert.True(Math.Abs(result.ProfitAndLoss.Span[w] - expected[w]) <= 1e-12, $"window {w}: {result.ProfitAndLoss.Span[w]:R} vs {expected[w]:R}");
        }
    }

    [Fact]
    public void Var_grows_with_confidence_and_es_is_at_least_var()
    {
        var portfolio = RiskData.Portfolio("options");
        double previous = double.NegativeInfinity;
        foreach (var c in new[] { 0.9, 0.95, 0.975, 0.99, 0.995 })
        {
            var r = HistoricalSimulation.Run(new HistoricalVarParameters(portfolio, RiskData.Market(), RiskData.EuStockMarkets(), c, 1));
            Assert.True(r.ValueAtRisk >= previous, $"c {c}: VaR {r.ValueAtRisk} below the VaR {previous} at a lower confidence");
            Assert.True(r.ExpectedShortfall >= r.ValueAtRisk, $"c {c}: ES {r.ExpectedShortfall} < VaR {r.ValueAtRisk}");
            previous = r.ValueAtRisk;
        }
    }

    [Fact]
    public void Too_short_a_history_is_rejected_naming_the_counts()
    {
        var history = new PriceHistory(["DAX"], [[.. RiskData.EuStockMarkets().Closes("DAX")[..50]]]);

        var ex = Assert.Throws<PricingInputException>(() => HistoricalSimulation.Run(new HistoricalVarParameters(
            new Portfolio([Position.Spot("DAX", 1)]), RiskData.Market(), history, 0.99, 1)));

        Assert.Equal("history", ex.Field);
        Assert.Equal("history has 50 rows, giving 49 overlapping 1-day return(s); confidence 0.99 needs at least 100 (n·(1 − c) ≥ 1)", ex.Message);
    }

    [Fact]
    public void A_missing_history_column_is_rejected()
    {
        var history = new PriceHistory(["DAX"], [[.. RiskData.EuStockMarkets().Closes("DAX")]]);

        var ex = Assert.Throws<PricingInputException>(() => HistoricalSimulation.Run(new HistoricalVarParameters(
            RiskData.Portfolio("linear"), RiskData.Market(), history, 0.99, 1)));

        Assert.Equal("history", ex.Field);
        Assert.Equal("history has no column for underlying 'SMI' (columns: DAX)", ex.Message);
    }

    [Theory]
    [InlineData(0.5, 1, "confidence", "confidence must be a number in (0.5, 1), both ends excluded (got 0.5)")]
    [InlineData(1.0, 1, "confidence", "confidence must be a number in (0.5, 1), both ends excluded (got 1)")]
    [InlineData(double.NaN, 1, "confidence", "confidence must be a number in (0.5, 1), both ends excluded (got NaN)")]
    [InlineData(0.99, 0, "horizon_days", "horizon_days must be an integer in [1, 365] (got 0)")]
    [InlineData(0.99, 366, "horizon_days", "horizon_days must be an integer in [1, 365] (got 366)")]
    public void Confidence_and_horizon_out_of_range_are_rejected(double confidence, int horizonDays, string field, string message)
    {
        var ex = Assert.Throws<PricingInputException>(() => HistoricalSimulation.Run(new HistoricalVarParameters(
            RiskData.Portfolio("linear"), RiskData.Market(), RiskData.EuStockMarkets(), confidence, horizonDays)));

        Assert.Equal(field, ex.Field);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void An_option_expiring_within_the_horizon_is_rejected()
    {
        var portfolio = new Portfolio([Position.Spot("DAX", 1), Position.Option("DAX", OptionType.Call, 5000, 0.02, 1)]);

        var ex = Assert.Throws<PricingInputException>(() => HistoricalSimulation.Run(new HistoricalVarParameters(
            portfolio, RiskData.Market(), RiskData.EuStockMarkets(), 0.99, 10)));

        Assert.Equal("T", ex.Field);
        Assert.Equal("position 2: T must be > the horizon, 10/365 = 0.0273973 years, so that it is still alive at the horizon (got 0.02)", ex.Message);
    }

    [Fact]
    public void An_underlying_missing_from_the_market_is_rejected()
    {
        var ex = Assert.Throws<PricingInputException>(() => HistoricalSimulation.Run(new HistoricalVarParameters(
            new Portfolio([Position.Spot("DAX", 1), Position.Future("NIKKEI", 0.5, 1)]), RiskData.Market(), RiskData.EuStockMarkets(), 0.99, 1)));

        Assert.Equal("underlying", ex.Field);
        Assert.Equal("position 2: underlying 'NIKKEI' is not in the market data (it has DAX, SMI, CAC, FTSE)", ex.Message);
    }

    [Fact]
    public void A_non_positive_close_is_rejected_naming_column_and_row()
    {
        var ex = Assert.Throws<PricingInputException>(() => new PriceHistory(["A", "B"], [[1.0, 2.0, 3.0], [1.0, 0.0, 3.0]]));

        Assert.Equal("history", ex.Field);
        Assert.Equal("history column B row 2: close must be a finite number > 0 (got 0)", ex.Message);
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(
            Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R}, relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2} > {tolerance:E0}");
}
