namespace Assay.Pricing.MonteCarlo;

/// <summary>A Monte Carlo estimate with its standard errors and the batch sums it was computed from.</summary>
/// <remarks>
/// Every double here is a deterministic function of <see cref="Totals"/>, which is the exact merge of
/// <see cref="Batches"/>; anyone holding the batch sums can recompute the result bit for bit. Standard errors use
/// the sample variance (n − 1). With a control variate C of known mean μ, the price is mean(Y) − β(mean(C) − μ)
/// with β = cov(Y, C)/var(C) from the same samples, and its error uses var(Y)(1 − ρ²).
/// </remarks>
/// <param name="Price">Estimated price (control-variate adjusted when the payoff has one).</param>
/// <param name="StandardError">Standard error of <see cref="Price"/>.</param>
/// <param name="UncontrolledPrice">Plain sample mean of the discounted payoff.</param>
/// <param name="UncontrolledStandardError">Standard error of <see cref="UncontrolledPrice"/>.</param>
/// <param name="Delta">Estimated ∂price/∂S.</param>
/// <param name="DeltaStandardError">Standard error of <see cref="Delta"/>.</param>
/// <param name="Vega">Estimated ∂price/∂σ per 1.00 of volatility.</param>
/// <param name="VegaStandardError">Standard error of <see cref="Vega"/>.</param>
/// <param name="PathsUsed">Number of simulated paths.</param>
/// <param name="Samples">Number of independent samples (paths, or antithetic pairs).</param>
/// <param name="Totals">The merged sums of all batches.</param>
/// <param name="Batches">The sums of each batch, in batch order.</param>
public sealed record MonteCarloResult(
    double Price,
    double StandardError,
    double UncontrolledPrice,
    double UncontrolledStandardError,
    double Delta,
    double DeltaStandardError,
    double Vega,
    double VegaStandardError,
    long PathsUsed,
    long Samples,
    BatchSums Totals,
    IReadOnlyList<BatchSums> Batches);
