using Assay.Numerics;

namespace Assay.Pricing.Surfaces;

/// <summary>Surface SVI with the power-law φ: w(k, θ) = θ/2·(1 + ρφk + √((φk + ρ)² + 1 − ρ²)), φ(θ) = η/(θ^γ(1 + θ)^(1−γ)).</summary>
/// <remarks>
/// Gatheral and Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quantitative Finance 14(1): the SSVI form
/// (§4, Definition 4.1) with the power-law φ of §4.4. θ is the at-the-money total variance of a slice. The surface is
/// free of static arbitrage when θ_t is non-decreasing in t, 0 &lt; γ ≤ 1/2 and η(1 + |ρ|) ≤ 2 (§4.4, from Theorems
/// 4.1 and 4.2: θφ(θ)(1 + |ρ|) &lt; η(1 + |ρ|) ≤ 2 &lt; 4, θφ(θ)²(1 + |ρ|) ≤ η²(1 + |ρ|) ≤ 4 for γ ≤ 1/2, and
/// ∂_θ(θφ) = (1 − γ)φ/(1 + θ) lies in [0, φ]). <see cref="Validate"/> enforces exactly these conditions.
/// Field names in errors: rho, eta, gamma.
/// </remarks>
/// <param name="Rho">Skew ρ, |ρ| &lt; 1.</param>
/// <param name="Eta">Level η &gt; 0 of φ, with η(1 + |ρ|) ≤ 2.</param>
/// <param name="Gamma">Power γ in (0, 1/2].</param>
public readonly record struct SsviParameters(double Rho, double Eta, double Gamma)
{
    /// <summary>The smallest γ the fit considers.</summary>
    public const double GammaMin = 0.01;

    /// <summary>The largest γ for which the power law is free of butterfly arbitrage (§4.4).</summary>
    public const double GammaMax = 0.5;

    /// <summary>The curvature function φ(θ) = η/(θ^γ(1 + θ)^(1−γ)).</summary>
    /// <param name="theta">At-the-money total variance θ &gt; 0.</param>
    public double Phi(double theta) =>
        Eta * DMath.Exp((-Gamma * DMath.Log(theta)) - ((1.0 - Gamma) * DMath.Log1p(theta)));

    /// <summary>The total implied variance w(k, θ).</summary>
    /// <param name="logMoneyness">k = ln(K/F).</param>
    /// <param name="theta">At-the-money total variance θ &gt; 0.</param>
    public double TotalVariance(double logMoneyness, double theta) => ToSvi(theta).TotalVariance(logMoneyness);

    /// <summary>The raw SVI slice equal to the SSVI slice at θ.</summary>
    /// <remarks>a = θ(1 − ρ²)/2, b = θφ/2, ρ = ρ, m = −ρ/φ, σ = √(1 − ρ²)/φ; substituting gives the SSVI formula exactly.</remarks>
    /// <param name="theta">At-the-money total variance θ &gt; 0.</param>
    public SviParameters ToSvi(double theta)
    {
        var phi = Phi(theta);
        var co = 1.0 - (Rho * Rho);
        return new SviParameters(0.5 * theta * co, 0.5 * theta * phi, Rho, -Rho / phi, Math.Sqrt(co) / phi);
    }

    /// <summary>Throws <see cref="PricingInputException"/> unless the parameters meet the no-arbitrage conditions above.</summary>
    public void Validate()
    {
        InputGuard.InRange(Rho, "rho", -SviLimits.RhoMax, SviLimits.RhoMax);
        InputGuard.InRange(Gamma, "gamma", GammaMin, GammaMax);
        InputGuard.Positive(Eta, "eta");
        var etaMax = 2.0 / (1.0 + Math.Abs(Rho));
        if (!(Eta <= etaMax))
        {
            InputGuard.Fail("eta", FormattableString.Invariant(
                $"eta must be <= 2/(1+|rho|) = {etaMax:R} for an arbitrage-free SSVI surface (got {Eta:R})"));
        }
    }
}
