using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Inputs of a continuously monitored single-barrier European option under Black–Scholes–Merton.</summary>
/// <param name="Type">Call or put on the terminal spot.</param>
/// <param name="BarrierType">Down/up, knock-out/knock-in.</param>
/// <param name="Spot">Spot price S (&gt; 0); CSV/CLI field <c>S</c>.</param>
/// <param name="Strike">Strike K (&gt; 0); field <c>K</c>.</param>
/// <param name="Barrier">Barrier level H (&gt; 0); field <c>H</c>.</param>
/// <param name="Rebate">Cash rebate (≥ 0); field <c>rebate</c>. Paid at the hit for knock-out options and at
/// expiry (if the barrier was never hit) for knock-in options.</param>
/// <param name="ExpiryYears">Time to expiry T in years (&gt; 0); field <c>T</c>.</param>
/// <param name="Rate">Continuously compounded risk-free rate r; field <c>r</c>.</param>
/// <param name="DividendYield">Continuous dividend yield q (cost of carry b = r − q); field <c>q</c>.</param>
/// <param name="Volatility">Lognormal volatility σ per √year (&gt; 0); field <c>sigma</c>.</param>
public readonly record struct BarrierParameters(
    OptionType Type,
    BarrierType BarrierType,
    double Spot,
    double Strike,
    double Barrier,
    double Rebate,
    double ExpiryYears,
    double Rate,
    double DividendYield,
    double Volatility);
