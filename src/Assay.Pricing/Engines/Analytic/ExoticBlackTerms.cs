using Assay.Numerics;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Generalised Black–Scholes–Merton building blocks shared by the analytic exotic engines.</summary>
/// <remarks>
/// Private to the exotic engines on purpose: the public vanilla engine lives elsewhere, and the exotics need
/// only the undiscounted-by-caller pieces below (vanilla value for knocked-in barriers and parity, and a product
/// <c>e^a·N(x)</c> that must not overflow when a barrier power is huge and the probability tiny).
/// Inputs are validated by the calling engine.
/// </remarks>
internal static class ExoticBlackTerms
{
    private const double InvSqrt2 = 0.70710678118654752440;

    /// <summary>Value of a European call or put on an asset with continuous yield q (generalised Black).</summary>
    internal static double Vanilla(
        OptionType type, double spot, double strike, double expiryYears, double rate, double dividendYield, double volatility)
    {
        var stdDev = volatility * DMath.Sqrt(expiryYears);
        var d1 = (DMath.Log(spot / strike) / stdDev) + (((rate - dividendYield) * expiryYears) / stdDev) + (0.5 * stdDev);
        var d2 = d1 - stdDev;
        var phi = type == OptionType.Call ? 1.0 : -1.0;
        var assetLeg = spot * DMath.Exp(-dividendYield * expiryYears) * Normal.Cdf(phi * d1);
        var cashLeg = strike * DMath.Exp(-rate * expiryYears) * Normal.Cdf(phi * d2);
        return phi * (assetLeg - cashLeg);
    }

    /// <summary>e^<paramref name="logFactor"/> · N(<paramref name="x"/>), finite whenever the product is.</summary>
    /// <remarks>
    /// For x &lt; 0 it uses N(x) = ½·erfcx(z)·e^(−z²) with z = −x/√2 (the same rounded z that <see cref="Normal.Cdf(double)"/>
    /// uses) and folds e^(−z²) into the exponent, so a factor such as (H/S)^(2μ) = e^1000 times a probability
    /// of e^−1100 gives e^−100 instead of ∞·0 = NaN.
    /// </remarks>
    internal static double ExpTimesCdf(double logFactor, double x)
    {
        if (x >= 0)
        {
            return DMath.Exp(logFactor) * Normal.Cdf(x);
        }

        var z = -x * InvSqrt2;
        return 0.5 * ErrorFunction.Erfcx(z) * DMath.Exp(logFactor - (z * z));
    }
}
