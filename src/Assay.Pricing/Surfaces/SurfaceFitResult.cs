namespace Assay.Pricing.Surfaces;

/// <summary>The outcome of a surface fit: the surface, the per-slice fits and the arbitrage left on the check grid.</summary>
/// <param name="Model">The parameterisation used.</param>
/// <param name="Surface">The fitted surface.</param>
/// <param name="Slices">One fit per expiry, in increasing expiry.</param>
/// <param name="Violations">Butterfly and calendar violations of the final surface on the options' grid (empty when clean).</param>
public sealed record SurfaceFitResult(
    SurfaceModel Model,
    VolSurface Surface,
    IReadOnlyList<SliceFit> Slices,
    IReadOnlyList<ArbitrageViolation> Violations);
