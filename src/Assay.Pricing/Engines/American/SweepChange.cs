namespace Assay.Pricing.Engines.American;

/// <summary>The largest change of ln B(τ) over the boundary nodes in the last two fixed-point sweeps.</summary>
/// <param name="Previous">Largest |Δ ln B| in the second-to-last sweep (+∞ if there was only one sweep).</param>
/// <param name="Last">Largest |Δ ln B| in the last sweep; NaN if a node became NaN.</param>
internal readonly record struct SweepChange(double Previous, double Last);
