namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>Which running statistics a payoff needs from the path walk (the others are not computed).</summary>
[Flags]
internal enum PathRequirements
{
    /// <summary>Only the terminal spot and the terminal Brownian value.</summary>
    Terminal = 0,

    /// <summary>Σ S(t_i) over the fixings.</summary>
    ArithmeticSum = 1,

    /// <summary>Σ ln(S(t_i)/S(0)) over the fixings.</summary>
    LogSum = 2,

    /// <summary>min over S(0) and the monitoring dates.</summary>
    Minimum = 4,

    /// <summary>max over S(0) and the monitoring dates.</summary>
    Maximum = 8,
}
