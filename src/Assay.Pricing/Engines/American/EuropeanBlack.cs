using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.American;

/// <summary>The European prices and Greeks the American engines build on, from <see cref="BlackScholesMerton"/>.</summary>
/// <remarks>A thin adapter to the engines' result shape; inputs are validated by the calling engine.</remarks>
internal static class EuropeanBlack
{
    /// <summary>European price, delta, gamma, vega, theta (−∂V/∂T) and rho.</summary>
    internal static AmericanResult Greeks(OptionType type, double s, double k, double t, double r, double q, double sigma)
    {
        var g = BlackScholesMerton.Greeks(new BlackScholesParameters(type, s, k, t, r, q, sigma));
        return new AmericanResult(g.Price, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho);
    }

    /// <summary>European price.</summary>
    internal static double Price(OptionType type, double s, double k, double t, double r, double q, double sigma) =>
        BlackScholesMerton.Price(new BlackScholesParameters(type, s, k, t, r, q, sigma));
}
