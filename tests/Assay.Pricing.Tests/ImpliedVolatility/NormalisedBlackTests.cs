using System.Globalization;
using Assay.Pricing.Instruments;
using Assay.Pricing.Volatility;
using Xunit.Abstractions;

namespace Assay.Pricing.Tests.Volatility;

/// <summary>The normalised Black function against mpmath (60 digits) on a grid around its region boundaries.</summary>
public sealed class NormalisedBlackTests(ITestOutputHelper output)
{
    private const double Epsilon = 1.1102230246251565e-16; // 2^-53

    [Fact]
    public void Matches_mpmath_reference_to_a_few_ulp_times_condition()
    {
        // Reference: tests/data/pricing/iv/generate_normalised_black.py (mpmath 1.2.1, mp.dps = 60).
        var rows = ReferenceCsv.Read("normalised_black.csv");
        Assert.True(rows.Count > 1500, $"only {rows.Count} reference rows");
        var worst = 0.0;
        var worstScaled = 0.0;
        var worstRow = string.Empty;
        var worstScaledRow = string.Empty;
        var failures = new List<string>();
        var slack = KernelAccuracy.Slack;
        output.WriteLine($"Numerics kernel error {KernelAccuracy.WorstRelativeError:E2} -> tolerance slack x{slack:F1}");
        foreach (var row in rows)
        {
            var x = row.D("x");
            var s = row.D("s");
            var type = row["theta"] == "1" ? OptionType.Call : OptionType.Put;
            var expected = row.D("b");
            var kappa = row.D("kappa");
            var actual = NormalisedBlack.Value(x, s, type);
            var error = Math.Abs(actual - expected) / expected;
            var scaled = error / (Epsilon * (1.0 + kappa));
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"line {row["line"]}: x={x:R} s={s:R} {type} region={row["region"]} b={expected:R} got {actual:R} rel.err={error:E3} kappa={kappa:E3}");
            if (error > worst)
            {
                worst = error;
                worstRow = text;
            }

            if (scaled > worstScaled)
            {
                worstScaled = scaled;
                worstScaledRow = text;
            }

            // Tolerance: 1e-14 relative where b is well-conditioned; where b itself amplifies input roundings
            // (kappa = |x b_x/b| + |s b_s/b| large) a few ulp per unit of condition; times the kernel slack.
            if (!(error <= slack * Math.Max(1e-14, 8.0 * Epsilon * (1.0 + kappa))))
            {
                failures.Add(text);
            }
        }

        output.WriteLine($"worst relative error: {worst:E3} at {worstRow}");
        output.WriteLine($"worst error/(eps(1+kappa)): {worstScaled:F2} at {worstScaledRow}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {rows.Count} rows out of tolerance (slack x{slack:F1}):\n" + string.Join("\n", failures.Take(20)));
    }
}
