namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>One path's contributions, one lane per path: discounted payoff, Greek estimators and control variate.</summary>
/// <typeparam name="TLane">Scalar or vector lane.</typeparam>
internal struct PathSample<TLane>
    where TLane : unmanaged
{
    /// <summary>Discounted payoff Y.</summary>
    public TLane Payoff;

    /// <summary>An unbiased estimator of ∂E[Y]/∂S(0) (pathwise or likelihood ratio).</summary>
    public TLane Delta;

    /// <summary>An unbiased estimator of ∂E[Y]/∂σ.</summary>
    public TLane Vega;

    /// <summary>Control variate C with known mean (zero when the payoff has none).</summary>
    public TLane Control;
}
