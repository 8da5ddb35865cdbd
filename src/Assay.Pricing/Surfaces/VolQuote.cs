namespace Assay.Pricing.Surfaces;

/// <summary>One implied-volatility quote for a surface fit.</summary>
/// <remarks>
/// Field names in errors: expiry, strike, forward, iv, weight. The weight multiplies the squared total-variance
/// residual; <see cref="FromBidAsk"/> sets it to 1/(ask − bid) so that tight quotes count more.
/// </remarks>
/// <param name="ExpiryYears">Time to expiry T &gt; 0 in years (ACT/365).</param>
/// <param name="Strike">Strike K &gt; 0.</param>
/// <param name="Forward">Forward F &gt; 0 for the expiry; all quotes of one expiry carry the same forward.</param>
/// <param name="ImpliedVol">The annualised Black implied volatility &gt; 0 (the mid when bid and ask are quoted).</param>
/// <param name="Weight">The least-squares weight &gt; 0.</param>
public readonly record struct VolQuote(double ExpiryYears, double Strike, double Forward, double ImpliedVol, double Weight)
{
    /// <summary>The smallest bid–ask spread (in volatility, 0.0001 = 0.01 vol points) used for a weight.</summary>
    public const double MinSpread = 1e-4;

    /// <summary>A quote from a bid and an ask volatility: the mid, weighted by 1/max(ask − bid, <see cref="MinSpread"/>).</summary>
    /// <param name="expiryYears">Time to expiry T &gt; 0 in years.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="forward">Forward F &gt; 0.</param>
    /// <param name="bidVol">Bid volatility &gt; 0 (field <c>bid_iv</c>).</param>
    /// <param name="askVol">Ask volatility ≥ bid (field <c>ask_iv</c>).</param>
    /// <exception cref="PricingInputException">A volatility is not a finite positive number or the quote is crossed.</exception>
    public static VolQuote FromBidAsk(double expiryYears, double strike, double forward, double bidVol, double askVol)
    {
        InputGuard.Positive(bidVol, "bid_iv");
        InputGuard.Positive(askVol, "ask_iv");
        if (bidVol > askVol)
        {
            InputGuard.Fail("bid_iv", FormattableString.Invariant(
                $"bid_iv must be <= ask_iv (got bid_iv {bidVol:R} > ask_iv {askVol:R}: a crossed quote)"));
        }

        return new VolQuote(expiryYears, strike, forward, 0.5 * (bidVol + askVol), 1.0 / Math.Max(askVol - bidVol, MinSpread));
    }

    /// <summary>Throws <see cref="PricingInputException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        InputGuard.Positive(ExpiryYears, "expiry");
        InputGuard.Positive(Strike, "strike");
        InputGuard.Positive(Forward, "forward");
        InputGuard.Positive(ImpliedVol, "iv");
        InputGuard.Positive(Weight, "weight");
    }
}
