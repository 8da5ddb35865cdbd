namespace Assay.Pricing.Engines.Analytic;

/// <summary>The price of a European option and its first- and second-order sensitivities.</summary>
/// <remarks>
/// <para>Units follow QuantLib and DESIGN.md §10; V is the option value, S the spot (the forward F for Black-76).</para>
/// <list type="bullet">
/// <item><description><see cref="Delta"/> = ∂V/∂S; <see cref="Gamma"/> = ∂²V/∂S², per unit of the underlying.</description></item>
/// <item><description><see cref="Vega"/> = ∂V/∂σ per 1.00 of volatility (divide by 100 for "per vol point").</description></item>
/// <item><description><see cref="Theta"/> = −∂V/∂T per year: the change in value as calendar time passes and the
/// time to expiry T shrinks (divide by 365 for a per-day figure). Usually negative.</description></item>
/// <item><description><see cref="Rho"/> = ∂V/∂r per 1.00 of rate, with S and q held fixed (Black-76: F held fixed, so
/// Rho = −T·V).</description></item>
/// <item><description><see cref="DividendRho"/> = ∂V/∂q per 1.00 of dividend yield (0 for Black-76).</description></item>
/// <item><description><see cref="Vanna"/> = ∂²V/∂S∂σ = ∂Δ/∂σ; <see cref="Volga"/> = ∂²V/∂σ² (vomma), per 1.00 of volatility.</description></item>
/// <item><description><see cref="Charm"/> = −∂Δ/∂T per year, the drift of delta as calendar time passes; this is the
/// sign of Haug (2007, §2.3.7, "DdeltaDtime") and of the Wikipedia/Hull formulas
/// −e^(−qT)·[φ(d1)·((r − q)/(σ√T) − d2/(2T)) ∓ q·Φ(±d1)].</description></item>
/// </list>
/// <para>For Black-76 the spot Greeks (Delta, Gamma, Vanna, Charm) are taken with respect to the forward F.</para>
/// </remarks>
/// <param name="Price">Present value of the option.</param>
/// <param name="Delta">∂V/∂S.</param>
/// <param name="Gamma">∂²V/∂S².</param>
/// <param name="Vega">∂V/∂σ, per 1.00 of volatility.</param>
/// <param name="Theta">−∂V/∂T, per year.</param>
/// <param name="Rho">∂V/∂r, per 1.00 of rate.</param>
/// <param name="DividendRho">∂V/∂q, per 1.00 of dividend yield.</param>
/// <param name="Vanna">∂²V/∂S∂σ.</param>
/// <param name="Volga">∂²V/∂σ².</param>
/// <param name="Charm">−∂Δ/∂T, per year.</param>
public readonly record struct OptionGreeks(
    double Price,
    double Delta,
    double Gamma,
    double Vega,
    double Theta,
    double Rho,
    double DividendRho,
    double Vanna,
    double Volga,
    double Charm);
