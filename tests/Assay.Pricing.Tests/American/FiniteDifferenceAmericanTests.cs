using System.Globalization;
using Assay.Pricing.Engines.American;
using Assay.Pricing.Engines.FiniteDifference;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.American;

/// <summary>The Crank–Nicolson American engine: QuantLib 1.29 references, the fast engine, and no-arbitrage laws.</summary>
public sealed class FiniteDifferenceAmericanTests
{
    /// <summary>Tolerance on price: 1e-4 relative, or 1e-6·K absolute where the price is below 0.01·K.</summary>
    private const double Relative = 1e-4;

    private static readonly IReadOnlyList<FiniteDifferenceReferenceRow> Rows = FiniteDifferenceReferenceRow.Load();

    [Fact]
    public void Reference_file_has_the_expected_rows()
    {
        Assert.Equal(66, Rows.Count(r => r.Region == "kappa"));
        Assert.Equal(24, Rows.Count(r => r.Region == "double"));
        Assert.Equal(20, Rows.Count(r => r.Region == "ordinary"));

        // The kappa rows are the region the fast engine used to refuse, the double rows the regime it never covered.
        Assert.All(Rows.Where(r => r.Region == "kappa"), r => Assert.True(Kappa(r.Parameters) > 20, r.ToString()));
        Assert.All(Rows.Where(r => r.Region == "double"), r => Assert.True(IsDoubleBoundary(r.Parameters), r.ToString()));
    }

    [Theory]
    [InlineData("kappa")]
    [InlineData("double")]
    [InlineData("ordinary")]
    public void Engine_matches_QuantLib_within_1e_4(string region)
    {
        var failures = new List<string>();
        var worst = 0.0;
        foreach (var row in Rows.Where(r => r.Region == region))
        {
            var fd = FiniteDifferenceAmerican.Price(row.Parameters);
            var error = Error(fd.Price, row.Reference, row.K);
            worst = Math.Max(worst, error);
            if (!(error <= Relative))
            {
                failures.Add($"{row}: FD {fd.Price:R}, error {error:E2}");
            }
        }

        Assert.True(failures.Count == 0, $"worst {worst:E2}\n" + string.Join("\n", failures));
    }

