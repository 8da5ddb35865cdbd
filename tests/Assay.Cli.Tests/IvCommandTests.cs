using System.Globalization;
using Assay.Cli.Csv;

namespace Assay.Cli.Tests;

public sealed class IvCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("assay-iv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Solves_the_sample_and_rejects_the_price_above_its_bound()
    {
        var output = Path.Combine(_dir, "iv.csv");

        var (code, _, _) = CliRunner.Run("iv", "--input", CliRunner.Sample("iv.csv"), "--output", output);

        Assert.Equal(2, code);
        var table = CsvTable.Read(output);
        var iv = table.IndexOf("iv");
        var error = table.IndexOf("error");

        // Row 1 is the textbook at-the-money call priced at σ = 0.2 (Hull's 10.4506).
        Assert.Equal(0.2, double.Parse(table.Rows[0][iv], CultureInfo.InvariantCulture), 1e-12);
        Assert.All(table.Rows.Take(4), r => Assert.Equal(string.Empty, r[error]));
        Assert.Equal(string.Empty, table.Rows[4][iv]);
        Assert.Contains("upper bound 100", table.Rows[4][error], StringComparison.Ordinal);
    }
}
