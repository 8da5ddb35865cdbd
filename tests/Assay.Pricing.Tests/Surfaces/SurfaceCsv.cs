using System.Globalization;

namespace Assay.Pricing.Tests.Surfaces;

/// <summary>Reads the reference CSVs of tests/data/surfaces (header row, comma separated, no quoting).</summary>
internal static class SurfaceCsv
{
    public static List<Dictionary<string, string>> Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "surfaces", name);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToList();
    }

    public static double D(this Dictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string Describe(this Dictionary<string, string> row) => string.Join(", ", row.Select(p => $"{p.Key}={p.Value}"));
}
