namespace Assay.Pricing.MonteCarlo;

/// <summary>Geometric Brownian motion under the risk-neutral measure: dS = (r − q)S dt + σS dW.</summary>
/// <remarks>Simulated with the exact log step ln S(t + Δt) = ln S(t) + (r − q − σ²/2)Δt + σ√Δt·Z. Field names in errors: S, T, r, q, sigma.</remarks>
/// <param name="Spot">Spot price S, finite and &gt; 0.</param>
/// <param name="ExpiryYears">Horizon T in years (the contract's expiry), finite and &gt; 0.</param>
/// <param name="Rate">Risk-free rate r, continuously compounded, finite.</param>
/// <param name="DividendYield">Continuous dividend yield q, finite.</param>
/// <param name="Volatility">Annualised volatility σ, finite and &gt; 0.</param>
public sealed record GbmModel(double Spot, double ExpiryYears, double Rate, double DividendYield, double Volatility) : PathModel
{
    /// <inheritdoc/>
    public override void Validate()
    {
        InputGuard.Positive(Spot, "S");
        InputGuard.Positive(ExpiryYears, "T");
        InputGuard.InRange(Rate, "r", -1.0, 1.0);
        InputGuard.InRange(DividendYield, "q", -1.0, 1.0);
        InputGuard.InRange(Volatility, "sigma", 1e-6, 10.0);
        InputGuard.InRange(ExpiryYears, "T", 1e-6, 100.0);
    }
}
