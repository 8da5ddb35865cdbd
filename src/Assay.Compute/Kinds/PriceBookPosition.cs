using Assay.Pricing.Engines.Analytic;

namespace Assay.Compute.Kinds;

/// <summary>One position of a price book: a European option under Black–Scholes–Merton and a signed quantity.</summary>
/// <param name="Option">The option (type, S, K, T, r, q, sigma).</param>
/// <param name="Quantity">Number of contracts, finite, negative for a short position (field "quantity").</param>
public readonly record struct PriceBookPosition(BlackScholesParameters Option, double Quantity);
