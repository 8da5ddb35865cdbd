namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>One time step of a walk as the path observer sees it: both ends, their σ-sensitivities, and the step's constants.</summary>
/// <remarks>
/// Logs are ln(S/S(0)). The step's log-variance v (σ²Δt under GBM) defines the Brownian bridge between the two grid
/// values, which is exact for any model whose log-spot is a Brownian motion with constant drift and variance over
/// the step. <see cref="Sensitivity"/> is ∂ln S(t_i)/∂σ; steppers that do not provide it leave it at zero.
/// </remarks>
/// <typeparam name="TLane">Scalar or vector lane.</typeparam>
internal struct PathStep<TLane>
    where TLane : unmanaged
{
    /// <summary>S(t_i).</summary>
    public TLane Spot;

    /// <summary>ln(S(t_i)/S(0)).</summary>
    public TLane LogReturn;

    /// <summary>ln(S(t_(i−1))/S(0)).</summary>
    public TLane PreviousLogReturn;

    /// <summary>∂ln S(t_i)/∂σ.</summary>
    public TLane Sensitivity;

    /// <summary>∂ln S(t_(i−1))/∂σ.</summary>
    public TLane PreviousSensitivity;

    /// <summary>A uniform in (0, 1), independent of the grid values, for sampling the bridge extreme of the step.</summary>
    public TLane Uniform;

    /// <summary>e^(−r·t_i), the discount factor of the step's end.</summary>
    public double Discount;

    /// <summary>Whether t_i is a fixing date.</summary>
    public bool IsFixing;

    /// <summary>S(0).</summary>
    public double InitialSpot;

    /// <summary>ln(H/S(0)) for a monitored barrier H.</summary>
    public double LogBarrier;

    /// <summary>The step's log-variance v = σ²Δt.</summary>
    public double Variance;

    /// <summary>∂v/∂σ = 2σΔt.</summary>
    public double VarianceVega;
}
