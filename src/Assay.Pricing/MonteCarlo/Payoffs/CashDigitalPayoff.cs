using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>Cash-or-nothing digital e^(−rT)·1{θ(S_T − K) &gt; 0} with likelihood-ratio Greeks.</summary>
/// <remarks>
/// The payoff is discontinuous, so the Greeks weight it by the score of the law of W_T ~ N(0, T) (Glasserman 2004,
/// §7.3): Δ = Y·W_T/(S(0)σT) and ν = Y·((W_T² − T)/(σT) − W_T).
/// </remarks>
internal readonly struct CashDigitalPayoff(bool isCall, double strike, GbmTerms terms) : IPathPayoff
{
    private readonly double _theta = isCall ? 1.0 : -1.0;
    private readonly double _strike = strike;
    private readonly GbmTerms _terms = terms;

    public PathRequirements Requirements => PathRequirements.Terminal;

    public bool HasControl => false;

    public double ControlMean => 0.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathSample<TLane> Evaluate<TLane, TMask>(in PathStatistics<TLane> path)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var zero = TLane.Constant(0.0);
        var sigmaT = _terms.Volatility * _terms.ExpiryYears;
        var paid = TLane.GreaterThan((path.Final - _strike) * _theta, zero);
        var payoff = TLane.Select(paid, TLane.Constant(_terms.Discount), zero);
        var w = path.Brownian;
        PathSample<TLane> sample;
        sample.Payoff = payoff;
        sample.Delta = payoff * (w * (1.0 / (_terms.Spot * sigmaT)));
        sample.Vega = payoff * ((((w * w) - _terms.ExpiryYears) * (1.0 / sigmaT)) - w);
        sample.Control = zero;
        return sample;
    }
}
