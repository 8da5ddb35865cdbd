namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>The running statistics a path walk can collect; a payoff names the ones it needs in its <see cref="PathRequirements"/>.</summary>
[Flags]
internal enum PathStatisticKinds
{
    /// <summary>Only the terminal spot and the terminal Brownian value.</summary>
    Terminal = 0,

    /// <summary>Σ S(t_j) over the fixing dates.</summary>
    ArithmeticSum = 1,

    /// <summary>Σ ln(S(t_j)/S(0)) over the fixing dates.</summary>
    LogSum = 2,

    /// <summary>The minimum of the path (over S(0) and the grid dates, or continuously with <see cref="Bridge"/>).</summary>
    Minimum = 4,

    /// <summary>The maximum of the path (over S(0) and the grid dates, or continuously with <see cref="Bridge"/>).</summary>
    Maximum = 8,

    /// <summary>Monitor continuously between grid dates through the Brownian bridge: sampled extremes, barrier crossing probabilities.</summary>
    Bridge = 16,

    /// <summary>Monitor a barrier below the spot (knock-out weight and rebate discount; see <see cref="PathStatistics{TLane}.Survival"/>).</summary>
    DownBarrier = 32,

    /// <summary>Monitor a barrier above the spot.</summary>
    UpBarrier = 64,

    /// <summary>Carry the pathwise derivatives of the statistics with respect to S(0) and σ.</summary>
    Sensitivities = 128,

    /// <summary>Compute the likelihood-ratio scores of the path's law with respect to S(0) and σ.</summary>
    Scores = 256,
}
