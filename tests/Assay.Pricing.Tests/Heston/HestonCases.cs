using Assay.Pricing.Instruments;
using Assay.Pricing.Models;

namespace Assay.Pricing.Tests.Heston;

/// <summary>Shared helpers for the Heston tests: input formatting and a small Black formula.</summary>
internal static class HestonCases
{
    public static string Describe(in HestonParameters p) =>
        $"{p.Type} S={p.Spot:R} K={p.Strike:R} T={p.ExpiryYears:R} r={p.Rate:R} q={p.DividendYield:R} v0={p.V0:R} " +
        $"kappa={p.Kappa:R} theta={p.Theta:R} sigma_v={p.SigmaV:R} rho={p.Rho:R}";

    /// <summary>Black–Scholes–Merton with total variance w = σ²T, written independently of the engine.</summary>
    public static double BlackScholes(OptionType type, double spot, double strike, double t, double r, double q, double w)
    {
        var sd = Math.Sqrt(w);
        var d1 = (Math.Log(spot / strike) + ((r - q) * t) + (0.5 * w)) / sd;
        var d2 = d1 - sd;
        var call = (spot * Math.Exp(-q * t) * Numerics.Normal.Cdf(d1)) - (strike * Math.Exp(-r * t) * Numerics.Normal.Cdf(d2));
        return type == OptionType.Call ? call : call - (spot * Math.Exp(-q * t)) + (strike * Math.Exp(-r * t));
    }

    /// <summary>∫₀^T E[v_t] dt for the deterministic variance path v(t) = θ + (v0 − θ)e^{−κt}.</summary>
    public static double IntegratedVariance(double v0, double kappa, double theta, double t) =>
        (theta * t) + ((v0 - theta) * (1.0 - Math.Exp(-kappa * t)) / kappa);
}
