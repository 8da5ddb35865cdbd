using Assay.Pricing.Instruments;

namespace Assay.Pricing.Volatility;

/// <summary>Inputs of a Black–Scholes–Merton implied-volatility solve for a European option on a spot.</summary>
/// <param name="Type">Call or put.</param>
/// <param name="Spot">Spot price S &gt; 0 (field <c>S</c>).</param>
/// <param name="Strike">Strike K &gt; 0 (field <c>K</c>).</param>
/// <param name="ExpiryYears">Time to expiry T &gt; 0 in years, ACT/365 (field <c>T</c>).</param>
/// <param name="Rate">Continuously compounded risk-free rate r, per year (field <c>r</c>).</param>
/// <param name="DividendYield">Continuously compounded dividend yield q, per year (field <c>q</c>).</param>
/// <param name="Price">The option's present value, in the same currency units as S and K (field <c>price</c>).</param>
public readonly record struct ImpliedVolatilityParameters(
    OptionType Type,
    double Spot,
    double Strike,
    double ExpiryYears,
    double Rate,
    double DividendYield,
    double Price);
