using System.Globalization;
using Assay.Pricing.Engines.Analytic;

namespace Assay.Pricing.Tests.BlackScholes;

/// <summary>Layer 3: external references — QuantLib 1.29 and mpmath 1.2.1 tables in tests/data/pricing/bsm.</summary>
/// <remarks>
/// The tolerances are sized for the deterministic ≤ 2-ulp Numerics kernels (docs/pricing-black-scholes.md).
/// Each failure message prints every input of the row.
/// </remarks>
public sealed class BlackScholesReferenceTests
{
    private const double Epsilon = 1.1102230246251565e-16; // 2^-53, the unit roundoff.

    private static readonly string[] QuantLibGreeks = ["price", "delta", "gamma", "vega", "theta", "rho", "dividend_rho"];

    private static readonly string[] AllGreeks =
        ["price", "delta", "gamma", "vega", "theta", "rho", "dividend_rho", "vanna", "volga", "charm"];

    [Fact]
    public void QuantLib_grid_price_and_greeks_agree()
    {
        // QuantLib's Φ is erf based and accurate in absolute terms (≈1e-16), so each Greek is compared with a
        // relative tolerance of 1e-10 plus an absolute floor of 1e-13 on the Greek's natural scale.
        var table = ReferenceTable.Load("quantlib_bsm.csv");
        var failures = new List<string>();
        foreach (var row in table.Rows)
        {
            var p = new BlackScholesParameters(
                table.Type(row),
                table.Number(row, "S"),
                table.Number(row, "K"),
                table.Number(row, "T_days") / 365.0,
                table.Number(row, "r"),
                table.Number(row, "q"),
                table.Number(row, "sigma"));
            var g = BlackScholesMerton.Greeks(p);
            foreach (var name in QuantLibGreeks)
            {
                Check(failures, table, row, name, Pick(g, name), table.Number(row, name), 1e-10, 1e-13 * Scale(p, name));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} QuantLib mismatches:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(table.Rows.Count >= 300, "QuantLib grid is unexpectedly short.");
    }

    [Fact]
    public void Mpmath_tail_prices_keep_relative_accuracy()
    {
        // Relative error budget: 4e-14 for the kernels' own error times the cancellation left in regions 3/4,
        // plus 2·κ·ε, where κ (from the generator) is the relative condition number of
        // the price: roundings of x = ln(F/K) and of σ√T are amplified by about v² ≈ 2·ln(S/price).
        var table = ReferenceTable.Load("mpmath_tails.csv");
        var failures = new List<string>();
        var tiniest = double.MaxValue;
        foreach (var row in table.Rows)
        {
            var p = Parameters(table, row);
            var expected = table.Number(row, "price");
            var kappa = table.Number(row, "kappa");
            var actual = BlackScholesMerton.Price(p);
            var relative = Math.Abs(actual - expected) / expected;
            var tolerance = 4e-14 + (2.0 * kappa * Epsilon);
            tiniest = Math.Min(tiniest, expected / p.Spot);
            if (!(relative <= tolerance))
            {
                failures.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{table.Describe(row)}: got {actual:R}, relative error {relative:E2} > {tolerance:E2}"));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} tail mismatches:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(tiniest < 1e-280, $"The tail table should reach prices below 1e-280·S (reached {tiniest:E2}).");
    }

    [Fact]
    public void Mpmath_greeks_bsm_agree_with_differentiated_price()
    {
        var table = ReferenceTable.Load("mpmath_greeks_bsm.csv");
        var failures = new List<string>();
        foreach (var row in table.Rows)
        {
            var p = Parameters(table, row);
            var g = BlackScholesMerton.Greeks(p);
            foreach (var name in AllGreeks)
            {
                Check(failures, table, row, name, Pick(g, name), table.Number(row, name), 1e-13, 1e-14 * Scale(p, name));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} mpmath BSM Greek mismatches:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Mpmath_greeks_black76_agree_with_differentiated_price()
    {
        var table = ReferenceTable.Load("mpmath_greeks_black76.csv");
        var failures = new List<string>();
        foreach (var row in table.Rows)
        {
            var p = new Black76Parameters(
                table.Type(row),
                table.Number(row, "F"),
                table.Number(row, "K"),
                table.Number(row, "T"),
                table.Number(row, "r"),
                table.Number(row, "sigma"));
            var g = Black76.Greeks(p);
            var asBsm = new BlackScholesParameters(p.Type, p.Forward, p.Strike, p.ExpiryYears, p.Rate, p.Rate, p.Volatility);
            foreach (var name in AllGreeks)
            {
                Check(failures, table, row, name, Pick(g, name), table.Number(row, name), 1e-13, 1e-14 * Scale(asBsm, name));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} mpmath Black-76 Greek mismatches:\n" + string.Join("\n", failures.Take(20)));
    }

    internal static double Pick(OptionGreeks g, string name) => name switch
    {
        "price" => g.Price,
        "delta" => g.Delta,
        "gamma" => g.Gamma,
        "vega" => g.Vega,
        "theta" => g.Theta,
        "rho" => g.Rho,
        "dividend_rho" => g.DividendRho,
        "vanna" => g.Vanna,
        "volga" => g.Volga,
        "charm" => g.Charm,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The natural magnitude of a Greek for an at-the-money option, used as the absolute floor of tolerances.</summary>
    internal static double Scale(in BlackScholesParameters p, string name)
    {
        var sqrtT = Math.Sqrt(p.ExpiryYears);
        var carry = Math.Abs(p.Rate) + Math.Abs(p.DividendYield);
        return name switch
        {
            "price" => p.Spot,
            "delta" => 1.0,
            "gamma" => 1.0 / (p.Spot * p.Volatility * sqrtT),
            "vega" => p.Spot * sqrtT,
            "theta" => p.Spot * (carry + (p.Volatility / sqrtT)),
            "rho" or "dividend_rho" => p.Spot * p.ExpiryYears,
            "vanna" => 1.0 / p.Volatility,
            "volga" => p.Spot * sqrtT / p.Volatility,
            "charm" => carry + (1.0 / p.ExpiryYears),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private static BlackScholesParameters Parameters(ReferenceTable table, string[] row) => new(
        table.Type(row),
        table.Number(row, "S"),
        table.Number(row, "K"),
        table.Number(row, "T"),
        table.Number(row, "r"),
        table.Number(row, "q"),
        table.Number(row, "sigma"));

    private static void Check(
        List<string> failures, ReferenceTable table, string[] row, string name, double actual, double expected, double relative, double absolute)
    {
        var tolerance = (relative * Math.Abs(expected)) + absolute;
        if (!(Math.Abs(actual - expected) <= tolerance))
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{table.Describe(row)}: {name} = {actual:R}, expected {expected:R} ± {tolerance:E2}"));
        }
    }
}
