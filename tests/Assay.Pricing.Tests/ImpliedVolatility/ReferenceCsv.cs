using System.Globalization;

namespace Assay.Pricing.Tests.Volatility;

/// <summary>Reads the committed mpmath reference tables under data/pricing/iv.</summary>
internal static class ReferenceCsv
{
    public static IReadOnlyList<Dictionary<string, string>> Read(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "pricing", "iv", fileName);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var rows = new List<Dictionary<string, string>>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split(',');
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var j = 0; j < header.Length; j++)
            {
                row[header[j]] = cells[j];
            }

            row["line"] = (i + 1).ToString(CultureInfo.InvariantCulture);
            rows.Add(row);
        }

        return rows;
    }

    public static double D(this Dictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);
}
