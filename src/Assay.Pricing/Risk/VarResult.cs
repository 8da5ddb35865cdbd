namespace Assay.Pricing.Risk;

/// <summary>The outcome of a VaR run: VaR and expected shortfall as positive losses, and the scenario P&amp;L behind them.</summary>
/// <param name="Method">How the P&amp;L distribution was obtained.</param>
/// <param name="Confidence">Confidence level c, in (0.5, 1).</param>
/// <param name="HorizonDays">Horizon h in days.</param>
/// <param name="ValueAtRisk">VaR at c over h days, in the portfolio's currency, as a positive loss.</param>
/// <param name="ExpectedShortfall">Expected shortfall at c over h days, as a positive loss.</param>
/// <param name="ScenarioCount">Number of scenarios n (0 for the parametric method).</param>
/// <param name="ProfitAndLoss">The P&amp;L of every scenario in scenario order (empty for the parametric method).</param>
public readonly record struct VarResult(
    VarMethod Method,
    double Confidence,
    int HorizonDays,
    double ValueAtRisk,
    double ExpectedShortfall,
    int ScenarioCount,
    ReadOnlyMemory<double> ProfitAndLoss);
