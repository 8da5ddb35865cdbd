namespace Assay.Pricing.MonteCarlo;

/// <summary>A Monte Carlo Heston vega ∂V/∂√v0 by bump and reprice, with its standard error.</summary>
/// <remarks>Vega is per 1.00 of the initial volatility √v0 (as Black–Scholes vega is per 1.00 of σ).</remarks>
/// <param name="Vega">(V(√v0 + h) − V(√v0 − h))/(2h) on common random numbers (one-sided at the boundary v0 = 0).</param>
/// <param name="StandardError">Standard error of <see cref="Vega"/> from the spread of the per-batch differences.</param>
/// <param name="VolatilityUp">The bumped-up initial volatility √v0 + h.</param>
/// <param name="VolatilityDown">The bumped-down initial volatility max(√v0 − h, 0).</param>
/// <param name="Batches">Number of batches the standard error is estimated from.</param>
public readonly record struct HestonVegaResult(double Vega, double StandardError, double VolatilityUp, double VolatilityDown, long Batches);
