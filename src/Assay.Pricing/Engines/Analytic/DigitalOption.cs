using Assay.Numerics;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Closed-form value of European cash-or-nothing and asset-or-nothing options.</summary>
/// <remarks>
/// Haug (2007) §4.19.2 (Reiner &amp; Rubinstein 1991): cash-or-nothing = C·e^(−rT)·N(φd2), asset-or-nothing =
/// S·e^(−qT)·N(φd1), with d1 = [ln(S/K) + (r − q + σ²/2)T]/(σ√T), d2 = d1 − σ√T, φ = +1 for a call and −1 for a put.
/// Payment is at expiry.
/// </remarks>
public static class DigitalOption
{
    /// <summary>Present value of the digital option described by <paramref name="p"/>.</summary>
    /// <exception cref="PricingInputException">An input is outside its allowed range (the message names the field).</exception>
    public static double Price(in DigitalParameters p)
    {
        Validate(p);
        var phi = p.Type == OptionType.Call ? 1.0 : -1.0;
        var stdDev = p.Volatility * DMath.Sqrt(p.ExpiryYears);
        var d1 = (DMath.Log(p.Spot / p.Strike) / stdDev) + (((p.Rate - p.DividendYield) * p.ExpiryYears) / stdDev) + (0.5 * stdDev);
        return p.Payoff == DigitalPayoff.CashOrNothing
            ? p.CashAmount * DMath.Exp(-p.Rate * p.ExpiryYears) * Normal.Cdf(phi * (d1 - stdDev))
            : p.Spot * DMath.Exp(-p.DividendYield * p.ExpiryYears) * Normal.Cdf(phi * d1);
    }

    private static void Validate(in DigitalParameters p)
    {
        if (!Enum.IsDefined(p.Type))
        {
            InputGuard.Fail("type", "type must be Call or Put");
        }

        if (!Enum.IsDefined(p.Payoff))
        {
            InputGuard.Fail("payoff", "payoff must be CashOrNothing or AssetOrNothing");
        }

        InputGuard.Positive(p.Spot, "S");
        InputGuard.Positive(p.Strike, "K");
        InputGuard.NonNegative(p.CashAmount, "cash");
        InputGuard.Positive(p.ExpiryYears, "T");
        InputGuard.Finite(p.Rate, "r");
        InputGuard.Finite(p.DividendYield, "q");
        InputGuard.Positive(p.Volatility, "sigma");
    }
}