    [Fact]
    public void AmericanOption_prices_every_formerly_refused_or_double_boundary_row_within_1e_4()
    {
        // Routing: these rows go to the finite-difference engine (or, beyond the perpetual boundary, to the exact
        // intrinsic value), so no refusal remains and the accuracy requirement holds for them too.
        var failures = new List<string>();
        foreach (var row in Rows.Where(r => r.Region != "ordinary"))
        {
            var price = AmericanOption.Price(row.Parameters);
            var greeks = AmericanOption.Greeks(row.Parameters);
            var error = Error(price, row.Reference, row.K);
            if (!(error <= Relative) || greeks.Price != price)
            {
                failures.Add($"{row}: Price {price:R}, Greeks.Price {greeks.Price:R}, error {error:E2}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Engine_agrees_with_the_fast_engine_on_ordinary_inputs()
    {
        // Price to 1e-5 relative (both are ~1e-6 from QuantLib); delta 1e-4 (floor 1); gamma 2e-3 (floor 0.01); theta
        // 2e-3 (floor 1, from three time levels); vega and rho 2e-3 (floor 1, central bumps on both sides).
        var failures = new List<string>();
        foreach (var row in Rows.Where(r => r.Region == "ordinary").Take(8))
        {
            var fd = FiniteDifferenceAmerican.Greeks(row.Parameters);
            var fast = AmericanOption.Greeks(row.Parameters);
            Check(failures, row, "price", fd.Price, fast.Price, 1e-5, 0.01 * row.K);
            Check(failures, row, "delta", fd.Delta, fast.Delta, 1e-4, 1.0);
            Check(failures, row, "gamma", fd.Gamma, fast.Gamma, 2e-3, 0.01);
            Check(failures, row, "theta", fd.Theta, fast.Theta, 2e-3, 1.0);
            Check(failures, row, "vega", fd.Vega, fast.Vega, 2e-3, 1.0);
            Check(failures, row, "rho", fd.Rho, fast.Rho, 2e-3, 1.0);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Price_is_at_least_European_and_intrinsic()
    {
        var failures = new List<string>();
        foreach (var row in Rows)
        {
            var p = row.Parameters;
            var price = FiniteDifferenceAmerican.Price(p).Price;
            var intrinsic = Math.Max(p.Type == OptionType.Call ? p.Spot - p.Strike : p.Strike - p.Spot, 0.0);
            var slack = 1e-9 * p.Strike;
            if (!(price >= row.European - slack && price >= intrinsic))
            {
                failures.Add($"{row}: {price:R} below European {row.European:R} or intrinsic {intrinsic:R}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(100.0, 100.0, 1.0, 0.5, -0.5, 0.01)]
    [InlineData(90.0, 100.0, 3.0, -0.05, -0.2, 0.25)]
    [InlineData(120.0, 100.0, 0.5, 0.3, 0.45, 0.02)]
    public void Put_call_symmetry_holds_with_consistent_Greeks(double s, double k, double t, double r, double q, double sigma)
    {
        // C(S, K, r, q) = P(K, S, q, r) (McDonald and Schroder 1998); the call's delta and gamma come from the put's by
        // homogeneity, checked here against central differences of call prices in S (each a different mesh).
        var call = FiniteDifferenceAmerican.Price(new AmericanParameters(OptionType.Call, s, k, t, r, q, sigma));
        var put = FiniteDifferenceAmerican.Price(new AmericanParameters(OptionType.Put, k, s, t, q, r, sigma));
        var inputs = string.Create(CultureInfo.InvariantCulture, $"S={s} K={k} T={t} r={r} q={q} sigma={sigma}");
        Assert.True(call.Price == put.Price, $"{inputs}: call {call.Price:R} vs put {put.Price:R}");

        var h = 1e-3 * s;
        var up = FiniteDifferenceAmerican.Price(new AmericanParameters(OptionType.Call, s + h, k, t, r, q, sigma)).Price;
        var down = FiniteDifferenceAmerican.Price(new AmericanParameters(OptionType.Call, s - h, k, t, r, q, sigma)).Price;
        var delta = (up - down) / (2 * h);
        var gamma = (up - (2 * call.Price) + down) / (h * h);
        Assert.True(Math.Abs(call.Delta - delta) <= 1e-3 * Math.Max(Math.Abs(delta), 0.01), $"{inputs}: delta {call.Delta:R} vs difference {delta:R}");
        Assert.True(Math.Abs(call.Gamma - gamma) <= 2e-2 * Math.Max(Math.Abs(gamma), 1e-3), $"{inputs}: gamma {call.Gamma:R} vs difference {gamma:R}");
    }

    [Theory]
    [InlineData(OptionType.Put, 1.0, 0.5, -0.5, 0.01)]
    [InlineData(OptionType.Put, 1.0, 0.5, 0.5, 0.01)]
    [InlineData(OptionType.Put, 5.0, 0.1, 0.5, 0.01)]
    [InlineData(OptionType.Call, 2.0, -0.5, 0.3, 0.02)]
    [InlineData(OptionType.Put, 3.0, -0.05, -0.2, 0.25)]
    [InlineData(OptionType.Call, 2.0, -0.3, -0.05, 0.1)]
    public void Price_is_monotone_in_spot(OptionType type, double t, double r, double q, double sigma)
    {
        // A put cannot gain and a call cannot lose when the spot rises; 61 spots over ±30% around K = 100.
        var failures = new List<string>();
        var previous = double.NaN;
        for (var i = 0; i <= 60; i++)
        {
            var s = 70.0 + i;
            var price = FiniteDifferenceAmerican.Price(new AmericanParameters(type, s, 100.0, t, r, q, sigma)).Price;
            var slack = 1e-12 * 100.0;
            if (i > 0 && (type == OptionType.Put ? price > previous + slack : price < previous - slack))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{type} T={t} r={r} q={q} sigma={sigma}: S={s} gives {price:R} after {previous:R}"));
            }

            previous = price;
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Finer_grid_moves_the_price_by_less_than_the_tolerance()
    {
        // Self-convergence on the hardest rows: the default grid against Richardson on 400 x 400 and 800 x 800.
        var fine = new FiniteDifferenceGrid(400, 400, Richardson: true);
        var failures = new List<string>();
        foreach (var row in Rows.Where(r => r.Region != "ordinary").OrderByDescending(r => r.Reference / r.K).Take(6))
        {
            var a = FiniteDifferenceAmerican.Price(row.Parameters).Price;
            var b = FiniteDifferenceAmerican.Price(row.Parameters, fine).Price;
            var error = Error(a, b, row.K);
            if (!(error <= 0.3 * Relative))
            {
                failures.Add($"{row}: default {a:R}, fine {b:R}, change {error:E2}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("x_steps", 7, 100)]
    [InlineData("x_steps", 20001, 100)]
    [InlineData("t_steps", 100, 7)]
    public void Grid_sizes_are_validated(string field, int halfSpaceIntervals, int timeSteps)
    {
        var p = new AmericanParameters(OptionType.Put, 100, 100, 1, 0.05, 0, 0.2);
        var grid = new FiniteDifferenceGrid(halfSpaceIntervals, timeSteps);
        Assert.Equal(field, Assert.Throws<PricingInputException>(() => FiniteDifferenceAmerican.Price(p, grid)).Field);
        Assert.Equal("sigma", Assert.Throws<PricingInputException>(() => FiniteDifferenceAmerican.Price(p with { Volatility = -1 })).Field);
    }

    private static double Error(double value, double reference, double k) =>
        Math.Abs(value - reference) / Math.Max(Math.Abs(reference), 1e-6 * k / Relative);

    private static void Check(List<string> failures, FiniteDifferenceReferenceRow row, string what, double value, double reference, double tolerance, double floor)
    {
        var error = Math.Abs(value - reference) / Math.Max(Math.Abs(reference), floor);
        if (!(error <= tolerance))
        {
            failures.Add($"{row}: {what} FD {value:R} vs fast {reference:R}, error {error:E2} > {tolerance:E0}");
        }
    }

    private static double Kappa(AmericanParameters p)
    {
        var (rate, yield) = p.Type == OptionType.Put ? (p.Rate, p.DividendYield) : (p.DividendYield, p.Rate);
        return Math.Max(rate, Math.Abs(rate - yield)) * Math.Sqrt(p.ExpiryYears) / p.Volatility;
    }

    private static bool IsDoubleBoundary(AmericanParameters p)
    {
        var (rate, yield) = p.Type == OptionType.Put ? (p.Rate, p.DividendYield) : (p.DividendYield, p.Rate);
        return yield < rate && rate <= 0;
    }
}
