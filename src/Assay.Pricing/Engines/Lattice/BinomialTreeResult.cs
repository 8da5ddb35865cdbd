namespace Assay.Pricing.Engines.Lattice;

/// <summary>Price and Greeks from a binomial tree.</summary>
/// <remarks>
/// Units: delta per unit of spot, gamma per unit of spot squared, vega per 1.00 of volatility, rho per 1.00 of
/// rate, theta = −∂V/∂T per year. Delta, gamma and theta are read from the tree nodes; vega and rho are central
/// bump-and-reprice differences (see <see cref="BinomialTree"/>).
/// </remarks>
/// <param name="Price">Present value.</param>
/// <param name="Delta">∂V/∂S.</param>
/// <param name="Gamma">∂²V/∂S².</param>
/// <param name="Vega">∂V/∂σ.</param>
/// <param name="Theta">−∂V/∂T.</param>
/// <param name="Rho">∂V/∂r.</param>
public readonly record struct BinomialTreeResult(double Price, double Delta, double Gamma, double Vega, double Theta, double Rho);
