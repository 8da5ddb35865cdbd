namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>What a path walk leaves behind for the payoff, one lane per path.</summary>
/// <remarks>
/// Fields not named in the payoff's <see cref="PathRequirements"/> are left at their start values (zero, or the
/// spot for the extremes and one for <see cref="Survival"/>). The "Vega" fields are pathwise derivatives with respect
/// to σ under GBM, where ∂ln S(t)/∂σ = W(t) − σt; the "Delta" fields are derivatives with respect to S(0).
/// </remarks>
/// <typeparam name="TLane">Scalar or vector lane.</typeparam>
internal struct PathStatistics<TLane>
    where TLane : unmanaged
{
    /// <summary>S(T).</summary>
    public TLane Final;

    /// <summary>W(T) = Σ √Δt·Z_i, the terminal value of the driving Brownian motion (after the antithetic sign).</summary>
    public TLane Brownian;

    /// <summary>Σ S(t_j) over the fixing dates.</summary>
    public TLane ArithmeticSum;

    /// <summary>Σ ln(S(t_j)/S(0)) over the fixing dates.</summary>
    public TLane LogSum;

    /// <summary>min(S(0), S(t_1), …, S(t_n)), or the continuous minimum sampled through the bridge.</summary>
    public TLane Minimum;

    /// <summary>max(S(0), S(t_1), …, S(t_n)), or the continuous maximum sampled through the bridge.</summary>
    public TLane Maximum;

    /// <summary>Σ S(t_j)·∂ln S(t_j)/∂σ over the fixing dates (= ∂<see cref="ArithmeticSum"/>/∂σ).</summary>
    public TLane ArithmeticSumVega;

    /// <summary>Σ ∂ln S(t_j)/∂σ over the fixing dates (= ∂<see cref="LogSum"/>/∂σ).</summary>
    public TLane LogSumVega;

    /// <summary>∂ln(<see cref="Minimum"/>)/∂σ.</summary>
    public TLane MinimumVega;

    /// <summary>∂ln(<see cref="Maximum"/>)/∂σ.</summary>
    public TLane MaximumVega;

    /// <summary>Knock-out weight w: the conditional probability, given the grid values, that the barrier was not hit (0 or 1 when monitored at the grid dates only).</summary>
    public TLane Survival;

    /// <summary>∂w/∂S(0).</summary>
    public TLane SurvivalDelta;

    /// <summary>∂w/∂σ.</summary>
    public TLane SurvivalVega;

    /// <summary>Q = Σ_i e^(−r·t_i)·P(first hit in step i | grid values): the present value of 1 paid at the hit (at the end of its step).</summary>
    public TLane HitDiscount;

    /// <summary>∂Q/∂S(0).</summary>
    public TLane HitDiscountDelta;

    /// <summary>∂Q/∂σ.</summary>
    public TLane HitDiscountVega;

    /// <summary>Likelihood-ratio score of the path's law with respect to S(0): Z_1/(S(0)σ√Δt) under GBM.</summary>
    public TLane DeltaScore;

    /// <summary>Likelihood-ratio score with respect to σ: (Σ Z_i² − n)/σ − W(T) under GBM.</summary>
    public TLane VegaScore;

    /// <summary>S̃(T) of a GBM shadow path driven by the same spot Brownian motion (stochastic-volatility models; zero otherwise).</summary>
    public TLane Shadow;
}
