using Assay.Cli.Csv;

namespace Assay.Cli.Tests;

public sealed class CsvTableTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_newlines()
    {
        var table = CsvTable.Read(new StringReader("id,Name,note\r\n1,\"a, b\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",x\r\n"));

        Assert.Equal(["id", "Name", "note"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["1", "a, b", "say \"hi\""], table.Rows[0]);
        Assert.Equal(["2", "two\nlines", "x"], table.Rows[1]);
        Assert.Equal(1, table.IndexOf("NAME"));
    }

    [Fact]
    public void Writing_then_reading_gives_the_same_table()
    {
        var original = new CsvTable(["a", "b"], [["x,y", "q\"uote"], ["plain", ""]]);
        var text = new StringWriter();
        original.Write(text);

        var back = CsvTable.Read(new StringReader(text.ToString()));

        Assert.Equal(original.Header, back.Header);
        Assert.Equal(original.Rows, back.Rows);
    }

    [Fact]
    public void A_row_with_the_wrong_field_count_is_reported_with_its_line()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvTable.Read(new StringReader("a,b\n1,2\n3\n")));
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_column_name_is_rejected()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvTable.Read(new StringReader("S,s\n1,2\n")));
        Assert.Contains("twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_is_rejected()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvTable.Read(new StringReader("a\n\"open\n")));
        Assert.Contains("not closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        Assert.Throws<CsvFormatException>(() => CsvTable.Read(new StringReader(string.Empty)));
    }
}
