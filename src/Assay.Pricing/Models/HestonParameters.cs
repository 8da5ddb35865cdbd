using Assay.Pricing.Instruments;

namespace Assay.Pricing.Models;

/// <summary>A European option under the Heston (1993) stochastic-volatility model.</summary>
/// <remarks>
/// Dynamics under the pricing measure: dS = (r − q)·S·dt + √v·S·dW₁, dv = κ(θ − v)·dt + σ_v·√v·dW₂,
/// d⟨W₁, W₂⟩ = ρ·dt. Rates and yields are continuously compounded per year, variances are annualised
/// (v0 = 0.04 is a 20% instantaneous volatility), time is in years (ACT/365). The CSV/CLI field names are
/// S, K, T, r, q, v0, kappa, theta, sigma_v, rho. Allowed ranges are those of <c>HestonEngine</c>:
/// S, K finite &gt; 0 with K/S in [0.001, 1000]; T in [1e−4, 50]; r, q in [−1, 1]; v0, theta in [0, 4];
/// kappa in (0, 100]; sigma_v in (0, 5]; rho in [−1, 1]. The Feller condition 2κθ ≥ σ_v² is not required.
/// </remarks>
/// <param name="Type">Call or put.</param>
/// <param name="Spot">Spot price S.</param>
/// <param name="Strike">Strike K.</param>
/// <param name="ExpiryYears">Time to expiry T in years.</param>
/// <param name="Rate">Risk-free rate r, continuously compounded.</param>
/// <param name="DividendYield">Dividend yield (or foreign rate) q, continuously compounded.</param>
/// <param name="V0">Initial variance v0.</param>
/// <param name="Kappa">Mean-reversion speed κ of the variance, per year.</param>
/// <param name="Theta">Long-run variance θ.</param>
/// <param name="SigmaV">Volatility of variance σ_v.</param>
/// <param name="Rho">Correlation ρ between the spot and variance Brownian motions.</param>
public readonly record struct HestonParameters(
    OptionType Type,
    double Spot,
    double Strike,
    double ExpiryYears,
    double Rate,
    double DividendYield,
    double V0,
    double Kappa,
    double Theta,
    double SigmaV,
    double Rho);
