using System.Text;

namespace Assay.Cli.Csv;

/// <summary>A CSV file held in memory: a header and rows of text fields (RFC 4180 quoting).</summary>
/// <remarks>Columns are matched by name, case-insensitively. Every row has exactly as many fields as the header.</remarks>
public sealed class CsvTable
{
    /// <summary>The largest input file accepted, so a stray path cannot exhaust memory.</summary>
    public const long MaxInputBytes = 2L * 1024 * 1024 * 1024;

    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a table from a header and rows whose lengths match it.</summary>
    public CsvTable(IReadOnlyList<string> header, List<string[]> rows)
    {
        Header = [.. header];
        Rows = rows;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Header.Count; i++)
        {
            if (!_index.TryAdd(Header[i].Trim(), i))
            {
                throw new CsvFormatException($"header names column '{Header[i]}' twice");
            }
        }
    }

    /// <summary>Column names in file order.</summary>
    public List<string> Header { get; }

    /// <summary>Data rows in file order.</summary>
    public List<string[]> Rows { get; }

    /// <summary>The position of <paramref name="column"/>, or −1 when the file has no such column.</summary>
    public int IndexOf(string column) => _index.TryGetValue(column, out var i) ? i : -1;

    /// <summary>Reads a CSV file; fails with <see cref="CsvFormatException"/> naming the line of a malformed row.</summary>
    public static CsvTable Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"input file not found: {path}", path);
        }

        if (info.Length > MaxInputBytes)
        {
            throw new CsvFormatException($"{path} is {info.Length} bytes; the limit is {MaxInputBytes}");
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>.</summary>
    public static CsvTable Read(TextReader reader)
    {
        var parser = new CsvParser(reader);
        var header = parser.NextRecord() ?? throw new CsvFormatException("the file is empty: a header row is required");
        var rows = new List<string[]>();
        while (parser.NextRecord() is { } record)
        {
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue; // blank line
            }

            if (record.Length != header.Length)
            {
                throw new CsvFormatException($"line {parser.LineNumber}: {record.Length} fields, but the header has {header.Length}");
            }

            rows.Add(record);
        }

        return new CsvTable(header, rows);
    }

    /// <summary>Writes the table as CSV, quoting fields only where needed.</summary>
    public void Write(TextWriter writer)
    {
        WriteRecord(writer, Header);
        foreach (var row in Rows)
        {
            WriteRecord(writer, row);
        }
    }

    private static void WriteRecord(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(f.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(f);
            }
        }

        writer.Write('\n');
    }
}
