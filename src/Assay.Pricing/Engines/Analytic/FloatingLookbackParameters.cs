using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Inputs of a continuously monitored floating-strike lookback option under Black–Scholes–Merton.</summary>
/// <param name="Type">Call pays S_T − min S, put pays max S − S_T (extremes over the life of the option).</param>
/// <param name="Spot">Spot price S (&gt; 0); field <c>S</c>.</param>
/// <param name="MinMax">Extreme observed so far (&gt; 0); field <c>minmax</c>: the running minimum for a call (≤ S), the
/// running maximum for a put (≥ S); equal to S at inception.</param>
/// <param name="ExpiryYears">Time to expiry T in years (&gt; 0); field <c>T</c>.</param>
/// <param name="Rate">Continuously compounded risk-free rate r; field <c>r</c>.</param>
/// <param name="DividendYield">Continuous dividend yield q; field <c>q</c>. r = q is allowed.</param>
/// <param name="Volatility">Lognormal volatility σ per √year (&gt; 0); field <c>sigma</c>.</param>
public readonly record struct FloatingLookbackParameters(
    OptionType Type,
    double Spot,
    double MinMax,
    double ExpiryYears,
    double Rate,
    double DividendYield,
    double Volatility);
