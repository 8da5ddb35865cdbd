using System.Globalization;
using System.Text.Json;
using Assay.Numerics;
using Assay.Pricing.Engines.American;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Engines.Fourier;
using Assay.Pricing.Models;
using Assay.Pricing.Instruments;

namespace Assay.Cli.Tests;

public sealed class McCommandTests
{
    private const string Seed = "20261122";

    [Theory]
    [InlineData("call", 100.0, 100.0, 1.0, 0.05, 0.0, 0.2)]
    [InlineData("put", 100.0, 110.0, 0.5, 0.03, 0.01, 0.3)]
    public void Json_european_price_and_greeks_agree_with_Black_Scholes_within_four_standard_errors(
        string type, double s, double k, double t, double r, double q, double sigma)
    {
        var (code, stdout, stderr) = CliRunner.Run(Args("european", type, s, k, t, r, q, sigma, "--paths", "200000", "--seed", Seed, "--json"));

        Assert.True(code == 0, $"exit {code}: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var g = BlackScholesMerton.Greeks(new BlackScholesParameters(type == "call" ? OptionType.Call : OptionType.Put, s, k, t, r, q, sigma));
        var context = $"seed {Seed}: {type} S={s} K={k} T={t} r={r} q={q} sigma={sigma}";
        AssertWithin(root, "price", "stderr", g.Price, context);
        AssertWithin(root, "delta", "delta_stderr", g.Delta, context);
        AssertWithin(root, "vega", "vega_stderr", g.Vega, context);
        Assert.Equal(200000, root.GetProperty("paths").GetInt64());
        Assert.Equal(ulong.Parse(Seed, CultureInfo.InvariantCulture), root.GetProperty("seed").GetUInt64());
        Assert.Equal(49, root.GetProperty("batches").GetInt32());
        var price = root.GetProperty("price").GetDouble();
        var half = root.GetProperty("ci95_high").GetDouble() - price;
        Assert.Equal(1.959963984540054 * root.GetProperty("stderr").GetDouble(), half, 1e-12);
    }

    [Fact]
    public void Json_digital_price_agrees_with_the_closed_form_within_four_standard_errors()
    {
        const double s = 100, k = 95, t = 1, r = 0.04, q = 0.0, sigma = 0.25;
        var (code, stdout, stderr) = CliRunner.Run(Args("digital", "call", s, k, t, r, q, sigma, "--paths", "200000", "--steps", "2", "--antithetic", "--seed", Seed, "--json"));

        Assert.True(code == 0, $"exit {code}: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var d2 = (DMath.Log(s / k) + ((r - q - (0.5 * sigma * sigma)) * t)) / (sigma * Math.Sqrt(t));
        var exact = DMath.Exp(-r * t) * Normal.Cdf(d2);
        AssertWithin(doc.RootElement, "price", "stderr", exact, $"seed {Seed}: digital call S={s} K={k} T={t} r={r} sigma={sigma}");
        Assert.Equal(100000, doc.RootElement.GetProperty("samples").GetInt64());
    }

    [Fact]
    public void The_result_is_the_same_bits_for_one_thread_and_for_all()
    {
        string Price(string threads)
        {
            var (code, stdout, stderr) = CliRunner.Run(Args("european", "call", 100, 100, 1, 0.05, 0, 0.2, "--paths", "50000", "--steps", "3", "--seed", Seed, "--threads", threads, "--json"));
            Assert.True(code == 0, $"exit {code}: {stderr}");
            using var doc = JsonDocument.Parse(stdout);
            return doc.RootElement.GetProperty("price").GetRawText() + " " + doc.RootElement.GetProperty("stderr").GetRawText();
        }

        Assert.Equal(Price("1"), Price("-1"));
    }

    [Fact]
    public void The_table_shows_the_estimate_its_interval_and_the_run()
    {
        var (code, stdout, stderr) = CliRunner.Run(Args("european", "put", 100, 100, 1, 0.05, 0, 0.2, "--paths", "20000", "--seed", Seed));

        Assert.True(code == 0, $"exit {code}: {stderr}");
        foreach (var label in new[] { "price", "95% interval", "delta", "vega (per 1.00 vol)", "paths", "samples", "batches", "seconds", "std. error", "20000" })
        {
            Assert.Contains(label, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_payoff_and_model_prices_within_four_standard_errors_of_its_analytic_engine()
    {
        const double s = 100, k = 100, t = 1, r = 0.05, q = 0.01, sigma = 0.25;
        var common = new[] { "--type", "call", "--S", "100", "--K", "100", "--T", "1", "--r", "0.05", "--q", "0.01", "--seed", Seed, "--json" };
        void Check(string what, double exact, double allowance, params string[] args)
        {
            var (code, stdout, stderr) = CliRunner.Run([.. args, .. common]);
            Assert.True(code == 0, $"{what}: exit {code}: {stderr}");
            using var doc = JsonDocument.Parse(stdout);
            var price = doc.RootElement.GetProperty("price").GetDouble();
            var error = doc.RootElement.GetProperty("stderr").GetDouble();
            Assert.True(Math.Abs(price - exact) <= (4 * error) + allowance, $"seed {Seed}, {what}: MC {price} ± {error} vs {exact}");
        }

        Check(
            "geometric Asian, 12 fixings",
            GeometricAsianOption.Price(new(OptionType.Call, AsianAveraging.Discrete, s, k, t, r, q, sigma, 12)),
            0.0,
            "mc", "--payoff", "asian", "--average", "geometric", "--fixings", "12", "--steps", "12", "--sigma", "0.25", "--paths", "40000");
        Check(
            "down-and-out, continuous (bridge)",
            BarrierOption.Price(new(OptionType.Call, BarrierType.DownOut, s, k, 90, 0, t, r, q, sigma)),
            0.0,
            "mc", "--payoff", "barrier", "--barrier-type", "DownOut", "--H", "90", "--steps", "25", "--sigma", "0.25", "--paths", "40000");
        Check(
            "floating lookback, continuous",
            FloatingLookbackOption.Price(new(OptionType.Call, s, s, t, r, q, sigma)),
            0.0,
            "mc", "--payoff", "lookback", "--steps", "25", "--sigma", "0.25", "--paths", "40000");
        Check(
            "Heston European (QE)",
            HestonEngine.Price(new HestonParameters(OptionType.Call, s, k, t, r, q, 0.04, 1.5, 0.05, 0.5, -0.7)),
            0.0,
            "mc", "--model", "heston", "--v0", "0.04", "--kappa", "1.5", "--theta", "0.05", "--sigma-v", "0.5", "--rho", "-0.7", "--steps", "32", "--paths", "40000");
        Check(
            "American call, Longstaff–Schwartz (low bias allowance 0.05)",
            AmericanOption.Price(new AmericanParameters(OptionType.Call, s, k, t, r, q, sigma)),
            0.05,
            "mc", "--payoff", "american", "--steps", "25", "--sigma", "0.25", "--paths", "40000");
    }

    [Fact]
    public void A_basket_of_one_asset_prices_as_that_asset_and_a_correlation_file_missing_an_asset_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("assay-mc-");
        try
        {
            var basket = Path.Combine(dir.FullName, "basket.csv");
            File.WriteAllText(basket, "underlying,S,q,sigma,weight\nA,100,0.01,0.25,1\n");
            var (code, stdout, stderr) = CliRunner.Run(
                "mc", "--payoff", "basket", "--basket", basket, "--type", "put", "--K", "105", "--T", "1", "--r", "0.05", "--paths", "40000", "--seed", Seed, "--json");
            Assert.True(code == 0, $"exit {code}: {stderr}");
            using var doc = JsonDocument.Parse(stdout);
            var exact = BlackScholesMerton.Price(new BlackScholesParameters(OptionType.Put, 100, 105, 1, 0.05, 0.01, 0.25));
            AssertWithin(doc.RootElement, "price", "stderr", exact, $"seed {Seed}: one-asset basket put");

            var correlation = Path.Combine(dir.FullName, "correlation.csv");
            File.WriteAllText(correlation, "underlying,B\nB,1\n");
            var (badCode, _, badError) = CliRunner.Run(
                "mc", "--payoff", "basket", "--basket", basket, "--correlation", correlation, "--K", "105", "--T", "1", "--paths", "1000");
            Assert.Equal(1, badCode);
            Assert.Contains("no row for basket asset 'A'", badError, StringComparison.Ordinal);

            File.WriteAllText(basket, "underlying,S,q,sigma,weight\nA,100,0.01,0.25,1\nA,90,0,0.2,1\n");
            var (dupCode, _, dupError) = CliRunner.Run("mc", "--payoff", "basket", "--basket", basket, "--K", "105", "--T", "1", "--paths", "1000");
            Assert.Equal(1, dupCode);
            Assert.Contains("names underlying 'A' twice", dupError, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("S is required", "mc", "--K", "100", "--T", "1", "--sigma", "0.2")]
    [InlineData("K is required", "mc", "--S", "100", "--T", "1", "--sigma", "0.2")]
    [InlineData("sigma must be", "mc", "--S", "100", "--K", "100", "--T", "1", "--sigma", "-0.2")]
    [InlineData("T must be", "mc", "--S", "100", "--K", "100", "--T", "0", "--sigma", "0.2")]
    [InlineData("paths must be even", "mc", "--S", "100", "--K", "100", "--T", "1", "--sigma", "0.2", "--paths", "1001", "--antithetic")]
    [InlineData("steps must be", "mc", "--S", "100", "--K", "100", "--T", "1", "--sigma", "0.2", "--steps", "0")]
    public void Bad_input_exits_1_with_a_message_naming_the_field(string message, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);

        Assert.Equal(1, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void An_unknown_choice_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("mc", "--payoff", "straddle", "--S", "100");

        Assert.Equal(1, code);
        Assert.Contains("straddle", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_mc_json_lists_every_workload_per_thread_count()
    {
        var (code, stdout, stderr) = CliRunner.Run("bench", "mc", "--quick", "--json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        foreach (var name in new[] { "mc_european_1step", "mc_european_252steps" })
        {
            var rows = results.Where(r => r.GetProperty("name").GetString() == name).ToList();
            Assert.Contains(rows, r => r.GetProperty("threads").GetInt32() == 1);
            Assert.All(rows, r => Assert.True(r.GetProperty("ns_per_item").GetDouble() > 0, $"{name}: ns_per_item must be positive"));
        }
    }

    private static string[] Args(string payoff, string type, double s, double k, double t, double r, double q, double sigma, params string[] rest)
    {
        string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        return ["mc", "--payoff", payoff, "--type", type, "--S", F(s), "--K", F(k), "--T", F(t), "--r", F(r), "--q", F(q), "--sigma", F(sigma), .. rest];
    }

    private static void AssertWithin(JsonElement root, string value, string error, double expected, string context)
    {
        var got = root.GetProperty(value).GetDouble();
        var se = root.GetProperty(error).GetDouble();
        Assert.True(se > 0 && Math.Abs(got - expected) <= 4 * se, $"{context}: {value} {got:R} ± {se:R} vs {expected:R} ({(got - expected) / se:F2} SE)");
    }
}
