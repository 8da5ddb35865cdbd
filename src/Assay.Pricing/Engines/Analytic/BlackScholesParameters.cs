using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Inputs of the Black–Scholes–Merton model for a European option on an asset with a continuous yield.</summary>
/// <remarks>
/// Rates and yields are continuously compounded per year; time is in years (ACT/365 in the pricing API);
/// volatility is annualised (0.20 = 20%). Field names in errors: S, K, T, r, q, sigma.
/// </remarks>
/// <param name="Type">Call or put.</param>
/// <param name="Spot">Spot price S of the underlying, finite and &gt; 0.</param>
/// <param name="Strike">Strike K, finite and &gt; 0.</param>
/// <param name="ExpiryYears">Time to expiry T in years, finite and &gt; 0.</param>
/// <param name="Rate">Risk-free rate r, continuously compounded, finite.</param>
/// <param name="DividendYield">Continuous dividend yield (or foreign rate, or cost-of-carry offset) q, finite.</param>
/// <param name="Volatility">Annualised volatility σ, finite and &gt; 0.</param>
public readonly record struct BlackScholesParameters(
    OptionType Type,
    double Spot,
    double Strike,
    double ExpiryYears,
    double Rate,
    double DividendYield,
    double Volatility)
{
    /// <summary>Throws <see cref="PricingInputException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (Type is not (OptionType.Call or OptionType.Put))
        {
            InputGuard.Fail("type", $"type must be Call or Put (got {(int)Type})");
        }

        InputGuard.Positive(Spot, "S");
        InputGuard.Positive(Strike, "K");
        InputGuard.Positive(ExpiryYears, "T");
        InputGuard.Finite(Rate, "r");
        InputGuard.Finite(DividendYield, "q");
        InputGuard.Positive(Volatility, "sigma");
    }
}
