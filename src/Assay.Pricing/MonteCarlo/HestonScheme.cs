namespace Assay.Pricing.MonteCarlo;

/// <summary>How the Monte Carlo engine discretises the Heston variance and log-spot over one time step.</summary>
public enum HestonScheme
{
    /// <summary>Andersen's (2008) quadratic-exponential variance step (ψ_c = 1.5) with his martingale-corrected log-spot step (γ1 = γ2 = ½).</summary>
    QuadraticExponential,

    /// <summary>Full-truncation Euler (Lord, Koekkoek and van Dijk 2010): v⁺ = max(v, 0) in drift and diffusion, log-Euler spot.</summary>
    FullTruncationEuler,
}
