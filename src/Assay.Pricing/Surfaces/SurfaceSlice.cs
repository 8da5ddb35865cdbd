namespace Assay.Pricing.Surfaces;

/// <summary>One fitted expiry of a surface: its forward and its raw SVI parameters.</summary>
/// <param name="ExpiryYears">Time to expiry T &gt; 0 in years.</param>
/// <param name="Forward">Forward F &gt; 0 for the expiry.</param>
/// <param name="Parameters">The raw SVI total variance of the slice in k = ln(K/F).</param>
public readonly record struct SurfaceSlice(double ExpiryYears, double Forward, SviParameters Parameters);
