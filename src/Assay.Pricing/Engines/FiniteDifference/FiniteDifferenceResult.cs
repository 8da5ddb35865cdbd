namespace Assay.Pricing.Engines.FiniteDifference;

/// <summary>Price and the Greeks that the finite-difference grid itself yields.</summary>
/// <remarks>
/// Units follow QuantLib: <see cref="Delta"/> per unit of spot, <see cref="Gamma"/> per unit of spot squared,
/// <see cref="Theta"/> per year of calendar time, i.e. −∂V/∂T.
/// </remarks>
/// <param name="Price">Present value.</param>
/// <param name="Delta">∂V/∂S.</param>
/// <param name="Gamma">∂²V/∂S².</param>
/// <param name="Theta">−∂V/∂T.</param>
public readonly record struct FiniteDifferenceResult(double Price, double Delta, double Gamma, double Theta);
