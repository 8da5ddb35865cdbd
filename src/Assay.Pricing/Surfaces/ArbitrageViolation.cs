namespace Assay.Pricing.Surfaces;

/// <summary>One grid point where a surface admits static arbitrage.</summary>
/// <param name="Kind">Butterfly or calendar.</param>
/// <param name="SliceIndex">The slice (0-based, increasing expiry); for a calendar violation the later of the two slices.</param>
/// <param name="ExpiryYears">That slice's expiry.</param>
/// <param name="LogMoneyness">The grid point k = ln(K/F).</param>
/// <param name="Value">Butterfly: g(k) &lt; 0. Calendar: w_i(k) − w_(i−1)(k) &lt; 0.</param>
public readonly record struct ArbitrageViolation(ArbitrageKind Kind, int SliceIndex, double ExpiryYears, double LogMoneyness, double Value);
