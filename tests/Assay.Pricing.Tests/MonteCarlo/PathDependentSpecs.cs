using System.Globalization;
using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Spec builders and reference tables shared by the path-dependent Monte Carlo tests.</summary>
internal static class PathDependentSpecs
{
    public static MonteCarloSpec Spec(
        PayoffSpec payoff, double s, double t, double r, double q, double sigma, long paths, int steps, ulong seed,
        bool antithetic = false, int threads = -1, BatchVectorWidth width = BatchVectorWidth.Auto) =>
        new(new GbmModel(s, t, r, q, sigma), payoff, new MonteCarloSettings(paths, steps, seed, antithetic, threads, width));

    public static PayoffSpec Barrier(OptionType type, BarrierType barrierType, double k, double h, double rebate, PathMonitoring monitoring) =>
        new(PayoffKind.Barrier, type, k, BarrierType: barrierType, Barrier: h, Rebate: rebate, Monitoring: monitoring);

    /// <summary>Rows of a committed CSV under data/pricing/monte-carlo, as name → text.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Table(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "pricing", "monte-carlo", fileName);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(l => l.Split(','))
            .Select(cells => header.Select((name, i) => (name, cells[i])).ToDictionary(x => x.name, x => x.Item2, StringComparer.Ordinal))
            .ToArray();
    }

    public static double Number(this Dictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string Describe(this Dictionary<string, string> row) => string.Join(", ", row.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>|estimate − reference| within <paramref name="sigmas"/> standard errors (the reference's own error included).</summary>
    public static void Within(double estimate, double standardError, double reference, double sigmas, string what, string context, double referenceError = 0.0)
    {
        var tolerance = sigmas * Math.Sqrt((standardError * standardError) + (referenceError * referenceError));
        Assert.True(
            Math.Abs(estimate - reference) <= tolerance,
            $"{what}: MC {estimate:R} ± {standardError:R} vs reference {reference:R} (|diff| {Math.Abs(estimate - reference):R} > {sigmas}σ = {tolerance:R}); {context}");
    }
}
