using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.American;

/// <summary>Inputs of an American vanilla option under Black–Scholes–Merton with continuous rate and yield.</summary>
/// <remarks>
/// Spot and strike are in the same currency units; <see cref="ExpiryYears"/> is ACT/365 year fraction; rate,
/// dividend yield and volatility are annual, continuously compounded decimals (0.05 = 5%). The CSV/CLI names are
/// <c>S</c>, <c>K</c>, <c>T</c>, <c>r</c>, <c>q</c> and <c>sigma</c>. Allowed ranges: S, K finite and &gt; 0;
/// T in (0, 30]; r and q in [−0.5, 0.5]; sigma in (0, 4].
/// </remarks>
/// <param name="Type">Call or put.</param>
/// <param name="Spot">Spot price S.</param>
/// <param name="Strike">Strike K.</param>
/// <param name="ExpiryYears">Time to expiry T in years.</param>
/// <param name="Rate">Risk-free rate r, continuously compounded.</param>
/// <param name="DividendYield">Dividend (or carry) yield q, continuously compounded.</param>
/// <param name="Volatility">Lognormal volatility sigma.</param>
public readonly record struct AmericanParameters(
    OptionType Type,
    double Spot,
    double Strike,
    double ExpiryYears,
    double Rate,
    double DividendYield,
    double Volatility)
{
    /// <summary>Largest supported time to expiry in years.</summary>
    public const double ExpiryYearsMax = 30.0;

    /// <summary>Largest supported absolute rate or dividend yield.</summary>
    public const double RateAbsMax = 0.5;

    /// <summary>Largest supported volatility.</summary>
    public const double VolatilityMax = 4.0;

    /// <summary>Throws <see cref="PricingInputException"/> naming the first field outside its allowed range.</summary>
    public void Validate()
    {
        if (Type is not (OptionType.Call or OptionType.Put))
        {
            InputGuard.Fail("type", "type must be Call or Put");
        }

        InputGuard.Positive(Spot, "S");
        InputGuard.Positive(Strike, "K");
        InputGuard.Positive(ExpiryYears, "T");
        InputGuard.InRange(ExpiryYears, "T", 0.0, ExpiryYearsMax);
        InputGuard.InRange(Rate, "r", -RateAbsMax, RateAbsMax);
        InputGuard.InRange(DividendYield, "q", -RateAbsMax, RateAbsMax);
        InputGuard.Positive(Volatility, "sigma");
        InputGuard.InRange(Volatility, "sigma", 0.0, VolatilityMax);
    }
}
