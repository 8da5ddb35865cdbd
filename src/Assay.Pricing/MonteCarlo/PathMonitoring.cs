namespace Assay.Pricing.MonteCarlo;

/// <summary>When a path-dependent contract looks at the spot: at the grid dates only, or at every instant.</summary>
public enum PathMonitoring
{
    /// <summary>Continuously over [0, T], simulated exactly between grid dates through the Brownian bridge.</summary>
    Continuous,

    /// <summary>At t = 0 and the grid dates t_i = i·T/steps only.</summary>
    Discrete,
}
