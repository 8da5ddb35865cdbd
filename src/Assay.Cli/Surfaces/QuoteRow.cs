using Assay.Pricing.Surfaces;

namespace Assay.Cli.Surfaces;

/// <summary>One parsed row of a quotes file: the quote to fit and what the plot draws.</summary>
/// <param name="Line">The 1-based line of the row in the file (the header is line 1).</param>
/// <param name="Quote">The quote as the fit sees it (mid volatility and weight).</param>
/// <param name="BidVol">The bid volatility, or NaN when the file has no bid/ask.</param>
/// <param name="AskVol">The ask volatility, or NaN when the file has no bid/ask.</param>
public readonly record struct QuoteRow(int Line, VolQuote Quote, double BidVol, double AskVol);
