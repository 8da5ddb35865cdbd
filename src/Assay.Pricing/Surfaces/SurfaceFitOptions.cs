namespace Assay.Pricing.Surfaces;

/// <summary>Options of a surface fit.</summary>
public sealed record SurfaceFitOptions
{
    /// <summary>The default: raw SVI, no arbitrage re-fit, the default grid.</summary>
    public static SurfaceFitOptions Default { get; } = new();

    /// <summary>The parameterisation; raw SVI by default.</summary>
    public SurfaceModel Model { get; init; } = SurfaceModel.Svi;

    /// <summary>Whether raw SVI slices with butterfly or calendar violations on <see cref="Grid"/> are re-fitted with penalties.</summary>
    /// <remarks>SSVI fits are arbitrage-free by their parameter conditions and ignore this flag.</remarks>
    public bool EnforceNoArbitrage { get; init; }

    /// <summary>The k grid of the arbitrage checks (and of the re-fit's penalties).</summary>
    public ArbitrageGrid Grid { get; init; } = ArbitrageGrid.Default;
}
