namespace Assay.Pricing.Surfaces;

/// <summary>The parameterisation a surface fit uses.</summary>
public enum SurfaceModel
{
    /// <summary>Independent raw SVI slices (five parameters per expiry).</summary>
    Svi,

    /// <summary>Surface SVI with the power-law φ: global ρ, η, γ and one θ per expiry.</summary>
    Ssvi,
}
