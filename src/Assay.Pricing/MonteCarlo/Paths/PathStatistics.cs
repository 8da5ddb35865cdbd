namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>What a path walk leaves behind for the payoff, one lane per path.</summary>
/// <remarks>Fields not named in the payoff's <see cref="PathRequirements"/> are left at zero.</remarks>
/// <typeparam name="TLane">Scalar or vector lane.</typeparam>
internal struct PathStatistics<TLane>
    where TLane : unmanaged
{
    /// <summary>S(T).</summary>
    public TLane Final;

    /// <summary>W(T) = Σ √Δt·Z_i, the terminal value of the driving Brownian motion (after the antithetic sign).</summary>
    public TLane Brownian;

    /// <summary>Σ S(t_i) over the fixing dates.</summary>
    public TLane ArithmeticSum;

    /// <summary>Σ ln(S(t_i)/S(0)) over the fixing dates.</summary>
    public TLane LogSum;

    /// <summary>min(S(0), S(t_1), …, S(t_n)).</summary>
    public TLane Minimum;

    /// <summary>max(S(0), S(t_1), …, S(t_n)).</summary>
    public TLane Maximum;

    /// <summary>S̃(T) of a GBM shadow path driven by the same spot Brownian motion (stochastic-volatility models; zero otherwise).</summary>
    public TLane Shadow;
}
