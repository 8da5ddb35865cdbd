using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>Fixed- or floating-strike lookback with pathwise Greeks; extremes over [0, T] sampled through the Brownian bridge, or over the grid dates.</summary>
/// <remarks>
/// <para>Payoffs (M, m the maximum and minimum of S over the monitoring dates, S(0) included): fixed call
/// max(M − K, 0), fixed put max(K − m, 0), floating call S_T − m, floating put M − S_T, all discounted by e^(−rT).</para>
/// <para>Continuous monitoring samples each step's bridge extreme exactly from one uniform (Glasserman 2004 §6.4),
/// so the estimator of the continuously monitored price has no discretisation bias. Greeks are pathwise: every
/// payoff is Lipschitz in the path; S_T, M and m are S(0) times functions of the increments, so their
/// ∂/∂S(0) are S_T/S(0), M/S(0), m/S(0); and ∂ln M/∂σ is carried from the step that attains the extreme.</para>
/// </remarks>
internal readonly struct LookbackPayoff : IPathPayoff
{
    private readonly bool _isCall;
    private readonly bool _floating;
    private readonly double _strike;
    private readonly PathRequirements _requirements;
    private readonly GbmTerms _terms;

    public LookbackPayoff(bool isCall, bool floating, double strike, PathMonitoring monitoring, GbmTerms terms)
    {
        _isCall = isCall;
        _floating = floating;
        _strike = strike;
        _terms = terms;

        // The fixed call and the floating put need the maximum, the other two the minimum.
        var extreme = isCall != floating ? PathStatisticKinds.Maximum : PathStatisticKinds.Minimum;
        var bridge = monitoring == PathMonitoring.Continuous ? PathStatisticKinds.Bridge : PathStatisticKinds.Terminal;
        _requirements = new PathRequirements(extreme | bridge | PathStatisticKinds.Sensitivities);
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
        var discount = _terms.Discount;
        var perSpot = discount / _terms.Spot;
        PathSample<TLane> sample;
        sample.Control = zero;
        if (_floating)
        {
            var finalVega = path.Final * (path.Brownian - (_terms.Volatility * _terms.ExpiryYears));
            if (_isCall)
            {
                var spread = path.Final - path.Minimum;
                sample.Payoff = spread * discount;
                sample.Delta = spread * perSpot;
                sample.Vega = (finalVega - (path.Minimum * path.MinimumVega)) * discount;
            }
            else
            {
                var spread = path.Maximum - path.Final;
                sample.Payoff = spread * discount;
                sample.Delta = spread * perSpot;
                sample.Vega = ((path.Maximum * path.MaximumVega) - finalVega) * discount;
            }

            return sample;
        }

        var extreme = _isCall ? path.Maximum : path.Minimum;
        var extremeVega = _isCall ? path.MaximumVega : path.MinimumVega;
        var theta = _isCall ? 1.0 : -1.0;
        var intrinsic = (extreme - _strike) * theta;
        var inTheMoney = TLane.GreaterThan(intrinsic, zero);
        sample.Payoff = TLane.Select(inTheMoney, intrinsic * discount, zero);
        sample.Delta = TLane.Select(inTheMoney, extreme * (theta * perSpot), zero);
        sample.Vega = TLane.Select(inTheMoney, (extreme * extremeVega) * (theta * discount), zero);
        return sample;
    }
}
