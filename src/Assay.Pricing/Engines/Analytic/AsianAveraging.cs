namespace Assay.Pricing.Engines.Analytic;

/// <summary>How an Asian option's average is sampled.</summary>
public enum AsianAveraging
{
    /// <summary>Continuous average over [0, T].</summary>
    Continuous,

    /// <summary>Average of N fixings at t_i = i·T/N, i = 1..N.</summary>
    Discrete,
}
