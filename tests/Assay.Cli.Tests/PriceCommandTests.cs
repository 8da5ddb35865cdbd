using System.Globalization;
using Assay.Cli.Csv;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Cli.Tests;

public sealed class PriceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("assay-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("bsm", "book-bsm.csv", 12)]
    [InlineData("black76", "black76.csv", 5)]
    [InlineData("american", "american.csv", 6)]
    [InlineData("barrier", "barrier.csv", 8)]
    [InlineData("asian-geometric", "asian-geometric.csv", 5)]
    [InlineData("lookback", "lookback.csv", 4)]
    [InlineData("heston", "heston.csv", 4)]
    public void Every_bundled_sample_prices_completely(string model, string sample, int rows)
    {
        var output = Path.Combine(_dir, "out.csv");

        var (code, _, stderr) = CliRunner.Run("price", "--model", model, "--input", CliRunner.Sample(sample), "--output", output);

        Assert.True(code == 0, $"exit {code}: {stderr}");
        var table = CsvTable.Read(output);
        Assert.Equal(rows, table.Rows.Count);
        var price = table.IndexOf("price");
        Assert.All(table.Rows, r => Assert.True(double.Parse(r[price], CultureInfo.InvariantCulture) >= 0, $"{model}: price {r[price]}"));
        Assert.All(table.Rows, r => Assert.Equal(string.Empty, r[table.IndexOf("error")]));
    }

    [Fact]
    public void Bsm_output_round_trips_the_engine_bits_and_keeps_extra_columns()
    {
        var output = Path.Combine(_dir, "bsm.csv");

        var (code, _, _) = CliRunner.Run("price", "--model", "bsm", "--input", CliRunner.Sample("book-bsm.csv"), "--output", output);

        Assert.Equal(0, code);
        var table = CsvTable.Read(output);
        Assert.Equal(["id", "underlying", "type", "S", "K", "T", "r", "q", "sigma", "price", "delta", "gamma", "vega", "theta", "rho", "error"], table.Header);
        foreach (var row in table.Rows)
        {
            double D(string c) => double.Parse(row[table.IndexOf(c)], CultureInfo.InvariantCulture);
            var g = BlackScholesMerton.Greeks(new BlackScholesParameters(
                row[table.IndexOf("type")] == "call" ? OptionType.Call : OptionType.Put, D("S"), D("K"), D("T"), D("r"), D("q"), D("sigma")));
            Assert.Equal(g.Price, D("price"));
            Assert.Equal(g.Delta, D("delta"));
            Assert.Equal(g.Gamma, D("gamma"));
            Assert.Equal(g.Vega, D("vega"));
            Assert.Equal(g.Theta, D("theta"));
            Assert.Equal(g.Rho, D("rho"));
        }
    }

    [Fact]
    public void A_rejected_row_is_reported_and_the_exit_code_is_2()
    {
        var input = Path.Combine(_dir, "in.csv");
        File.WriteAllText(input, "type,S,K,T,r,q,sigma\ncall,100,100,1,0.05,0,0.2\nput,100,100,1,0.05,0,-0.2\nstraddle,100,100,1,0.05,0,0.2\n");
        var output = Path.Combine(_dir, "out.csv");

        var (code, _, stderr) = CliRunner.Run("price", "--model", "bsm", "--input", input, "--output", output);

        Assert.Equal(2, code);
        Assert.Contains("2 rejected", stderr, StringComparison.Ordinal);
        var table = CsvTable.Read(output);
        var error = table.IndexOf("error");
        Assert.Equal(string.Empty, table.Rows[0][error]);
        Assert.Equal(10.450583572185565, double.Parse(table.Rows[0][table.IndexOf("price")], CultureInfo.InvariantCulture), 1e-12);
        Assert.Equal("sigma must be a finite number > 0 (got -0.2)", table.Rows[1][error]);
        Assert.Equal(string.Empty, table.Rows[1][table.IndexOf("price")]);
        Assert.Equal("type must be one of call|put (got 'straddle')", table.Rows[2][error]);
    }

    [Fact]
    public void A_missing_column_is_a_usage_error_that_leaves_the_output_untouched()
    {
        var input = Path.Combine(_dir, "in.csv");
        File.WriteAllText(input, "type,S,K,T,r,sigma\ncall,100,100,1,0.05,0.2\n");
        var output = Path.Combine(_dir, "out.csv");
        File.WriteAllText(output, "previous contents");

        var (code, _, stderr) = CliRunner.Run("price", "--model", "bsm", "--input", input, "--output", output);

        Assert.Equal(1, code);
        Assert.Contains("needs column(s) q", stderr, StringComparison.Ordinal);
        Assert.Equal("previous contents", File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void A_missing_input_file_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("price", "--model", "bsm", "--input", Path.Combine(_dir, "nope.csv"));

        Assert.Equal(1, code);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_model_is_a_usage_error()
    {
        var (code, _, _) = CliRunner.Run("price", "--model", "binomial", "--input", CliRunner.Sample("book-bsm.csv"));

        Assert.Equal(1, code);
    }

    [Fact]
    public void Without_output_a_table_is_drawn()
    {
        var (code, stdout, _) = CliRunner.Run("price", "--model", "bsm", "--input", CliRunner.Sample("book-bsm.csv"));

        Assert.Equal(0, code);
        Assert.Contains(" price ", stdout, StringComparison.Ordinal);
        var eurusd = stdout.Split('\n').Single(l => l.Contains("EURUSD", StringComparison.Ordinal));
        Assert.Contains("0.01664374", eurusd, StringComparison.Ordinal); // price to seven significant digits
        var csv = CliRunner.Run("price", "--model", "bsm", "--input", CliRunner.Sample("book-bsm.csv"), "--output", "-").Stdout;
        Assert.StartsWith("id,underlying,type,S,K,T,r,q,sigma,price,delta,gamma,vega,theta,rho,error\n1,SPX,call,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void No_arguments_prints_help_and_succeeds()
    {
        var (code, stdout, _) = CliRunner.Run();

        Assert.Equal(0, code);
        Assert.Contains("assay price", stdout, StringComparison.Ordinal);
        Assert.Contains("iv", stdout, StringComparison.Ordinal);
    }
}
