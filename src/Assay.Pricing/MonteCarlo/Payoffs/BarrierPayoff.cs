using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>Single-barrier European vanilla with cash rebate, monitored continuously (Brownian-bridge weight) or at the grid dates.</summary>
/// <remarks>
/// <para>With V = e^(−rT)·max(θ(S_T − K), 0), the knock-out weight w and the hit discount Q of
/// <see cref="PathStatistics{TLane}"/>, the sample is V·w + R·Q for a knock-out (rebate paid at the hit) and
/// V·(1 − w) + R·e^(−rT)·w for a knock-in (rebate paid at expiry if never hit), the convention of
/// <see cref="Engines.Analytic.BarrierOption"/>. Continuously monitored, w = Π(1 − p_i) is the conditional survival
/// probability given the grid values (Glasserman 2004 §6.4; Beaglehole, Dybvig &amp; Zhou 1997), so the estimator of
/// the continuous price has no discretisation bias apart from paying a knock-out rebate at the end of the step that hit.</para>
/// <para>Greeks: continuously monitored, w and Q are smooth functions of the path, so the estimators are pathwise
/// (derivatives of V·w + R·Q carried through every step). At the grid dates only, w is an indicator and the pathwise
/// derivative would miss the barrier; the estimators are then likelihood ratios Y·score with the scores of
/// <see cref="PathStatistics{TLane}.DeltaScore"/> (first increment) and <see cref="PathStatistics{TLane}.VegaScore"/>
/// (all increments), unbiased but with variance growing like steps/T.</para>
/// </remarks>
internal readonly struct BarrierPayoff : IPathPayoff
{
    private readonly double _theta;
    private readonly double _strike;
    private readonly double _rebate;
    private readonly bool _knockOut;
    private readonly bool _continuous;
    private readonly PathRequirements _requirements;
    private readonly GbmTerms _terms;

    public BarrierPayoff(bool isCall, double strike, BarrierType barrierType, double barrier, double rebate, PathMonitoring monitoring, GbmTerms terms)
    {
        _theta = isCall ? 1.0 : -1.0;
        _strike = strike;
        _rebate = rebate;
        _knockOut = barrierType is BarrierType.DownOut or BarrierType.UpOut;
        _continuous = monitoring == PathMonitoring.Continuous;
        _terms = terms;
        var side = barrierType is BarrierType.DownOut or BarrierType.DownIn ? PathStatisticKinds.DownBarrier : PathStatisticKinds.UpBarrier;
        var greeks = _continuous ? PathStatisticKinds.Bridge | PathStatisticKinds.Sensitivities : PathStatisticKinds.Scores;
        _requirements = new PathRequirements(side | greeks, 0, barrier);
    }

    public PathRequirements Requirements => _requirements;

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
        var vanilla = TLane.Select(inTheMoney, intrinsic * _terms.Discount, zero);
        var survival = path.Survival;
        PathSample<TLane> sample;
        sample.Payoff = _knockOut
            ? (vanilla * survival) + (path.HitDiscount * _rebate)
            : (vanilla * (1.0 - survival)) + (survival * (_rebate * _terms.Discount));
        sample.Control = zero;
        if (!_continuous)
        {
            sample.Delta = sample.Payoff * path.DeltaScore;
            sample.Vega = sample.Payoff * path.VegaScore;
            return sample;
        }

        var weight = _terms.Discount * _theta;
        var vanillaDelta = TLane.Select(inTheMoney, path.Final * (weight / _terms.Spot), zero);
        var vanillaVega = TLane.Select(inTheMoney, (path.Final * (path.Brownian - (_terms.Volatility * _terms.ExpiryYears))) * weight, zero);
        if (_knockOut)
        {
            sample.Delta = (vanillaDelta * survival) + (vanilla * path.SurvivalDelta) + (path.HitDiscountDelta * _rebate);
            sample.Vega = (vanillaVega * survival) + (vanilla * path.SurvivalVega) + (path.HitDiscountVega * _rebate);
        }
        else
        {
            var rebateAtExpiry = _rebate * _terms.Discount;
            sample.Delta = (vanillaDelta * (1.0 - survival)) + (path.SurvivalDelta * (rebateAtExpiry - vanilla));
            sample.Vega = (vanillaVega * (1.0 - survival)) + (path.SurvivalVega * (rebateAtExpiry - vanilla));
        }

        return sample;
    }
}
