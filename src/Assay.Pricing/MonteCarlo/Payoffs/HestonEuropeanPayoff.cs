using System.Runtime.CompilerServices;
using Assay.Numerics;
using Assay.Pricing.Batch;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>European vanilla e^(−rT)·max(θ(S_T − K), 0) under Heston, with a pathwise delta and a GBM shadow-path control variate.</summary>
/// <remarks>
/// <para>Delta: under both Heston schemes ln S_T = ln S(0) + f(variates), so ∂S_T/∂S(0) = S_T/S(0) and the pathwise
/// estimator e^(−rT)·θ·1{θ(S_T − K) &gt; 0}·S_T/S(0) is unbiased (Glasserman 2004, §7.2.2). Vega is not estimated
/// here (0): there is no σ, see <see cref="HestonModel.BumpVega"/>.</para>
/// <para>Control variate: C = e^(−rT)·max(θ(S̃_T − K), 0) on the shadow GBM S̃ with σ̄² = E[∫v dt]/T driven by the
/// spot's own Brownian increments (<see cref="PathStatistics{TLane}.Shadow"/>); its mean is the Black–Scholes–Merton
/// price with σ̄, exactly. With v0 = θ = 0 (σ̄ = 0) there is no control.</para>
/// </remarks>
internal readonly struct HestonEuropeanPayoff : IPathPayoff
{
    private readonly double _theta;
    private readonly double _strike;
    private readonly double _spot;
    private readonly double _discount;

    public HestonEuropeanPayoff(PayoffSpec payoff, HestonModel model)
    {
        _theta = payoff.Type == OptionType.Call ? 1.0 : -1.0;
        _strike = payoff.Strike;
        _spot = model.Spot;
        _discount = DMath.Exp(-model.Rate * model.ExpiryYears);
        var shadowVolatility = model.ShadowVolatility;
        HasControl = shadowVolatility > 0.0;
        ControlMean = HasControl
            ? BlackScholesMerton.Price(new BlackScholesParameters(
                payoff.Type, model.Spot, payoff.Strike, model.ExpiryYears, model.Rate, model.DividendYield, shadowVolatility))
            : 0.0;
    }

    public PathRequirements Requirements => PathRequirements.Terminal;

    public bool HasControl { get; }

    public double ControlMean { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathSample<TLane> Evaluate<TLane, TMask>(in PathStatistics<TLane> path)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var zero = TLane.Constant(0.0);
        var intrinsic = (path.Final - _strike) * _theta;
        var inTheMoney = TLane.GreaterThan(intrinsic, zero);
        var shadowIntrinsic = (path.Shadow - _strike) * _theta;
        PathSample<TLane> sample;
        sample.Payoff = TLane.Select(inTheMoney, intrinsic * _discount, zero);
        sample.Delta = TLane.Select(inTheMoney, path.Final * (_discount * _theta / _spot), zero);
        sample.Vega = zero;
        sample.Control = TLane.Select(TLane.GreaterThan(shadowIntrinsic, zero), shadowIntrinsic * _discount, zero);
        return sample;
    }
}
