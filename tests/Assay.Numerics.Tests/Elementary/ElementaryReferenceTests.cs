using System.Globalization;
using Xunit.Abstractions;

namespace Assay.Numerics.Tests.Elementary;

/// <summary>DMath against correctly rounded mpmath values (tests/data/numerics/elementary/generate_elementary.py).</summary>
public sealed class ElementaryReferenceTests(ITestOutputHelper output)
{
    private const long MaxUlpDistance = 2;

    private static readonly Lazy<IReadOnlyList<ReferenceRow>> Rows = new(Load);

    [Theory]
    [InlineData("exp")]
    [InlineData("expm1")]
    [InlineData("log")]
    [InlineData("log1p")]
    public void Scalar_kernel_is_within_two_ulp_of_the_correctly_rounded_value(string name)
    {
        var f = ElementaryFunction.ByName(name);
        var rows = Rows.Value.Where(r => r.Function == name).ToList();
        Assert.True(rows.Count > 2000, $"{name}: only {rows.Count} reference rows");

        var worst = rows[0];
        var worstError = -1.0;
        long maxDistance = 0;
        var exact = 0;
        var failures = new List<string>();
        foreach (var row in rows)
        {
            var y = f.Scalar(row.X);
            var distance = Ulp.Distance(y, row.Expected);
            var error = TrueUlpError(y, row);
            exact += distance == 0 ? 1 : 0;
            maxDistance = Math.Max(maxDistance, distance);
            if (error > worstError)
            {
                worstError = error;
                worst = row;
            }

            if (distance > MaxUlpDistance || double.IsNaN(y))
            {
                failures.Add($"{name}({row.X:R}) [x=0x{Ulp.Hex(row.X)}] = {y:R} [0x{Ulp.Hex(y)}], expected {row.Expected:R} [0x{Ulp.Hex(row.Expected)}], {distance} ulp");
            }
        }

        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {rows.Count} rows, {exact} correctly rounded, max distance {maxDistance} ulp, max true error {worstError:F3} ulp at x = {worst.X:R} [0x{Ulp.Hex(worst.X)}] (expected {worst.Expected:R}, got {f.Scalar(worst.X):R})");
        output.WriteLine(summary);
        Assert.True(failures.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(20)));
    }

    [Fact]
    public void Reference_file_covers_every_function_and_parses()
    {
        var counts = Rows.Value.GroupBy(r => r.Function).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["exp", "expm1", "log", "log1p"], counts.Keys.Order().ToArray());
    }

    /// <summary>(y − exact) in ulps of the correctly rounded value, from the stored offset of the exact value.</summary>
    private static double TrueUlpError(double y, ReferenceRow row)
    {
        if (double.IsInfinity(row.Expected) || double.IsInfinity(y))
        {
            return y == row.Expected ? 0.0 : double.PositiveInfinity;
        }

        return Math.Abs(((y - row.Expected) / Ulp.Of(row.Expected)) - row.DeltaUlp);
    }

    private static List<ReferenceRow> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "numerics", "elementary", "elementary.csv");
        var rows = new List<ReferenceRow>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.StartsWith("function,", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split(',');
            rows.Add(new ReferenceRow(
                cells[0],
                FromHex(cells[1]),
                FromHex(cells[2]),
                double.Parse(cells[3], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static double FromHex(string hex) =>
        BitConverter.Int64BitsToDouble(long.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private sealed record ReferenceRow(string Function, double X, double Expected, double DeltaUlp);
}
