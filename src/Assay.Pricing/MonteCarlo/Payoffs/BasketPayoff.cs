using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>European option on a basket value B(T) = Σ w_i·S_i(T): e^(−rT)·max(θ(B(T) − K), 0), pathwise Greeks.</summary>
/// <remarks>
/// Delta is ∂V/∂B(0) for a proportional move of every spot (S_i → S_i·(1 + ε)): e^(−rT)·θ·1{ITM}·B(T)/B(0). Vega is
/// ∂V/∂σ for a parallel shift of every σ_i: e^(−rT)·θ·1{ITM}·Σ w_i·S_i(T)·(W_i(T) − σ_iT), which
/// <see cref="BasketStepper"/> leaves in <see cref="PathStatistics{TLane}.Brownian"/> divided by B(T).
/// </remarks>
internal readonly struct BasketPayoff(bool isCall, double strike, double initialValue, double discount) : IPathPayoff
{
    private readonly double _theta = isCall ? 1.0 : -1.0;

    public PathRequirements Requirements => PathRequirements.Terminal;

    public bool HasControl => false;

    public double ControlMean => 0.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathSample<TLane> Evaluate<TLane, TMask>(in PathStatistics<TLane> path)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var zero = TLane.Constant(0.0);
        var intrinsic = (path.Final - strike) * _theta;
        var inTheMoney = TLane.GreaterThan(intrinsic, zero);
        var weight = discount * _theta;
        PathSample<TLane> sample;
        sample.Payoff = TLane.Select(inTheMoney, intrinsic * discount, zero);
        sample.Delta = TLane.Select(inTheMoney, path.Final * (weight / initialValue), zero);
        sample.Vega = TLane.Select(inTheMoney, (path.Final * path.Brownian) * weight, zero);
        sample.Control = zero;
        return sample;
    }
}
