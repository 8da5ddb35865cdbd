using Assay.Pricing.Engines.Fourier;

namespace Assay.Pricing.MonteCarlo;

/// <summary>The Heston (1993) stochastic-volatility model under the risk-neutral measure, for the Monte Carlo engine.</summary>
/// <remarks>
/// <para>dS = (r − q)·S·dt + √v·S·dW₁, dv = κ(θ − v)·dt + σ_v·√v·dW₂, d⟨W₁, W₂⟩ = ρ·dt; variances are annualised
/// (v0 = 0.04 is a 20% instantaneous volatility), time is in years. Field names in errors: S, T, r, q, v0, kappa,
/// theta, sigma_v, rho. Allowed ranges are those of <see cref="HestonEngine"/>: S finite &gt; 0; T in [1e−4, 50];
/// r, q in [−1, 1]; v0, theta in [0, 4]; kappa in (0, 100]; sigma_v in (0, 5]; rho in [−1, 1]. The Feller condition
/// 2κθ ≥ σ_v² is not required.</para>
/// <para>Variates: step i of path p draws its variance driver from dimension 0 (<c>Variates.NormalFast(seed, p, i, 0)</c>,
/// or in the exponential branch of <see cref="HestonScheme.QuadraticExponential"/> the uniform
/// <c>Variates.Uniform(seed, p, i, 0)</c> behind that normal) and its independent spot driver from dimension 1.
/// See <c>docs/mc-heston.md</c>.</para>
/// <para>Greeks: the engine's delta is the pathwise estimator for <see cref="PayoffKind.European"/>, the Asians and the
/// lookbacks (the path is homogeneous of degree 1 in S(0) under both schemes) and is not estimated (reported as 0)
/// for digitals and barriers; vega
/// is never estimated by the path walk (reported as 0): use <see cref="BumpVega"/> for ∂V/∂√v0.</para>
/// </remarks>
/// <param name="Spot">Spot price S, finite and &gt; 0.</param>
/// <param name="ExpiryYears">Horizon T in years (the contract's expiry).</param>
/// <param name="Rate">Risk-free rate r, continuously compounded.</param>
/// <param name="DividendYield">Continuous dividend yield q.</param>
/// <param name="V0">Initial variance v0.</param>
/// <param name="Kappa">Mean-reversion speed κ of the variance, per year.</param>
/// <param name="Theta">Long-run variance θ.</param>
/// <param name="SigmaV">Volatility of variance σ_v.</param>
/// <param name="Rho">Correlation ρ between the spot and variance Brownian motions.</param>
/// <param name="Scheme">Time discretisation of the variance and log-spot.</param>
public sealed partial record HestonModel(
    double Spot,
    double ExpiryYears,
    double Rate,
    double DividendYield,
    double V0,
    double Kappa,
    double Theta,
    double SigmaV,
    double Rho,
    HestonScheme Scheme = HestonScheme.QuadraticExponential) : PathModel
{
    /// <summary>E[∫₀^T v dt] = θT + (v0 − θ)(1 − e^{−κT})/κ, the expected integrated variance.</summary>
    public double ExpectedIntegratedVariance => HestonEngine.ExpectedIntegratedVariance(V0, Kappa, Theta, ExpiryYears);

    /// <summary>σ̄ = √(E[∫₀^T v dt]/T), the volatility of the GBM shadow path behind the European control variate.</summary>
    internal double ShadowVolatility => Math.Sqrt(ExpectedIntegratedVariance / ExpiryYears);

    /// <inheritdoc/>
    public override void Validate()
    {
        InputGuard.Positive(Spot, "S");
        InputGuard.InRange(ExpiryYears, "T", HestonEngine.MinExpiryYears, HestonEngine.MaxExpiryYears);
        InputGuard.InRange(Rate, "r", -HestonEngine.MaxAbsoluteRate, HestonEngine.MaxAbsoluteRate);
        InputGuard.InRange(DividendYield, "q", -HestonEngine.MaxAbsoluteRate, HestonEngine.MaxAbsoluteRate);
        InputGuard.InRange(V0, "v0", 0.0, HestonEngine.MaxVariance);
        InputGuard.Positive(Kappa, "kappa");
        InputGuard.InRange(Kappa, "kappa", 0.0, HestonEngine.MaxKappa);
        InputGuard.InRange(Theta, "theta", 0.0, HestonEngine.MaxVariance);
        InputGuard.Positive(SigmaV, "sigma_v");
        InputGuard.InRange(SigmaV, "sigma_v", 0.0, HestonEngine.MaxSigmaV);
        InputGuard.InRange(Rho, "rho", -1.0, 1.0);
        if (Scheme is not (HestonScheme.QuadraticExponential or HestonScheme.FullTruncationEuler))
        {
            InputGuard.Fail("scheme", $"scheme must be QuadraticExponential or FullTruncationEuler (got {(int)Scheme})");
        }
    }
}
