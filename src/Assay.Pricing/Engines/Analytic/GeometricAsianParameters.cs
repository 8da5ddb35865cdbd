using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Inputs of a European geometric-average-price (fixed-strike) Asian option under Black–Scholes–Merton.</summary>
/// <param name="Type">Call pays (G − K)⁺, put pays (K − G)⁺, G the geometric average.</param>
/// <param name="Averaging">Continuous average over [0, T] or N equally spaced fixings.</param>
/// <param name="Spot">Spot price S (&gt; 0); field <c>S</c>.</param>
/// <param name="Strike">Strike K (&gt; 0); field <c>K</c>.</param>
/// <param name="ExpiryYears">Time to expiry T in years (&gt; 0); field <c>T</c>. The averaging starts now.</param>
/// <param name="Rate">Continuously compounded risk-free rate r; field <c>r</c>.</param>
/// <param name="DividendYield">Continuous dividend yield q; field <c>q</c>.</param>
/// <param name="Volatility">Lognormal volatility σ per √year (&gt; 0); field <c>sigma</c>.</param>
/// <param name="FixingCount">Number of fixings N for <see cref="AsianAveraging.Discrete"/>, at t_i = i·T/N for
/// i = 1..N (the last on the expiry date, none today); field <c>n_fixings</c>, 1 ≤ N ≤ 100000. Ignored for
/// <see cref="AsianAveraging.Continuous"/>.</param>
public readonly record struct GeometricAsianParameters(
    OptionType Type,
    AsianAveraging Averaging,
    double Spot,
    double Strike,
    double ExpiryYears,
    double Rate,
    double DividendYield,
    double Volatility,
    int FixingCount);
