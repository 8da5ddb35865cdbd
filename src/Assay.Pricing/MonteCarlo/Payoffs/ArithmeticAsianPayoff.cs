using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>Discrete arithmetic-average-price Asian e^(−rT)·max(θ(A − K), 0), A = (1/N)Σ S(t_j), with pathwise Greeks and the geometric Asian as control variate.</summary>
/// <remarks>
/// <para>∂A/∂S(0) = A/S(0) and under GBM ∂A/∂σ = (1/N)Σ S(t_j)(W(t_j) − σt_j) (Glasserman 2004, §7.2.2).</para>
/// <para>Control variate (Kemna &amp; Vorst 1990; Glasserman 2004, §4.1.2): the discounted geometric Asian payoff on
/// the same fixings, whose mean is <see cref="GeometricAsianOption"/> with N discrete fixings at t_j = j·T/N.</para>
/// </remarks>
internal readonly struct ArithmeticAsianPayoff : IPathPayoff
{
    private readonly double _theta;
    private readonly double _strike;
    private readonly double _inverseFixings;
    private readonly int _fixingCount;
    private readonly GbmTerms _terms;

    public ArithmeticAsianPayoff(bool isCall, double strike, int fixingCount, GbmTerms terms)
    {
        _theta = isCall ? 1.0 : -1.0;
        _strike = strike;
        _fixingCount = fixingCount;
        _inverseFixings = 1.0 / fixingCount;
        _terms = terms;
        ControlMean = GeometricAsianOption.Price(new GeometricAsianParameters(
            isCall ? OptionType.Call : OptionType.Put, AsianAveraging.Discrete, terms.Spot, strike, terms.ExpiryYears,
            terms.Rate, terms.DividendYield, terms.Volatility, fixingCount));
    }

    public PathRequirements Requirements =>
        new(PathStatisticKinds.ArithmeticSum | PathStatisticKinds.LogSum | PathStatisticKinds.Sensitivities, _fixingCount);

    public bool HasControl => true;

    public double ControlMean { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathSample<TLane> Evaluate<TLane, TMask>(in PathStatistics<TLane> path)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var zero = TLane.Constant(0.0);
        var average = path.ArithmeticSum * _inverseFixings;
        var intrinsic = (average - _strike) * _theta;
        var inTheMoney = TLane.GreaterThan(intrinsic, zero);
        var weight = _terms.Discount * _theta;
        var geometric = TLane.Exp(path.LogSum * _inverseFixings) * _terms.Spot;
        var geometricIntrinsic = (geometric - _strike) * _theta;
        PathSample<TLane> sample;
        sample.Payoff = TLane.Select(inTheMoney, intrinsic * _terms.Discount, zero);
        sample.Delta = TLane.Select(inTheMoney, average * (weight / _terms.Spot), zero);
        sample.Vega = TLane.Select(inTheMoney, (path.ArithmeticSumVega * _inverseFixings) * weight, zero);
        sample.Control = TLane.Select(TLane.GreaterThan(geometricIntrinsic, zero), geometricIntrinsic * _terms.Discount, zero);
        return sample;
    }
}
