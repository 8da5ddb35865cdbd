namespace Assay.Pricing.Surfaces;

/// <summary>The surface read at one strike and expiry.</summary>
/// <param name="Forward">The forward F(T) used, interpolated between the slices' forwards.</param>
/// <param name="LogMoneyness">k = ln(K/F(T)).</param>
/// <param name="TotalVariance">w(k, T) = σ²T.</param>
/// <param name="ImpliedVol">σ = √(w/T), annualised.</param>
public readonly record struct SurfacePoint(double Forward, double LogMoneyness, double TotalVariance, double ImpliedVol);
