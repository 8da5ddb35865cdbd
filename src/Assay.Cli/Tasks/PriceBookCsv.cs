using System.Globalization;
using Assay.Cli.Csv;
using Assay.Cli.Pricing;
using Assay.Compute.Kinds;
using Assay.Pricing;
using Assay.Pricing.Engines.Analytic;

namespace Assay.Cli.Tasks;

/// <summary>Reads a book CSV for a pricebook task: the <c>assay price --model bsm</c> columns type,S,K,T,r,q,sigma plus quantity.</summary>
public static class PriceBookCsv
{
    private static readonly string[] Columns = ["type", "S", "K", "T", "r", "q", "sigma", "quantity"];

    /// <summary>The positions of the book at <paramref name="path"/>, in row order.</summary>
    /// <exception cref="TaskFileException">Unreadable file, missing column, or a row whose field is not a valid number or option type (row and column named).</exception>
    public static PriceBookInputs Read(string path)
    {
        CsvTable table;
        try
        {
            table = CsvTable.Read(path);
        }
        catch (Exception e) when (e is IOException or CsvFormatException or UnauthorizedAccessException)
        {
            throw new TaskFileException($"{path}: {e.Message}");
        }

        var index = new int[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            index[c] = table.IndexOf(Columns[c]);
            if (index[c] < 0)
            {
                throw new TaskFileException($"{path}: missing column {Columns[c]} (need {string.Join(",", Columns)}).");
            }
        }

        if (table.Rows.Count is 0 or > PriceBookInputs.MaxPositions)
        {
            throw new TaskFileException($"{path}: a book needs 1 … {PriceBookInputs.MaxPositions} rows; got {table.Rows.Count}.");
        }

        var positions = new PriceBookPosition[table.Rows.Count];
        for (var r = 0; r < positions.Length; r++)
        {
            var row = table.Rows[r];
            var line = r + 2;
            var typeText = row[index[0]].Trim().ToLowerInvariant();
            if (!Choices.OptionTypes.TryGetValue(typeText, out var type))
            {
                throw new TaskFileException($"{path}: line {line}: type: expected call or put; got '{row[index[0]]}'.");
            }

            var option = new BlackScholesParameters(
                type,
                Number(path, line, "S", row[index[1]]),
                Number(path, line, "K", row[index[2]]),
                Number(path, line, "T", row[index[3]]),
                Number(path, line, "r", row[index[4]]),
                Number(path, line, "q", row[index[5]]),
                Number(path, line, "sigma", row[index[6]]));
            try
            {
                option.Validate();
            }
            catch (PricingInputException e)
            {
                throw new TaskFileException($"{path}: line {line}: {e.Message}");
            }

            positions[r] = new PriceBookPosition(option, Number(path, line, "quantity", row[index[7]]));
        }

        try
        {
            return new PriceBookInputs(positions);
        }
        catch (Exception e) when (e is ArgumentException or Assay.Compute.Tasks.TaskSpecException)
        {
            throw new TaskFileException($"{path}: {e.Message}");
        }
    }

    private static double Number(string path, int line, string column, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new TaskFileException($"{path}: line {line}: {column}: not a finite number: '{text}'.");
}
