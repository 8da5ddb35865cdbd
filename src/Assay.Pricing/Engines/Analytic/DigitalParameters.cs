using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Inputs of a European cash-or-nothing or asset-or-nothing option under Black–Scholes–Merton.</summary>
/// <param name="Type">Call (pays if S_T &gt; K) or put (pays if S_T &lt; K).</param>
/// <param name="Payoff">Cash-or-nothing or asset-or-nothing.</param>
/// <param name="Spot">Spot price S (&gt; 0); field <c>S</c>.</param>
/// <param name="Strike">Strike K (&gt; 0); field <c>K</c>.</param>
/// <param name="CashAmount">Cash paid at expiry by a cash-or-nothing option (≥ 0); field <c>cash</c>. Ignored (but still
/// validated) for asset-or-nothing.</param>
/// <param name="ExpiryYears">Time to expiry T in years (&gt; 0); field <c>T</c>.</param>
/// <param name="Rate">Continuously compounded risk-free rate r; field <c>r</c>.</param>
/// <param name="DividendYield">Continuous dividend yield q; field <c>q</c>.</param>
/// <param name="Volatility">Lognormal volatility σ per √year (&gt; 0); field <c>sigma</c>.</param>
public readonly record struct DigitalParameters(
    OptionType Type,
    DigitalPayoff Payoff,
    double Spot,
    double Strike,
    double CashAmount,
    double ExpiryYears,
    double Rate,
    double DividendYield,
    double Volatility);
