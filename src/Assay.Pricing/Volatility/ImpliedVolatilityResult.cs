namespace Assay.Pricing.Volatility;

/// <summary>An implied volatility together with its status, the price's no-arbitrage bounds and the work done.</summary>
/// <param name="Volatility">The annualised Black–Scholes volatility; 0 when <see cref="ImpliedVolatilityStatus.AtIntrinsic"/>, NaN when the price violates a bound.</param>
/// <param name="Status">Whether a volatility was found, or which bound the price violates.</param>
/// <param name="LowerBound">The intrinsic value max(θ·(S·e^(−qT) − K·e^(−rT)), 0), in price units.</param>
/// <param name="UpperBound">The supremum of option prices: S·e^(−qT) for a call, K·e^(−rT) for a put, in price units.</param>
/// <param name="Iterations">The number of Householder steps taken (0 when no solve was needed).</param>
/// <remarks>Bounds are reported for every status so that a rejected price can be explained to the caller.</remarks>
public readonly record struct ImpliedVolatilityResult(
    double Volatility,
    ImpliedVolatilityStatus Status,
    double LowerBound,
    double UpperBound,
    int Iterations);
