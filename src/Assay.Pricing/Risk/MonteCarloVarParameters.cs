namespace Assay.Pricing.Risk;

/// <summary>Inputs of Monte Carlo full-revaluation VaR.</summary>
/// <param name="Portfolio">The positions.</param>
/// <param name="Market">Today's market: the base of every scenario.</param>
/// <param name="Covariance">Covariance of h-day log returns, covering every underlying the portfolio holds; its horizon must be <paramref name="HorizonDays"/>.</param>
/// <param name="Confidence">Confidence level c, in (0.5, 1).</param>
/// <param name="HorizonDays">Horizon h in days; time moves forward h/365 years.</param>
/// <param name="Scenarios">Number of scenarios N, in [<see cref="TailRisk.MinimumScenarios"/>(c), <see cref="MonteCarloSimulation.MaxScenarios"/>].</param>
/// <param name="Seed">The task seed: the Philox key of every variate.</param>
public readonly record struct MonteCarloVarParameters(
    Portfolio Portfolio,
    MarketData Market,
    ReturnCovariance Covariance,
    double Confidence,
    int HorizonDays,
    int Scenarios,
    ulong Seed);
