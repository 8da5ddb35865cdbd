using System.Text;

namespace Assay.Cli.Csv;

/// <summary>Splits CSV text into records: comma separated, double-quote quoting with "" escapes, LF or CRLF.</summary>
internal sealed class CsvParser(TextReader reader)
{
    /// <summary>The longest field accepted, so a missing closing quote cannot swallow a whole file.</summary>
    private const int MaxFieldChars = 1 << 20;

    private readonly StringBuilder _field = new();

    /// <summary>The 1-based line on which the last record returned ended.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next record, or null at the end of the input.</summary>
    public string[]? NextRecord()
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var startLine = LineNumber + 1;
        LineNumber++;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (quoted)
                {
                    throw new CsvFormatException($"line {startLine}: a quoted field is not closed");
                }

                fields.Add(_field.ToString());
                return [.. fields];
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        LineNumber++;
                    }

                    Append((char)c, startLine);
                }

                continue;
            }

            switch (c)
            {
                case '"' when _field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(_field.ToString());
                    return [.. fields];
                default:
                    Append((char)c, startLine);
                    break;
            }
        }
    }

    private void Append(char c, int startLine)
    {
        if (_field.Length >= MaxFieldChars)
        {
            throw new CsvFormatException($"line {startLine}: a field is longer than {MaxFieldChars} characters");
        }

        _field.Append(c);
    }
}
