namespace Assay.Pricing.Surfaces.Calibration;

/// <summary>A function to minimise over a box; implemented by structs so the optimiser is specialised per objective.</summary>
internal interface IObjective
{
    /// <summary>The value at <paramref name="x"/> (NaN is treated as +∞).</summary>
    double Evaluate(ReadOnlySpan<double> x);
}
