using System.Globalization;
using Assay.Numerics;

namespace Assay.Pricing.Risk;

/// <summary>Historical-simulation VaR: each past h-day log return of every underlying, applied to today's spots, revalued in full.</summary>
/// <remarks>
/// Scenario w takes the window [s_w, s_w + h] of the history (<see cref="HistoricalWindows"/>), the log returns
/// r_i = ln(P_i[s_w + h]/P_i[s_w]) of every risk factor, and the spots S_i·exp(r_i); the portfolio is revalued with
/// the calendar moved forward by h/365 years (historical simulation with full valuation; Jorion, Value at Risk,
/// 3rd ed., 2007). P&amp;L[w] is in window order; VaR and ES follow <see cref="TailRisk"/>.
/// </remarks>
public static class HistoricalSimulation
{
    /// <summary>Runs the simulation.</summary>
    /// <exception cref="PricingInputException">An input is out of range; the message names the field (<c>confidence</c>,
    /// <c>horizon_days</c>, <c>history</c>, <c>underlying</c>, <c>T</c>, …) and the allowed range.</exception>
    public static VarResult Run(in HistoricalVarParameters p, int maxDegreeOfParallelism = -1)
    {
        TailRisk.ValidateConfidence(p.Confidence);
        RiskHorizon.Validate(p.HorizonDays);
        ArgumentNullException.ThrowIfNull(p.History);
        if (p.Windows is not (HistoricalWindows.Overlapping or HistoricalWindows.NonOverlapping))
        {
            InputGuard.Fail("windows", $"windows must be Overlapping or NonOverlapping (got {(int)p.Windows})");
        }

        var valuation = PortfolioValuation.Create(p.Portfolio, p.Market, p.HorizonDays);
        var starts = HistoricalReturns.WindowStarts(p.History.Length, p.HorizonDays, p.Windows);
        var needed = TailRisk.MinimumScenarios(p.Confidence);
        if (starts.Length < needed)
        {
            InputGuard.Fail("history", string.Create(CultureInfo.InvariantCulture, $"history has {p.History.Length} rows, giving {starts.Length} {(p.Windows == HistoricalWindows.Overlapping ? "overlapping" : "non-overlapping")} {p.HorizonDays}-day return(s); confidence {p.Confidence:R} needs at least {needed} (n·(1 − c) ≥ 1)"));
        }

        var returns = new double[valuation.Factors.Count][];
        for (var f = 0; f < returns.Length; f++)
        {
            returns[f] = HistoricalReturns.LogReturns(p.History.Closes(valuation.Factors[f]), starts, p.HorizonDays);
        }

        var pnl = ScenarioBlocks.Run(valuation, new Shock(valuation.Spots, returns), starts.Length, maxDegreeOfParallelism);
        var tail = TailRisk.FromProfitAndLoss(pnl, p.Confidence);
        return new VarResult(VarMethod.Historical, p.Confidence, p.HorizonDays, tail.ValueAtRisk, tail.ExpectedShortfall, pnl.Length, pnl);
    }

    private readonly struct Shock(double[] spots, double[][] returns) : IScenarioShock
    {
        public int ScratchLength(int factors) => 0;

        public void Spots(int scenario, Span<double> shocked, Span<double> scratch)
        {
            for (var f = 0; f < shocked.Length; f++)
            {
                shocked[f] = spots[f] * DMath.Exp(returns[f][scenario]);
            }
        }
    }
}
