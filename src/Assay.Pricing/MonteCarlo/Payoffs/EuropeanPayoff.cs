using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>European vanilla e^(−rT)·max(θ(S_T − K), 0) with pathwise Greeks.</summary>
/// <remarks>
/// Under GBM ∂S_T/∂S(0) = S_T/S(0) and ∂S_T/∂σ = S_T·(W_T − σT), so the pathwise estimators are
/// Δ = e^(−rT)·θ·1{θ(S_T − K) &gt; 0}·S_T/S(0) and ν = e^(−rT)·θ·1{…}·S_T·(W_T − σT) (Glasserman 2004, §7.2.2).
/// </remarks>
internal readonly struct EuropeanPayoff(bool isCall, double strike, GbmTerms terms) : IPathPayoff
{
    private readonly double _theta = Sign(isCall);
    private readonly double _strike = strike;
    private readonly GbmTerms _terms = terms;

    // Loop-invariant factors, formed once here (the same operations the evaluation used to repeat per lane value).
    private readonly double _weight = terms.Discount * Sign(isCall);
    private readonly double _deltaWeight = terms.Discount * Sign(isCall) / terms.Spot;
    private readonly double _volatilityTime = terms.Volatility * terms.ExpiryYears;

    public PathRequirements Requirements => PathRequirements.Terminal;

    public bool HasControl => false;

    public double ControlMean => 0.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathSample<TLane> Evaluate<TLane, TMask>(in PathStatistics<TLane> path)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var zero = TLane.Constant(0.0);
        var intrinsic = (path.Final - _strike) * _theta;
        var inTheMoney = TLane.GreaterThan(intrinsic, zero);
        PathSample<TLane> sample;
        sample.Payoff = TLane.Select(inTheMoney, intrinsic * _terms.Discount, zero);
        sample.Delta = TLane.Select(inTheMoney, path.Final * _deltaWeight, zero);
        sample.Vega = TLane.Select(inTheMoney, (path.Final * (path.Brownian - _volatilityTime)) * _weight, zero);
        sample.Control = zero;
        return sample;
    }

    /// <summary>θ = +1 for a call, −1 for a put.</summary>
    private static double Sign(bool isCall) => isCall ? 1.0 : -1.0;
}
