using Assay.Numerics;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.American;

/// <summary>Black–Scholes–Merton European prices and Greeks used inside the American engines.</summary>
/// <remarks>
/// Kept local to the American engine so that it does not depend on the general Black–Scholes engine. Inputs are
/// trusted (validated by the caller). Greeks use the units of <see cref="AmericanResult"/>.
/// </remarks>
internal static class EuropeanBlack
{
    /// <summary>European price, delta, gamma, vega, theta (−∂V/∂T) and rho.</summary>
    internal static AmericanResult Greeks(OptionType type, double s, double k, double t, double r, double q, double sigma)
    {
        var sqrtT = Math.Sqrt(t);
        var sd = sigma * sqrtT;
        var dPlus = (DMath.Log(s / k) + ((r - q) * t)) / sd + (0.5 * sd);
        var dMinus = dPlus - sd;
        var dfR = DMath.Exp(-r * t);
        var dfQ = DMath.Exp(-q * t);
        var pdf = Normal.Pdf(dPlus);
        var gamma = dfQ * pdf / (s * sd);
        var vega = s * dfQ * pdf * sqrtT;
        var decay = -s * dfQ * pdf * sigma / (2.0 * sqrtT);
        if (type == OptionType.Call)
        {
            var nPlus = Normal.Cdf(dPlus);
            var nMinus = Normal.Cdf(dMinus);
            var price = (s * dfQ * nPlus) - (k * dfR * nMinus);
            var theta = decay + (q * s * dfQ * nPlus) - (r * k * dfR * nMinus);
            return new AmericanResult(price, dfQ * nPlus, gamma, vega, theta, k * t * dfR * nMinus);
        }
        else
        {
            var nPlus = Normal.Cdf(-dPlus);
            var nMinus = Normal.Cdf(-dMinus);
            var price = (k * dfR * nMinus) - (s * dfQ * nPlus);
            var theta = decay - (q * s * dfQ * nPlus) + (r * k * dfR * nMinus);
            return new AmericanResult(price, -dfQ * nPlus, gamma, vega, theta, -k * t * dfR * nMinus);
        }
    }

    /// <summary>European price.</summary>
    internal static double Price(OptionType type, double s, double k, double t, double r, double q, double sigma)
    {
        var sd = sigma * Math.Sqrt(t);
        var dPlus = (DMath.Log(s / k) + ((r - q) * t)) / sd + (0.5 * sd);
        var dMinus = dPlus - sd;
        return type == OptionType.Call
            ? (s * DMath.Exp(-q * t) * Normal.Cdf(dPlus)) - (k * DMath.Exp(-r * t) * Normal.Cdf(dMinus))
            : (k * DMath.Exp(-r * t) * Normal.Cdf(-dMinus)) - (s * DMath.Exp(-q * t) * Normal.Cdf(-dPlus));
    }
}
