using System.Globalization;
using Assay.Cli.Csv;
using Assay.Pricing;

namespace Assay.Cli.Pricing;

/// <summary>Applies a row model to every row of a table, in parallel, keeping row order and isolating bad rows.</summary>
public static class RowPricer
{
    /// <summary>The name of the column that carries a rejected row's message.</summary>
    public const string ErrorColumn = "error";

    /// <summary>Rows priced per parallel work item; fixed so the split does not depend on the core count.</summary>
    private const int ChunkRows = 256;

    /// <summary>Prices every row of <paramref name="input"/> with <paramref name="model"/>.</summary>
    /// <param name="input">The input table; it must have every column the model needs.</param>
    /// <param name="model">The model.</param>
    /// <param name="rowsDone">Called with the number of rows finished so far (from worker threads), for progress.</param>
    /// <exception cref="CsvFormatException">The input lacks a required column.</exception>
    public static RowPricingResult Run(CsvTable input, IRowModel model, Action<int>? rowsDone = null)
    {
        var missing = model.InputColumns.Where(c => input.IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new CsvFormatException(
                $"model '{model.Name}' needs column(s) {string.Join(", ", missing)}; it reads {string.Join(",", model.InputColumns)}");
        }

        // Output columns that the input already has are overwritten in place; the rest are appended.
        var header = new List<string>(input.Header);
        var outputNames = model.OutputColumns.Append(ErrorColumn).ToArray();
        var outputAt = new int[outputNames.Length];
        for (var j = 0; j < outputNames.Length; j++)
        {
            var existing = input.IndexOf(outputNames[j]);
            if (existing >= 0)
            {
                outputAt[j] = existing;
            }
            else
            {
                outputAt[j] = header.Count;
                header.Add(outputNames[j]);
            }
        }

        var rows = new string[input.Rows.Count][];
        var rejected = 0;
        var done = 0;
        var chunks = (input.Rows.Count + ChunkRows - 1) / ChunkRows;
        Parallel.For(0, chunks, chunk =>
        {
            Span<double> values = stackalloc double[model.OutputColumns.Count];
            var end = Math.Min(input.Rows.Count, (chunk + 1) * ChunkRows);
            for (var i = chunk * ChunkRows; i < end; i++)
            {
                var source = input.Rows[i];
                var row = new string[header.Count];
                Array.Copy(source, row, source.Length);
                var error = string.Empty;
                try
                {
                    model.Compute(new RowReader(input, source), values);
                }
                catch (Exception ex) when (ex is RowInputException or PricingInputException)
                {
                    error = ex.Message;
                    Interlocked.Increment(ref rejected);
                }

                for (var j = 0; j < values.Length; j++)
                {
                    row[outputAt[j]] = error.Length == 0 ? Format(values[j]) : string.Empty;
                }

                row[outputAt[^1]] = error;
                rows[i] = row;
            }

            var total = Interlocked.Add(ref done, end - (chunk * ChunkRows));
            rowsDone?.Invoke(total);
        });

        return new RowPricingResult(new CsvTable(header, [.. rows]), rejected);
    }

    /// <summary>The shortest text that parses back to the same double.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
