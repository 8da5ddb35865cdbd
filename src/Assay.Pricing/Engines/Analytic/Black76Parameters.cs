using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Inputs of the Black-76 model for a European option on a forward or futures price.</summary>
/// <remarks>
/// The option pays at expiry and is discounted at r; the forward F is the expected value at expiry under the
/// T-forward measure. Time is in years, r continuously compounded, σ annualised.
/// Field names in errors: F, K, T, r, sigma.
/// </remarks>
/// <param name="Type">Call or put.</param>
/// <param name="Forward">Forward price F, finite and &gt; 0.</param>
/// <param name="Strike">Strike K, finite and &gt; 0.</param>
/// <param name="ExpiryYears">Time to expiry T in years, finite and &gt; 0.</param>
/// <param name="Rate">Discount rate r, continuously compounded, finite.</param>
/// <param name="Volatility">Annualised volatility σ of the forward, finite and &gt; 0.</param>
public readonly record struct Black76Parameters(
    OptionType Type,
    double Forward,
    double Strike,
    double ExpiryYears,
    double Rate,
    double Volatility)
{
    /// <summary>Throws <see cref="PricingInputException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (Type is not (OptionType.Call or OptionType.Put))
        {
            InputGuard.Fail("type", $"type must be Call or Put (got {(int)Type})");
        }

        InputGuard.Positive(Forward, "F");
        InputGuard.Positive(Strike, "K");
        InputGuard.Positive(ExpiryYears, "T");
        InputGuard.Finite(Rate, "r");
        InputGuard.Positive(Volatility, "sigma");
    }
}
