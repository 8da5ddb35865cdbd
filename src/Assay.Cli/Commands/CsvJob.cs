using Assay.Cli.Csv;
using Assay.Cli.Pricing;
using Spectre.Console;

namespace Assay.Cli.Commands;

/// <summary>The shared shape of <c>assay price</c> and <c>assay iv</c>: CSV in, model per row, CSV or table out.</summary>
public static class CsvJob
{
    /// <summary>Exit code when every row was priced.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code for a usage, file or format error; nothing is written.</summary>
    public const int ExitUsage = 1;

    /// <summary>Exit code when some rows were rejected (their <c>error</c> column says why); the rest are priced.</summary>
    public const int ExitSomeRowsRejected = 2;

    /// <summary>At most this many rows are drawn as a table on the terminal; the file output has them all.</summary>
    public const int MaxTableRows = 100;

    /// <summary>Rows from which a progress bar is worth drawing.</summary>
    private const int ProgressMinRows = 20_000;

    /// <summary>Runs <paramref name="model"/> over <paramref name="inputPath"/>.</summary>
    /// <param name="model">The row model.</param>
    /// <param name="inputPath">The input CSV.</param>
    /// <param name="outputPath">An output CSV path; <c>-</c> writes CSV to standard output; null draws a table.</param>
    /// <param name="console">Where tables, progress and summaries go.</param>
    /// <param name="stdout">Standard output, for <c>--output -</c>.</param>
    /// <param name="stderr">Where errors and the summary go.</param>
    public static int Run(IRowModel model, string inputPath, string? outputPath, IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        CsvTable input;
        try
        {
            input = CsvTable.Read(inputPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            stderr.WriteLine($"error: cannot read {inputPath}: {ex.Message}");
            return ExitUsage;
        }

        RowPricingResult result;
        try
        {
            result = PriceWithProgress(input, model, console, showProgress: outputPath is not null and not "-");
        }
        catch (CsvFormatException ex)
        {
            stderr.WriteLine($"error: {inputPath}: {ex.Message}");
            return ExitUsage;
        }

        if (outputPath is null)
        {
            console.Write(BuildTable(result.Output));
            if (result.Output.Rows.Count > MaxTableRows)
            {
                console.MarkupLine($"[grey]… {result.Output.Rows.Count - MaxTableRows} more rows; use --output FILE for all of them at full precision.[/]");
            }
        }
        else if (outputPath == "-")
        {
            result.Output.Write(stdout);
        }
        else
        {
            try
            {
                WriteAtomically(result.Output, outputPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: cannot write {outputPath}: {ex.Message}");
                return ExitUsage;
            }
        }

        var rows = result.Output.Rows.Count;
        stderr.WriteLine(result.RejectedRows == 0
            ? $"{model.Name}: {rows} rows priced"
            : $"{model.Name}: {rows - result.RejectedRows} rows priced, {result.RejectedRows} rejected (see the '{RowPricer.ErrorColumn}' column)");
        return result.RejectedRows == 0 ? ExitOk : ExitSomeRowsRejected;
    }

    private static RowPricingResult PriceWithProgress(CsvTable input, IRowModel model, IAnsiConsole console, bool showProgress)
    {
        if (!showProgress || input.Rows.Count < ProgressMinRows || !console.Profile.Capabilities.Interactive)
        {
            return RowPricer.Run(input, model);
        }

        RowPricingResult? result = null;
        console.Progress().Start(ctx =>
        {
            var task = ctx.AddTask($"{model.Name}: pricing {input.Rows.Count} rows", maxValue: input.Rows.Count);
            result = RowPricer.Run(input, model, done => task.Value = done);
            task.Value = input.Rows.Count;
        });
        return result!;
    }

    /// <summary>Writes to a temporary file beside the target and renames it, so a failure leaves no partial file.</summary>
    private static void WriteAtomically(CsvTable table, string path) => AtomicFile.Write(path, table.Write);

    private static Table BuildTable(CsvTable output)
    {
        var table = new Table().Border(TableBorder.Rounded);
        var errorAt = output.IndexOf(RowPricer.ErrorColumn);
        var anyError = output.Rows.Exists(r => r[errorAt].Length > 0);
        var shown = Enumerable.Range(0, output.Header.Count).Where(i => i != errorAt || anyError).ToList();
        foreach (var i in shown)
        {
            var column = new TableColumn(Markup.Escape(output.Header[i]));
            table.AddColumn(i == errorAt ? column.LeftAligned() : column.RightAligned());
        }

        foreach (var row in output.Rows.Take(MaxTableRows))
        {
            table.AddRow(shown.Select(i => i == errorAt ? (Spectre.Console.Rendering.IRenderable)new Text(row[i], new Style(Color.Red)) : new Text(Shorten(row[i]))).ToArray());
        }

        return table;
    }

    /// <summary>Seven significant digits on screen; the CSV output keeps every digit.</summary>
    private static string Shorten(string field) =>
        field.Length > 8 && double.TryParse(field, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v.ToString("G7", System.Globalization.CultureInfo.InvariantCulture)
            : field;
}
