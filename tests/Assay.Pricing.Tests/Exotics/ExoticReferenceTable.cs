using System.Globalization;

namespace Assay.Pricing.Tests.Exotics;

/// <summary>A committed reference CSV under data/pricing/exotics, read by column name.</summary>
internal sealed class ExoticReferenceTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly string[][] _rows;

    private ExoticReferenceTable(Dictionary<string, int> columns, string[][] rows)
    {
        _columns = columns;
        _rows = rows;
    }

    public int Count => _rows.Length;

    public static ExoticReferenceTable Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "pricing", "exotics", fileName);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var columns = header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        return new ExoticReferenceTable(columns, rows);
    }

    public double Number(int row, string column) => double.Parse(_rows[row][_columns[column]], NumberStyles.Float, CultureInfo.InvariantCulture);

    public int Integer(int row, string column) => int.Parse(_rows[row][_columns[column]], NumberStyles.Integer, CultureInfo.InvariantCulture);

    public T Enum<T>(int row, string column)
        where T : struct, Enum => System.Enum.Parse<T>(_rows[row][_columns[column]]);

    /// <summary>The whole row as "name=value" pairs, for failure messages.</summary>
    public string Describe(int row) => string.Join(", ", _columns.OrderBy(c => c.Value).Select(c => $"{c.Key}={_rows[row][c.Value]}"));
}
