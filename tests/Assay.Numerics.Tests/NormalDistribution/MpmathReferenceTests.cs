using System.Globalization;
using Xunit.Abstractions;

namespace Assay.Numerics.Tests.NormalDistribution;

/// <summary>Every kernel against correctly rounded mpmath values (tests/data/numerics/normal/generate_normal.py).</summary>
public sealed class MpmathReferenceTests(ITestOutputHelper output)
{
    private const double MaxUlp = 2.0;

    [Theory]
    [InlineData("erfc.csv")]
    [InlineData("erfcx.csv")]
    [InlineData("pdf.csv")]
    [InlineData("cdf.csv")]
    [InlineData("inverse_cdf.csv")]
    public void Within_two_ulp_of_the_correctly_rounded_value_on_every_row(string file)
    {
        Func<double, double> f = file switch
        {
            "erfc.csv" => ErrorFunction.Erfc,
            "erfcx.csv" => ErrorFunction.Erfcx,
            "pdf.csv" => Numerics.Normal.Pdf,
            "cdf.csv" => Numerics.Normal.Cdf,
            _ => Numerics.Normal.InverseCdf,
        };
        var rows = ReferenceValues.Load(file);
        Assert.True(rows.Count > 2000, $"{file}: only {rows.Count} rows");
        var worst = (Ulp: 0.0, Input: 0.0, Expected: 0.0, Got: 0.0);
        var failures = new List<string>();
        var histogram = new int[3];
        foreach (var (input, expected) in rows)
        {
            var got = f(input);
            var ulp = ReferenceValues.UlpDistance(got, expected);
            histogram[ulp == 0 ? 0 : ulp <= 1 ? 1 : 2]++;
            if (ulp > worst.Ulp)
            {
                worst = (ulp, input, expected, got);
            }

            if (ulp > MaxUlp && failures.Count < 20)
            {
                failures.Add(Describe(ulp, input, expected, got));
            }
        }

        output.WriteLine($"{file}: {rows.Count} rows, max {worst.Ulp} ulp; exact {histogram[0]}, 1 ulp {histogram[1]}, more {histogram[2]}");
        output.WriteLine($"worst: {Describe(worst.Ulp, worst.Input, worst.Expected, worst.Got)}");
        Assert.True(failures.Count == 0, $"{file}: max {worst.Ulp} ulp\n" + string.Join("\n", failures));
    }

    private static string Describe(double ulp, double input, double expected, double got) =>
        string.Create(CultureInfo.InvariantCulture, $"x={input:R} (0x{ReferenceValues.Hex(input)}) expected={expected:R} got={got:R} ({ulp} ulp)");
}
