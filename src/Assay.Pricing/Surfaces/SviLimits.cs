namespace Assay.Pricing.Surfaces;

/// <summary>The parameter box of the SVI and SSVI fits, fixed so that every machine searches the same domain.</summary>
/// <remarks>
/// RhoMax keeps |ρ| away from 1, where the SVI smile degenerates into two straight lines. WingSlopeMax is Roger Lee's
/// moment bound on the total-variance wings (Lee 2004, "The moment formula for implied volatility at extreme
/// strikes", Math. Finance 14(3)): b(1 + |ρ|) ≤ 2. The σ box spans curvatures seen from weekly to multi-year
/// equity smiles. The m box is the quoted log-moneyness range widened by one range on each side.
/// </remarks>
public static class SviLimits
{
    /// <summary>The largest |ρ| accepted or fitted.</summary>
    public const double RhoMax = 0.999;

    /// <summary>Lee's bound on the total-variance wing slopes b(1 ± ρ).</summary>
    public const double WingSlopeMax = 2.0;

    /// <summary>The smallest σ the fit considers.</summary>
    public const double SigmaMin = 1e-3;

    /// <summary>The largest σ the fit considers.</summary>
    public const double SigmaMax = 4.0;

    /// <summary>The fewest quotes (and distinct strikes) a slice must have to be fitted.</summary>
    public const int MinQuotesPerSlice = 5;

    /// <summary>The most quotes one fit accepts.</summary>
    public const int MaxQuotes = 100_000;

    /// <summary>The most expiry slices one fit accepts.</summary>
    public const int MaxSlices = 500;
}
