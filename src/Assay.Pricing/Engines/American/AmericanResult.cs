namespace Assay.Pricing.Engines.American;

/// <summary>Price and first-order sensitivities of an American vanilla option.</summary>
/// <remarks>
/// Units follow QuantLib: <see cref="Delta"/> per unit of spot, <see cref="Gamma"/> per unit of spot squared,
/// <see cref="Vega"/> per 1.00 of volatility, <see cref="Rho"/> per 1.00 of rate, and <see cref="Theta"/> per
/// year of calendar time, i.e. −∂V/∂T (negative when the option loses value as expiry approaches).
/// </remarks>
/// <param name="Price">Present value.</param>
/// <param name="Delta">∂V/∂S.</param>
/// <param name="Gamma">∂²V/∂S².</param>
/// <param name="Vega">∂V/∂σ.</param>
/// <param name="Theta">−∂V/∂T.</param>
/// <param name="Rho">∂V/∂r.</param>
public readonly record struct AmericanResult(double Price, double Delta, double Gamma, double Vega, double Theta, double Rho);
