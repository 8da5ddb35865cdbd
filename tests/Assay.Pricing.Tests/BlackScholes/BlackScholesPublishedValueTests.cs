using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.BlackScholes;

/// <summary>Layer 1: values printed in textbooks, each row with its source and a tolerance of half the last printed digit.</summary>
public sealed class BlackScholesPublishedValueTests
{
    // Columns: source, type, S, K, T, r, q, sigma, quantity, published value, tolerance.
    private static readonly PublishedRow[] Bsm =
    [
        // Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), ch. 1, Black–Scholes (1973) stock example.
        new("Haug 2007 ch.1 BS73", OptionType.Call, 60, 65, 0.25, 0.08, 0.0, 0.30, "price", 2.1334, 5e-5),

        // Haug (2007) ch. 1, Merton (1973) stock-index example (q = 5%).
        new("Haug 2007 ch.1 Merton73", OptionType.Put, 100, 95, 0.5, 0.10, 0.05, 0.20, "price", 2.4648, 5e-5),

        // Haug (2007) ch. 1, Garman–Kohlhagen (1983) currency example (r = 6% domestic, q = 8% foreign).
        new("Haug 2007 ch.1 GK83", OptionType.Call, 1.56, 1.60, 0.5, 0.06, 0.08, 0.12, "price", 0.0291, 5e-5),

        // Haug (2007) ch. 2, gamma example (stock, b = r = 10%).
        new("Haug 2007 ch.2 gamma", OptionType.Call, 55, 60, 0.75, 0.10, 0.0, 0.30, "gamma", 0.0278, 5e-5),

        // Haug (2007) ch. 2, theta example (index put, r = 7%, b = 2%, i.e. q = 5%); theta per year.
        new("Haug 2007 ch.2 theta", OptionType.Put, 430, 405, 0.0833, 0.07, 0.05, 0.20, "theta", -31.1924, 5e-5),

        // Haug (2007) ch. 2, rho example (stock call, b = r = 9%).
        new("Haug 2007 ch.2 rho", OptionType.Call, 72, 75, 1.0, 0.09, 0.0, 0.19, "rho", 38.7325, 5e-5),

        // Hull, Options, Futures, and Other Derivatives (8th ed., 2012), Black–Scholes–Merton chapter worked example.
        new("Hull BSM example", OptionType.Call, 42, 40, 0.5, 0.10, 0.0, 0.20, "price", 4.76, 5e-3),
        new("Hull BSM example", OptionType.Put, 42, 40, 0.5, 0.10, 0.0, 0.20, "price", 0.81, 5e-3),

        // Hull (8th ed.), "The Greek letters" chapter running example: S0 = 49, K = 50, r = 5%, σ = 20%, T = 20 weeks.
        new("Hull Greeks example", OptionType.Call, 49, 50, 20.0 / 52.0, 0.05, 0.0, 0.20, "price", 2.40, 5e-3),
        new("Hull Greeks example", OptionType.Call, 49, 50, 20.0 / 52.0, 0.05, 0.0, 0.20, "delta", 0.522, 5e-4),
        new("Hull Greeks example", OptionType.Call, 49, 50, 20.0 / 52.0, 0.05, 0.0, 0.20, "gamma", 0.066, 5e-4),
        new("Hull Greeks example", OptionType.Call, 49, 50, 20.0 / 52.0, 0.05, 0.0, 0.20, "theta", -4.31, 5e-3),
        new("Hull Greeks example", OptionType.Call, 49, 50, 20.0 / 52.0, 0.05, 0.0, 0.20, "vega", 12.1, 5e-2),
        new("Hull Greeks example", OptionType.Call, 49, 50, 20.0 / 52.0, 0.05, 0.0, 0.20, "rho", 8.91, 5e-3),
    ];

    // Columns: source, type, F, K, T, r, q (unused, 0), sigma, quantity, published value, tolerance.
    private static readonly PublishedRow[] Black76Rows =
    [
        // Haug (2007) ch. 1, Black (1976) futures-option example: call and put are equal at the money.
        new("Haug 2007 ch.1 Black76", OptionType.Call, 19, 19, 0.75, 0.10, 0.0, 0.28, "price", 1.7011, 5e-5),
        new("Haug 2007 ch.1 Black76", OptionType.Put, 19, 19, 0.75, 0.10, 0.0, 0.28, "price", 1.7011, 5e-5),

        // Haug (2007) ch. 2, delta example (futures option, b = 0).
        new("Haug 2007 ch.2 delta", OptionType.Call, 105, 100, 0.5, 0.10, 0.0, 0.36, "delta", 0.5946, 5e-5),
        new("Haug 2007 ch.2 delta", OptionType.Put, 105, 100, 0.5, 0.10, 0.0, 0.36, "delta", -0.3566, 5e-5),
    ];

    public static TheoryData<int> BsmRowIndices => [.. Enumerable.Range(0, Bsm.Length)];

    public static TheoryData<int> Black76RowIndices => [.. Enumerable.Range(0, Black76Rows.Length)];

    [Theory]
    [MemberData(nameof(BsmRowIndices))]
    public void Bsm_matches_published_value(int row)
    {
        var r = Bsm[row];
        var g = BlackScholesMerton.Greeks(new BlackScholesParameters(r.Type, r.Spot, r.Strike, r.Expiry, r.Rate, r.Dividend, r.Vol));
        var actual = Pick(g, r.Quantity);
        Assert.True(Math.Abs(actual - r.Expected) <= r.Tolerance, $"{r}: {r.Quantity} = {actual:R}");
    }

    [Theory]
    [MemberData(nameof(Black76RowIndices))]
    public void Black76_matches_published_value(int row)
    {
        var r = Black76Rows[row];
        var g = Black76.Greeks(new Black76Parameters(r.Type, r.Spot, r.Strike, r.Expiry, r.Rate, r.Vol));
        var actual = Pick(g, r.Quantity);
        Assert.True(Math.Abs(actual - r.Expected) <= r.Tolerance, $"{r} (Spot is F): {r.Quantity} = {actual:R}");
    }

    private static double Pick(OptionGreeks g, string quantity) => quantity switch
    {
        "price" => g.Price,
        "delta" => g.Delta,
        "gamma" => g.Gamma,
        "vega" => g.Vega,
        "theta" => g.Theta,
        "rho" => g.Rho,
        _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, null),
    };

    private sealed record PublishedRow(
        string Source, OptionType Type, double Spot, double Strike, double Expiry, double Rate, double Dividend, double Vol,
        string Quantity, double Expected, double Tolerance);
}
