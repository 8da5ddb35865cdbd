using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Assay.Cli.Csv;
using Assay.Cli.Surfaces;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.Surfaces;

namespace Assay.Cli.Tests;

public sealed class SurfaceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("assay-surface-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string SampleQuotes => CliRunner.Sample(Path.Combine("surface", "quotes.csv"));

    [Fact]
    public void Fit_vol_and_plot_run_on_the_sample()
    {
        var parameters = Path.Combine(_dir, "params.csv");
        var (code, stdout, stderr) = CliRunner.Run("surface", "fit", "--quotes", SampleQuotes, "--output", parameters);
        Assert.True(code == 0, $"exit {code}: {stderr}\n{stdout}");
        Assert.Contains("no butterfly or calendar arbitrage", stderr, StringComparison.Ordinal);

        var table = CsvTable.Read(parameters);
        Assert.Equal(ParamsFile.Header, table.Header);
        Assert.Equal(5, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal("svi", r[0]));
        Assert.All(table.Rows, r => Assert.True(double.Parse(r[table.IndexOf("rmse_vol_pts")], CultureInfo.InvariantCulture) < 0.3, string.Join(",", r)));
        Assert.Equal(82, table.Rows.Sum(r => int.Parse(r[table.IndexOf("quotes")], CultureInfo.InvariantCulture)));

        // vol prints what the library reads off the same file.
        var surface = ParamsFile.Read(table);
        (code, stdout, stderr) = CliRunner.Run("surface", "vol", "--params", parameters, "--strike", "105", "--expiry", "0.75");
        Assert.True(code == 0, stderr);
        var point = surface.Query(105, 0.75);
        Assert.Equal(point.ImpliedVol, Value(stdout, "implied_vol"));
        Assert.Equal(point.TotalVariance, Value(stdout, "total_variance"));
        Assert.Equal(point.Forward, Value(stdout, "forward"));

        var svg = Path.Combine(_dir, "smiles.svg");
        (code, _, stderr) = CliRunner.Run("surface", "plot", "--quotes", SampleQuotes, "--params", parameters, "--output", svg);
        Assert.True(code == 0, stderr);
        var doc = XDocument.Load(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var smiles = doc.Descendants(ns + "polyline").Where(e => (string?)e.Attribute("class") == "smile").ToList();
        Assert.Equal(5, smiles.Count);
        Assert.Equal(5, smiles.Select(e => (string?)e.Attribute("stroke")).Distinct().Count());
        Assert.Equal(82, doc.Descendants(ns + "circle").Count(e => (string?)e.Attribute("class") == "mid"));
        Assert.Equal(82, doc.Descendants(ns + "path").Count(e => (string?)e.Attribute("class") == "bidask"));
        var texts = doc.Descendants(ns + "text").Select(e => e.Value).ToList();
        Assert.Contains("T = 0.0833", texts);
        Assert.Contains("T = 2", texts);
        Assert.Contains("implied volatility (%)", texts);
        Assert.Contains("log-moneyness k = ln(K/F)", texts);
        Assert.Contains("0", texts);
    }

    [Fact]
    public void Ssvi_fit_writes_its_global_parameters_and_is_read_back()
    {
        var parameters = Path.Combine(_dir, "ssvi.csv");
        var (code, stdout, stderr) = CliRunner.Run("surface", "fit", "-q", SampleQuotes, "-o", parameters, "--model", "ssvi");
        Assert.True(code == 0, $"exit {code}: {stderr}\n{stdout}");
        Assert.Contains("ssvi: rho", stdout, StringComparison.Ordinal);

        var table = CsvTable.Read(parameters);
        Assert.All(table.Rows, r => Assert.Equal("ssvi", r[0]));
        var surface = ParamsFile.Read(table);
        var ssvi = Assert.NotNull(surface.Ssvi);

        // The sample is SSVI with rho = -0.65, eta = 1.2, gamma = 0.45 plus noise (samples/surface/generate_quotes.py).
        Assert.InRange(ssvi.Rho, -0.7, -0.6);
        Assert.InRange(ssvi.Eta, 1.1, 1.3);
        Assert.InRange(ssvi.Gamma, 0.4, 0.5);
        (code, stdout, _) = CliRunner.Run("surface", "vol", "-p", parameters, "-k", "95", "-t", "3");
        Assert.Equal(0, code);
        Assert.Equal(surface.ImpliedVol(95, 3), Value(stdout, "implied_vol"));
    }

    [Fact]
    public void Fit_is_byte_for_byte_reproducible()
    {
        var first = Path.Combine(_dir, "a.csv");
        var second = Path.Combine(_dir, "b.csv");
        Assert.Equal(0, CliRunner.Run("surface", "fit", "-q", SampleQuotes, "-o", first, "--no-arbitrage").ExitCode);
        Assert.Equal(0, CliRunner.Run("surface", "fit", "-q", SampleQuotes, "-o", second, "--no-arbitrage").ExitCode);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Arbitrage_is_listed_with_exit_2_and_removed_by_no_arbitrage()
    {
        // Gatheral and Jacquier (2014) §3 Example 3.1 (Vogt): quotes read off a slice with butterfly arbitrage.
        var vogt = new SviParameters(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);
        var lines = new StringBuilder("expiry,strike,forward,iv\n");
        for (var i = 0; i <= 30; i++)
        {
            var k = -1.5 + (0.1 * i);
            lines.Append(CultureInfo.InvariantCulture, $"1,{Math.Exp(k):R},1,{Math.Sqrt(vogt.TotalVariance(k)):R}\n");
        }

        var quotes = Write("vogt.csv", lines.ToString());
        var parameters = Path.Combine(_dir, "p.csv");
        var (code, stdout, stderr) = CliRunner.Run("surface", "fit", "-q", quotes, "-o", parameters);
        Assert.True(code == 2, $"exit {code}: {stderr}\n{stdout}");
        Assert.Contains("61 butterfly points", stdout, StringComparison.Ordinal);
        Assert.Contains("butterfly slice 0 (T=1) k=0.70 g=-0.0151", stdout, StringComparison.Ordinal);
        Assert.Contains("... 41 more", stdout, StringComparison.Ordinal);
        Assert.Contains("--no-arbitrage", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(parameters));

        (code, stdout, stderr) = CliRunner.Run("surface", "fit", "-q", quotes, "-o", parameters, "--no-arbitrage");
        Assert.True(code == 0, $"exit {code}: {stderr}\n{stdout}");
        Assert.DoesNotContain("butterfly", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_quotes_with_spot_rate_and_dividend_are_converted_to_vols()
    {
        // Black-Scholes prices of an SVI smile: the fit must give the smile back (the round trip goes through
        // Black-76 implied volatility on F = S*exp((r-q)T)).
        var truth = new SviParameters(0.02, 0.15, -0.7, 0.05, 0.2);
        const double S = 100, R = 0.03, Q = 0.01, T = 1.0;
        var forward = S * Math.Exp((R - Q) * T);
        var text = new StringBuilder("expiry,strike,spot,r,q,type,price\n");
        for (var i = 0; i < 9; i++)
        {
            var strike = 70.0 + (7.5 * i);
            var vol = Math.Sqrt(truth.TotalVariance(Math.Log(strike / forward)) / T);
            var type = strike < forward ? OptionType.Put : OptionType.Call;
            var price = BlackScholesMerton.Price(new BlackScholesParameters(type, S, strike, T, R, Q, vol));
            text.Append(CultureInfo.InvariantCulture, $"{T},{strike},{S},{R},{Q},{(type == OptionType.Put ? "put" : "call")},{price:R}\n");
        }

        var parameters = Path.Combine(_dir, "p.csv");
        var (code, stdout, stderr) = CliRunner.Run("surface", "fit", "-q", Write("prices.csv", text.ToString()), "-o", parameters);
        Assert.True(code == 0, $"exit {code}: {stderr}\n{stdout}");
        var fitted = ParamsFile.Read(CsvTable.Read(parameters));
        for (var strike = 75.0; strike <= 125.0; strike += 5.0)
        {
            var expected = Math.Sqrt(truth.TotalVariance(Math.Log(strike / forward)) / T);
            Assert.True(Math.Abs(fitted.ImpliedVol(strike, T) - expected) < 1e-6, $"K {strike}: {fitted.ImpliedVol(strike, T)} vs {expected}");
        }
    }

    [Theory]
    [InlineData("expiry,strike,forward,iv\n0.5,90,100,0.2\n0.5,95,100,0.2\n0.5,100,100,0.2\n0.5,105,100,0.2\n", "expiry 0.5 has 4 quotes")]
    [InlineData("expiry,strike,forward,iv\n0.5,90,100,0.2\n0.5,-95,100,0.2\n", "line 3: strike must be a finite number > 0 (got -95)")]
    [InlineData("expiry,strike,forward,iv\n0.5,90,100,0.2\n0,95,100,0.2\n", "line 3: expiry must be a finite number > 0")]
    [InlineData("expiry,strike,forward,iv\n0.5,90,0,0.2\n", "line 2: forward must be a finite number > 0")]
    [InlineData("expiry,strike,forward,iv\n0.5,90,100,NaN\n", "line 2: iv must be a finite number")]
    [InlineData("expiry,strike,forward,bid_iv,ask_iv\n0.5,90,100,0.2,0.21\n0.5,95,100,0.22,0.21\n", "line 3: bid_iv must be <= ask_iv")]
    [InlineData("expiry,strike,iv\n0.5,90,0.2\n", "'forward' column")]
    [InlineData("expiry,strike,forward\n0.5,90,100\n", "an 'iv' column")]
    [InlineData("expiry,strike,forward,type,price\n0.5,90,100,call,9\n", "line 2: price 9 admits no positive implied volatility")]
    [InlineData("expiry,strike,forward,iv\n0.5,90,100,0.2\n0.5,95,100,0.2\n0.5,100,101,0.2\n0.5,105,100,0.2\n0.5,110,100,0.2\n", "line 4: forward 101 differs")]
    public void Quotes_that_admit_no_fit_fail_with_line_and_field(string csv, string expected)
    {
        var parameters = Path.Combine(_dir, "p.csv");
        var (code, _, stderr) = CliRunner.Run("surface", "fit", "-q", Write("bad.csv", csv), "-o", parameters);
        Assert.Equal(1, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(parameters));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Bad_parameters_and_queries_fail_cleanly()
    {
        var (code, _, stderr) = CliRunner.Run("surface", "vol", "-p", Write("p.csv", "model,expiry,forward,a,b,rho,m,sigma\nsvi,1,100,0.02,-0.1,0,0,0.1\n"), "-k", "100", "-t", "1");
        Assert.Equal(1, code);
        Assert.Contains("line 2: b must be a finite number >= 0", stderr, StringComparison.Ordinal);

        var good = Write("good.csv", "model,expiry,forward,a,b,rho,m,sigma\nsvi,1,100,0.02,0.1,0,0,0.1\n");
        (code, _, stderr) = CliRunner.Run("surface", "vol", "-p", good, "-k", "-5", "-t", "1");
        Assert.Equal(1, code);
        Assert.Contains("strike must be a finite number > 0", stderr, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("surface", "vol", "-p", Path.Combine(_dir, "missing.csv"), "-k", "100", "-t", "1");
        Assert.Equal(1, code);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static double Value(string stdout, string name)
    {
        var line = stdout.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return double.Parse(line[name.Length..].Trim().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
