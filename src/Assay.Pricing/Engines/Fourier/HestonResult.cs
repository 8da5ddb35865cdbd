namespace Assay.Pricing.Engines.Fourier;

/// <summary>A Heston price with the diagnostics of its numerical integration.</summary>
/// <param name="Price">The option value in currency units of the spot.</param>
/// <param name="ErrorEstimate">The integrator's estimate of the absolute quadrature error of <paramref name="Price"/>.</param>
/// <param name="Evaluations">The number of characteristic-function evaluations used.</param>
public readonly record struct HestonResult(double Price, double ErrorEstimate, int Evaluations);
