using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>Any GBM payoff priced on Heston paths: its price kept, its GBM Greek estimators and control variate dropped (zero).</summary>
/// <remarks>
/// The wrapped payoff's delta, vega and control are derived from the GBM law (W_T, σ) and are not valid under Heston;
/// the price depends only on the path statistics and is. Zero is reported as "not estimated" (see <see cref="HestonModel"/>).
/// </remarks>
/// <typeparam name="TPayoff">The wrapped payoff.</typeparam>
internal readonly struct HestonPriceOnlyPayoff<TPayoff>(TPayoff inner) : IPathPayoff
    where TPayoff : struct, IPathPayoff
{
    private readonly TPayoff _inner = inner;

    public PathRequirements Requirements => _inner.Requirements;

    public bool HasControl => false;

    public double ControlMean => 0.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathSample<TLane> Evaluate<TLane, TMask>(in PathStatistics<TLane> path)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var sample = _inner.Evaluate<TLane, TMask>(path);
        var zero = TLane.Constant(0.0);
        sample.Delta = zero;
        sample.Vega = zero;
        sample.Control = zero;
        return sample;
    }
}
