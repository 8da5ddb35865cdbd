namespace Assay.Pricing.Volatility;

/// <summary>The outcome of an implied-volatility solve: a volatility, or the no-arbitrage bound the price violates.</summary>
public enum ImpliedVolatilityStatus
{
    /// <summary>The price lies strictly inside its no-arbitrage bounds and the volatility was found.</summary>
    Solved,

    /// <summary>The price equals the intrinsic value (the lower bound): the volatility is 0.</summary>
    AtIntrinsic,

    /// <summary>The price is below the intrinsic value (the lower bound): no volatility reproduces it.</summary>
    BelowIntrinsic,

    /// <summary>The price is at or above the upper bound (S·e^(−qT) for a call, K·e^(−rT) for a put): no finite volatility reproduces it.</summary>
    AboveMaximum,
}
