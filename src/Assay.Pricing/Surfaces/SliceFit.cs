namespace Assay.Pricing.Surfaces;

/// <summary>The fit of one expiry slice: its parameters and how well they reproduce the quotes.</summary>
/// <param name="ExpiryYears">The slice's expiry T in years.</param>
/// <param name="Forward">The slice's forward F.</param>
/// <param name="Parameters">The raw SVI parameters (for SSVI, the exact raw SVI form of the slice).</param>
/// <param name="Theta">The at-the-money total variance w(0) of the fitted slice.</param>
/// <param name="QuoteCount">The number of quotes fitted.</param>
/// <param name="RmseVolPoints">Root-mean-square implied-volatility error over the quotes, unweighted, in vol points (0.01 = 1 point).</param>
/// <param name="MaxAbsErrorVolPoints">The largest absolute implied-volatility error, in vol points.</param>
/// <param name="Iterations">Nelder–Mead iterations spent on this slice (for SSVI, on the global fit, reported on every slice).</param>
public readonly record struct SliceFit(
    double ExpiryYears,
    double Forward,
    SviParameters Parameters,
    double Theta,
    int QuoteCount,
    double RmseVolPoints,
    double MaxAbsErrorVolPoints,
    int Iterations);
