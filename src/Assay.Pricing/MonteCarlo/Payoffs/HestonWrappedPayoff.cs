using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>A GBM payoff priced on Heston paths: its price kept, its pathwise delta kept where it stays valid, its vega and control variate dropped (zero).</summary>
/// <remarks>
/// <para>The price depends only on the path statistics and is valid on any model's paths. The delta is kept only for
/// payoffs homogeneous of degree one in S(0) (<paramref name="keepDelta"/>): under both Heston schemes every log-return ln(S(t_i)/S(0)), and every bridge extreme sampled from it, is a
/// function of the variates and the variance path alone, and the variance path does not depend on S(0). So the
/// statistics of Asians (A, G) and lookbacks (S_T, M, m) are S(0) times functions independent of S(0), and the
/// wrapped payoff's delta, e^(−rT)·∂f/∂x·x/S(0) for the statistic x its payoff f is Lipschitz in, is the pathwise
/// estimator under Heston too (Glasserman 2004 §7.2.2). Not for barriers (H does not scale with S(0)) nor
/// digitals (discontinuous).</para>
/// <para>The wrapped vega and control variate come from the GBM law (σ, W) and are not valid under Heston; zero is
/// reported as "not estimated" (see <see cref="HestonModel.BumpVega"/> for a vega).</para>
/// </remarks>
/// <typeparam name="TPayoff">The wrapped payoff.</typeparam>
/// <param name="inner">The wrapped payoff.</param>
/// <param name="keepDelta">Whether the payoff is an Asian or a lookback, whose pathwise delta stays valid.</param>
internal readonly struct HestonWrappedPayoff<TPayoff>(TPayoff inner, bool keepDelta) : IPathPayoff
    where TPayoff : struct, IPathPayoff
{
    private readonly TPayoff _inner = inner;
    private readonly bool _keepDelta = keepDelta;

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
        sample.Delta = _keepDelta ? sample.Delta : zero;
        sample.Vega = zero;
        sample.Control = zero;
        return sample;
    }
}
