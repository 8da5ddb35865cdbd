namespace Assay.Pricing.Risk;

/// <summary>Inputs of parametric delta–gamma (Cornish–Fisher) VaR.</summary>
/// <param name="Portfolio">The positions.</param>
/// <param name="Market">Today's market: where deltas, gammas and theta are taken.</param>
/// <param name="Covariance">Covariance of h-day log returns, covering every underlying the portfolio holds; its horizon must be <paramref name="HorizonDays"/>.</param>
/// <param name="Confidence">Confidence level c, in (0.5, 1).</param>
/// <param name="HorizonDays">Horizon h in days; time decay over h/365 years enters the mean.</param>
public readonly record struct ParametricVarParameters(
    Portfolio Portfolio,
    MarketData Market,
    ReturnCovariance Covariance,
    double Confidence,
    int HorizonDays);
