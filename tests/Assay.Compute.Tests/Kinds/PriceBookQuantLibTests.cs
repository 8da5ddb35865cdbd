using System.Globalization;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Compute.Tests.Kinds;

/// <summary>Price-book totals against QuantLib 1.29 (tests/data/compute/generate_pricebook_quantlib.py).</summary>
public sealed class PriceBookQuantLibTests
{
    [Fact]
    public void Portfolio_sums_match_QuantLib_AnalyticEuropeanEngine()
    {
        var lines = File.ReadAllLines(TaskFixtures.DataPath("pricebook_quantlib.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        var positions = lines.Where(r => r[0] != "TOTAL").Select(r => new PriceBookPosition(
            new BlackScholesParameters(r[0] == "call" ? OptionType.Call : OptionType.Put, D(r[1]), D(r[2]), D(r[3]), D(r[4]), D(r[5]), D(r[6])), D(r[7]))).ToArray();
        var rows = lines.Where(r => r[0] != "TOTAL").ToArray();
        var total = lines.Single(r => r[0] == "TOTAL");
        var book = new PriceBookInputs(positions);
        var aggregate = TaskRunner.Run(TaskFixtures.PriceBookSpec(book, uniform: 3), TaskFixtures.Node).Result.Aggregate;
        for (var i = 0; i < PriceBookKind.FieldNames.Length; i++)
        {
            var name = PriceBookKind.FieldNames[i];
            var expected = D(total[8 + i]);
            var magnitude = rows.Sum(r => Math.Abs(D(r[8 + i])));
            var tolerance = (1e-11 * magnitude) + (positions.Length * Math.ScaleB(1.0, -49));
            Assert.True(
                Math.Abs(aggregate[name] - expected) <= tolerance,
                $"{name}: Assay {aggregate[name]:R}, QuantLib {expected:R}, tolerance {tolerance:R}; book: {string.Join("; ", positions)}");
        }
    }
}
