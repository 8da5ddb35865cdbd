using System.Globalization;
using System.Text.Json.Nodes;

namespace Assay.Cli.Tests;

public sealed class VarCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("assay-var-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_help_example_runs_and_matches_the_R_reference()
    {
        // samples/var holds the options test portfolio, its market and EuStockMarkets; R's VaR and ES for h = 1,
        // c = 0.99 are in tests/data/risk/eustockmarkets_var_reference.csv.
        var (code, stdout, stderr) = CliRunner.Run(
            "var", "--portfolio", Sample("portfolio.csv"), "--market", Sample("market.csv"), "--method", "historical",
            "--history", Sample("eustockmarkets.csv"), "--json");

        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        var reference = File.ReadAllLines(Path.Combine(CliRunner.RepositoryRoot, "tests", "data", "risk", "eustockmarkets_var_reference.csv"))
            .Select(l => l.Split(','))
            .Single(f => f[0] == "options" && f[1] == "1" && f[2] == "overlapping" && f[3] == "0.99");
        Assert.Equal("historical", (string)json["method"]!);
        Assert.Equal(0.99, (double)json["confidence"]!);
        Assert.Equal(1, (int)json["horizon_days"]!);
        Assert.Equal(1859, (int)json["scenarios"]!);
        Assert.Equal(double.Parse(reference[6], CultureInfo.InvariantCulture), (double)json["var"]!, 1e-9 * 300);
        Assert.Equal(double.Parse(reference[7], CultureInfo.InvariantCulture), (double)json["es"]!, 1e-9 * 300);
    }

    [Fact]
    public void The_table_names_every_figure()
    {
        var (code, stdout, _) = CliRunner.Run(
            "var", "--portfolio", Sample("portfolio.csv"), "--market", Sample("market.csv"), "--method", "parametric",
            "--correlation", Sample("correlation.csv"), "--confidence", "0.975", "--horizon-days", "5");

        Assert.Equal(0, code);
        Assert.Contains("parametric", stdout, StringComparison.Ordinal);
        Assert.Contains("0.975", stdout, StringComparison.Ordinal);
        Assert.Contains("5 day(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("VaR", stdout, StringComparison.Ordinal);
        Assert.Contains("ES", stdout, StringComparison.Ordinal);
        Assert.Contains("none (closed form)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Monte_carlo_pnl_file_is_complete_and_reproducible()
    {
        var first = Path.Combine(_dir, "pnl1.csv");
        var second = Path.Combine(_dir, "pnl2.csv");
        string[] args = ["var", "--portfolio", Sample("portfolio.csv"), "--market", Sample("market.csv"), "--method", "mc",
            "--correlation", Sample("correlation.csv"), "--scenarios", "3000", "--seed", "42", "--json"];

        var (code1, out1, _) = CliRunner.Run([.. args, "--pnl", first]);
        var (code2, out2, _) = CliRunner.Run([.. args, "--pnl", second]);

        Assert.Equal((0, 0), (code1, code2));
        Assert.Equal(out1, out2);
        var lines = File.ReadAllLines(first);
        Assert.Equal("scenario,pnl", lines[0]);
        Assert.Equal(3001, lines.Length);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(3000, (int)JsonNode.Parse(out1)!["scenarios"]!);

        // VaR recomputed from the file by the stated rule: the k-th largest loss, k = ⌈3000·0.01⌉ = 30.
        var losses = lines.Skip(1).Select(l => -double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).OrderDescending().ToArray();
        Assert.Equal(losses[29], (double)JsonNode.Parse(out1)!["var"]!);
        Assert.Equal(losses.Take(30).Sum() / 30, (double)JsonNode.Parse(out1)!["es"]!, 1e-9);
    }

    [Theory]
    [InlineData("confidence must be a number in (0.5, 1), both ends excluded (got 1)", "--method", "historical", "--history", "@eustockmarkets.csv", "--confidence", "1")]
    [InlineData("horizon_days must be an integer in [1, 365] (got 0)", "--method", "historical", "--history", "@eustockmarkets.csv", "--horizon-days", "0")]
    [InlineData("--history is required for --method historical", "--method", "historical")]
    [InlineData("--correlation (or --history) is required: the portfolio holds 4 underlyings (DAX, SMI, CAC, FTSE)", "--method", "mc")]
    [InlineData("scenarios must be an integer in [100, 10000000] for confidence 0.99", "--method", "mc", "--correlation", "@correlation.csv", "--scenarios", "50")]
    public void Invalid_options_are_rejected_naming_the_field_and_write_nothing(string message, params string[] extra)
    {
        var pnl = Path.Combine(_dir, "pnl.csv");
        string[] args = ["var", "--portfolio", Sample("portfolio.csv"), "--market", Sample("market.csv"), "--pnl", pnl,
            .. extra.Select(a => a.StartsWith('@') ? Sample(a[1..]) : a)];

        var (code, stdout, stderr) = CliRunner.Run(args);

        Assert.Equal(1, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Pnl_with_the_parametric_method_is_a_usage_error()
    {
        var pnl = Path.Combine(_dir, "pnl.csv");

        var (code, _, stderr) = CliRunner.Run(
            "var", "--portfolio", Sample("portfolio.csv"), "--market", Sample("market.csv"), "--method", "parametric",
            "--correlation", Sample("correlation.csv"), "--pnl", pnl);

        Assert.Equal(1, code);
        Assert.Contains("--pnl needs a scenario method", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(pnl));
    }

    [Fact]
    public void A_bad_portfolio_row_is_rejected_naming_file_row_and_field()
    {
        var portfolio = Write("portfolio.csv", "kind,underlying,type,K,T,quantity\nspot,DAX,,,,1\noption,SMI,call,abc,0.5,1\n");

        var (code, _, stderr) = CliRunner.Run(
            "var", "--portfolio", portfolio, "--market", Sample("market.csv"), "--method", "historical", "--history", Sample("eustockmarkets.csv"));

        Assert.Equal(1, code);
        Assert.Contains($"{portfolio} row 2: K must be a number with '.' decimals (got 'abc')", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_quantity_is_rejected_naming_the_position()
    {
        var portfolio = Write("portfolio.csv", "kind,underlying,type,K,T,quantity\nspot,DAX,,,,1\nfuture,CAC,,,0.5,NaN\n");

        var (code, _, stderr) = CliRunner.Run(
            "var", "--portfolio", portfolio, "--market", Sample("market.csv"), "--method", "historical", "--history", Sample("eustockmarkets.csv"));

        Assert.Equal(1, code);
        Assert.Contains($"{portfolio}: position 2: quantity must be a finite number (got NaN)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_underlying_is_rejected()
    {
        var portfolio = Write("portfolio.csv", "kind,underlying,type,K,T,quantity\nspot,NIKKEI,,,,1\n");

        var (code, _, stderr) = CliRunner.Run(
            "var", "--portfolio", portfolio, "--market", Sample("market.csv"), "--method", "parametric");

        Assert.Equal(1, code);
        Assert.Contains("position 1: underlying 'NIKKEI' is not in the market data", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_without_the_needed_column_is_rejected()
    {
        var history = Write("history.csv", "day,DAX\n1,100\n2,101\n");

        var (code, _, stderr) = CliRunner.Run(
            "var", "--portfolio", Sample("portfolio.csv"), "--market", Sample("market.csv"), "--method", "historical", "--history", history);

        Assert.Equal(1, code);
        Assert.Contains($"{history}: no column for underlying 'SMI'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correlation_matrix_that_is_not_positive_semidefinite_is_rejected()
    {
        var correlation = Write(
            "correlation.csv",
            "underlying,DAX,SMI,CAC,FTSE\nDAX,1,0.9,0.9,0\nSMI,0.9,1,-0.9,0\nCAC,0.9,-0.9,1,0\nFTSE,0,0,0,1\n");

        var (code, _, stderr) = CliRunner.Run(
            "var", "--portfolio", Sample("portfolio.csv"), "--market", Sample("market.csv"), "--method", "mc", "--correlation", correlation);

        Assert.Equal(1, code);
        Assert.Contains("correlation matrix is not positive semi-definite: pivot 3 is -15.2 (at CAC;", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pnl_path_that_is_a_directory_is_refused_and_an_absurd_quantity_is_named()
    {
        var (code, _, stderr) = CliRunner.Run(
            "var", "--portfolio", Sample("portfolio.csv"), "--market", Sample("market.csv"), "--method", "mc",
            "--correlation", Sample("correlation.csv"), "--scenarios", "1000", "--pnl", _dir);
        Assert.Equal(1, code);
        Assert.Contains("is a directory", stderr, StringComparison.Ordinal);

        var portfolio = Write("huge.csv", "kind,underlying,type,K,T,quantity\nspot,DAX,,,,1e300\n");
        var (hugeCode, _, hugeError) = CliRunner.Run(
            "var", "--portfolio", portfolio, "--market", Sample("market.csv"), "--method", "parametric", "--correlation", Sample("correlation.csv"));
        Assert.Equal(1, hugeCode);
        Assert.Contains("quantity must be in", hugeError, StringComparison.Ordinal);
    }

    private static string Sample(string name) => CliRunner.Sample(Path.Combine("var", name));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
