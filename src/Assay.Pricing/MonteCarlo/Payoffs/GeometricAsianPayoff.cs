using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>Discrete geometric-average-price Asian e^(−rT)·max(θ(G − K), 0), G = S(0)·exp((1/N)Σ ln(S(t_j)/S(0))), with pathwise Greeks.</summary>
/// <remarks>
/// G is homogeneous of degree one in S(0), so ∂G/∂S(0) = G/S(0); under GBM ∂G/∂σ = G·(1/N)Σ(W(t_j) − σt_j)
/// (Glasserman 2004, §7.2.2). Fixings t_j = j·T/N.
/// </remarks>
internal readonly struct GeometricAsianPayoff(bool isCall, double strike, int fixingCount, GbmTerms terms) : IPathPayoff
{
    private readonly double _theta = isCall ? 1.0 : -1.0;
    private readonly double _strike = strike;
    private readonly double _inverseFixings = 1.0 / fixingCount;
    private readonly int _fixingCount = fixingCount;
    private readonly GbmTerms _terms = terms;

    public PathRequirements Requirements => new(PathStatisticKinds.LogSum | PathStatisticKinds.Sensitivities, _fixingCount);

    public bool HasControl => false;

    public double ControlMean => 0.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathSample<TLane> Evaluate<TLane, TMask>(in PathStatistics<TLane> path)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var zero = TLane.Constant(0.0);
        var average = TLane.Exp(path.LogSum * _inverseFixings) * _terms.Spot;
        var intrinsic = (average - _strike) * _theta;
        var inTheMoney = TLane.GreaterThan(intrinsic, zero);
        var weight = _terms.Discount * _theta;
        PathSample<TLane> sample;
        sample.Payoff = TLane.Select(inTheMoney, intrinsic * _terms.Discount, zero);
        sample.Delta = TLane.Select(inTheMoney, average * (weight / _terms.Spot), zero);
        sample.Vega = TLane.Select(inTheMoney, (average * (path.LogSumVega * _inverseFixings)) * weight, zero);
        sample.Control = zero;
        return sample;
    }
}
