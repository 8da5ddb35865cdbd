using System.Globalization;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.BlackScholes;

/// <summary>A committed reference CSV from tests/data/pricing/bsm, read by column name.</summary>
internal sealed class ReferenceTable
{
    private readonly Dictionary<string, int> _columns;

    private ReferenceTable(string[] header, List<string[]> rows)
    {
        _columns = header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        Rows = rows;
    }

    public List<string[]> Rows { get; }

    public static ReferenceTable Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "pricing", "bsm", fileName);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        return new ReferenceTable(lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    public double Number(string[] row, string column) =>
        double.Parse(row[_columns[column]], NumberStyles.Float, CultureInfo.InvariantCulture);

    public OptionType Type(string[] row) => Enum.Parse<OptionType>(row[_columns["type"]]);

    public string Describe(string[] row) => string.Join(", ", _columns.OrderBy(c => c.Value).Select(c => $"{c.Key}={row[c.Value]}"));
}
