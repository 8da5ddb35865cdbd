using Assay.Pricing.Surfaces;

namespace Assay.Pricing.Tests.Surfaces;

/// <summary>Quotes that admit no fit are rejected with the field and the quote.</summary>
public sealed class SurfaceInputTests
{
    private static VolQuote[] Good() => SurfaceFitTests.Quotes(0.5, 100, new SviParameters(0.01, 0.1, -0.5, 0.0, 0.2), 7, 0.3, 0.0, 0);

    [Theory]
    [InlineData(nameof(VolQuote.ExpiryYears), 0.0, "expiry")]
    [InlineData(nameof(VolQuote.Strike), -5.0, "strike")]
    [InlineData(nameof(VolQuote.Forward), 0.0, "forward")]
    [InlineData(nameof(VolQuote.ImpliedVol), double.NaN, "iv")]
    [InlineData(nameof(VolQuote.Weight), double.PositiveInfinity, "weight")]
    public void Invalid_quote_names_field_and_index(string property, double value, string field)
    {
        var quotes = Good();
        quotes[3] = property switch
        {
            nameof(VolQuote.ExpiryYears) => quotes[3] with { ExpiryYears = value },
            nameof(VolQuote.Strike) => quotes[3] with { Strike = value },
            nameof(VolQuote.Forward) => quotes[3] with { Forward = value },
            nameof(VolQuote.ImpliedVol) => quotes[3] with { ImpliedVol = value },
            _ => quotes[3] with { Weight = value },
        };
        var error = Assert.Throws<PricingInputException>(() => SurfaceFitter.Fit(quotes));
        Assert.Equal(field, error.Field);
        Assert.StartsWith("quote 3: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_quotes_or_strikes_in_a_slice()
    {
        var quotes = Good();
        var error = Assert.Throws<PricingInputException>(() => SurfaceFitter.Fit(quotes.AsSpan(0, 4)));
        Assert.Equal("expiry", error.Field);
        Assert.Contains("has 4 quotes", error.Message, StringComparison.Ordinal);

        var repeated = quotes.Select((q, i) => q with { Strike = quotes[i % 3].Strike }).ToArray();
        error = Assert.Throws<PricingInputException>(() => SurfaceFitter.Fit(repeated));
        Assert.Equal("strike", error.Field);
        Assert.Contains("3 distinct strikes", error.Message, StringComparison.Ordinal);

        Assert.Equal("iv", Assert.Throws<PricingInputException>(() => SurfaceFitter.Fit([])).Field);
    }

    [Fact]
    public void Two_forwards_for_one_expiry()
    {
        var quotes = Good();
        quotes[5] = quotes[5] with { Forward = 101 };
        var error = Assert.Throws<PricingInputException>(() => SurfaceFitter.Fit(quotes));
        Assert.Equal("forward", error.Field);
        Assert.Contains("quote 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crossed_bid_ask_and_spread_weights()
    {
        var error = Assert.Throws<PricingInputException>(() => VolQuote.FromBidAsk(1, 100, 100, 0.21, 0.2));
        Assert.Equal("bid_iv", error.Field);
        Assert.Contains("crossed", error.Message, StringComparison.Ordinal);
        Assert.Equal("ask_iv", Assert.Throws<PricingInputException>(() => VolQuote.FromBidAsk(1, 100, 100, 0.2, double.NaN)).Field);

        var q = VolQuote.FromBidAsk(1, 100, 100, 0.19, 0.21);
        Assert.Equal(0.2, q.ImpliedVol, 15);
        Assert.Equal(50.0, q.Weight, 10);
        Assert.Equal(1.0 / VolQuote.MinSpread, VolQuote.FromBidAsk(1, 100, 100, 0.2, 0.2).Weight);
    }

    [Fact]
    public void Slice_fit_takes_one_expiry()
    {
        var quotes = Good().Concat(Good().Select(q => q with { ExpiryYears = 1.0 })).ToArray();
        Assert.Equal("expiry", Assert.Throws<PricingInputException>(() => SurfaceFitter.FitSlice(quotes)).Field);
    }
}
