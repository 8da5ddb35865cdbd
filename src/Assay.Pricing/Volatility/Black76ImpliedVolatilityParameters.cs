using Assay.Pricing.Instruments;

namespace Assay.Pricing.Volatility;

/// <summary>Inputs of a Black-76 implied-volatility solve for a European option on a forward.</summary>
/// <param name="Type">Call or put.</param>
/// <param name="Forward">Forward price F &gt; 0 for the option's expiry (field <c>F</c>).</param>
/// <param name="Strike">Strike K &gt; 0 (field <c>K</c>).</param>
/// <param name="ExpiryYears">Time to expiry T &gt; 0 in years, ACT/365 (field <c>T</c>).</param>
/// <param name="Rate">Continuously compounded discount rate r, per year (field <c>r</c>); the discount factor is e^(−rT).</param>
/// <param name="Price">The option's present value, in the units of F and K (field <c>price</c>).</param>
public readonly record struct Black76ImpliedVolatilityParameters(
    OptionType Type,
    double Forward,
    double Strike,
    double ExpiryYears,
    double Rate,
    double Price);
