using System.Globalization;
using Assay.Cli.Csv;

namespace Assay.Cli.Pricing;

/// <summary>Typed access by column name to one row of an input table.</summary>
public readonly struct RowReader(CsvTable table, string[] row)
{
    /// <summary>The field <paramref name="column"/> as a finite or non-finite double; the model validates ranges.</summary>
    public double Double(string column)
    {
        var text = Text(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new RowInputException(column, $"{column} must be a number with '.' decimals (got '{text}')");
        }

        return value;
    }

    /// <summary>The field <paramref name="column"/> as a 32-bit integer.</summary>
    public int Int32(string column)
    {
        var text = Text(column);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new RowInputException(column, $"{column} must be an integer (got '{text}')");
        }

        return value;
    }

    /// <summary>The field <paramref name="column"/> as one of the names in <paramref name="choices"/> (case-insensitive).</summary>
    public T Choice<T>(string column, IReadOnlyDictionary<string, T> choices)
    {
        var text = Text(column);
        if (!choices.TryGetValue(text, out var value))
        {
            throw new RowInputException(column, $"{column} must be one of {string.Join("|", choices.Keys)} (got '{text}')");
        }

        return value;
    }

    /// <summary>The trimmed text of the field <paramref name="column"/>.</summary>
    public string Text(string column)
    {
        var i = table.IndexOf(column);
        if (i < 0)
        {
            throw new RowInputException(column, $"the input has no column '{column}'");
        }

        return row[i].Trim();
    }
}
