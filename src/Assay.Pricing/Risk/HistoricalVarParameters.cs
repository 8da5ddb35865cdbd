namespace Assay.Pricing.Risk;

/// <summary>Inputs of historical-simulation VaR.</summary>
/// <param name="Portfolio">The positions.</param>
/// <param name="Market">Today's market: the base of every scenario.</param>
/// <param name="History">Daily closes with a column for every underlying the portfolio holds, oldest first.</param>
/// <param name="Confidence">Confidence level c, in (0.5, 1).</param>
/// <param name="HorizonDays">Horizon h: returns over h rows of the history (business days); time moves forward h/365 years.</param>
/// <param name="Windows">Overlapping (default) or non-overlapping h-day windows.</param>
public readonly record struct HistoricalVarParameters(
    Portfolio Portfolio,
    MarketData Market,
    PriceHistory History,
    double Confidence,
    int HorizonDays,
    HistoricalWindows Windows = HistoricalWindows.Overlapping);
