using System.Globalization;
using Assay.Pricing.Engines.Fourier;
using Assay.Pricing.Instruments;
using Assay.Pricing.Models;

namespace Assay.Pricing.Tests.Heston;

/// <summary>Layer 3: HestonEngine against QuantLib 1.29 and mpmath (tests/data/pricing/heston/quantlib_heston.csv).</summary>
public sealed class HestonQuantLibTests
{
    private const double ToleranceOfSpot = 1e-8;

    private static readonly string CsvPath =
        Path.Combine(AppContext.BaseDirectory, "data", "pricing", "heston", "quantlib_heston.csv");

    private sealed record Row(string Set, HestonParameters Parameters, double QlAdaptive, double QlLobatto, double? Mpmath);

    private static List<Row> Rows()
    {
        static double P(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(CsvPath).Skip(1))
        {
            var f = line.Split(',');
            var type = f[1] == "Call" ? OptionType.Call : OptionType.Put;
            var p = new HestonParameters(type, P(f[2]), P(f[3]), P(f[4]), P(f[5]), P(f[6]), P(f[7]), P(f[8]), P(f[9]), P(f[10]), P(f[11]));
            rows.Add(new Row(f[0], p, P(f[12]), P(f[13]), f[14].Length > 0 ? P(f[14]) : null));
        }

        return rows;
    }

    [Fact]
    public void Matches_QuantLib_adaptive_engine_within_1e_8_of_spot()
    {
        var rows = Rows();
        Assert.True(rows.Count >= 600, $"only {rows.Count} rows");
        var worst = 0.0;
        foreach (var row in rows)
        {
            var p = row.Parameters;
            var result = HestonEngine.Evaluate(p);
            var difference = Math.Abs(result.Price - row.QlAdaptive);
            worst = Math.Max(worst, difference / p.Spot);
            Assert.True(
                difference <= ToleranceOfSpot * p.Spot,
                $"[{row.Set}] {HestonCases.Describe(p)}: Assay {result.Price:R} (error estimate {result.ErrorEstimate:E2}, " +
                $"{result.Evaluations} evaluations), QuantLib {row.QlAdaptive:R}, difference {difference:E3}");
        }
    }

    [Fact]
    public void Matches_QuantLib_Gatheral_Gauss_Lobatto_within_1e_8_of_spot()
    {
        foreach (var row in Rows())
        {
            var p = row.Parameters;
            var price = HestonEngine.Price(p);
            Assert.True(
                Math.Abs(price - row.QlLobatto) <= ToleranceOfSpot * p.Spot,
                $"[{row.Set}] {HestonCases.Describe(p)}: Assay {price:R}, QuantLib Gatheral/Gauss-Lobatto {row.QlLobatto:R}");
        }
    }

    [Fact]
    public void Matches_mpmath_quadrature_within_1e_10_of_spot()
    {
        var count = 0;
        foreach (var row in Rows())
        {
            if (row.Mpmath is not { } reference)
            {
                continue;
            }

            var p = row.Parameters;
            var price = HestonEngine.Price(p);
            Assert.True(
                Math.Abs(price - reference) <= 1e-10 * p.Spot,
                $"[{row.Set}] {HestonCases.Describe(p)}: Assay {price:R}, mpmath {reference:R}, difference {price - reference:E3}");
            count++;
        }

        Assert.True(count >= 8, $"only {count} mpmath rows");
    }

    [Fact]
    public void Integrator_meets_its_tolerance_on_every_reference_row()
    {
        foreach (var row in Rows())
        {
            var p = row.Parameters;
            var result = HestonEngine.Evaluate(p);
            Assert.True(
                result.ErrorEstimate <= HestonEngine.AbsoluteToleranceOfSpot * p.Spot,
                $"[{row.Set}] {HestonCases.Describe(p)}: error estimate {result.ErrorEstimate:E3} after {result.Evaluations} evaluations");
        }
    }
}
