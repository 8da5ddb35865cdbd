using Assay.Cli.Csv;
using Assay.Cli.Pricing;
using Assay.Pricing;

namespace Assay.Cli.Tests;

public sealed class RowPricerTests
{
    /// <summary>A model that doubles x, rejecting negative x through the library's own validation.</summary>
    private sealed class DoublingModel : IRowModel
    {
        public string Name => "double";

        public IReadOnlyList<string> InputColumns { get; } = ["x"];

        public IReadOnlyList<string> OutputColumns { get; } = ["twice", "thrice"];

        public void Compute(RowReader row, Span<double> outputs)
        {
            var x = row.Double("x");
            InputGuard.NonNegative(x, "x");
            outputs[0] = 2 * x;
            outputs[1] = 3 * x;
        }
    }

    [Fact]
    public void Extra_columns_are_copied_and_outputs_appended_in_order()
    {
        var input = CsvTable.Read(new StringReader("id,X\nA,1.5\nB,0.1\n"));

        var result = RowPricer.Run(input, new DoublingModel());

        Assert.Equal(["id", "X", "twice", "thrice", "error"], result.Output.Header);
        Assert.Equal(["A", "1.5", "3", "4.5", ""], result.Output.Rows[0]);
        Assert.Equal("0.30000000000000004", result.Output.Rows[1][3]);
        Assert.Equal(0, result.RejectedRows);
    }

    [Fact]
    public void A_bad_row_gets_its_message_and_the_others_are_still_priced()
    {
        var input = CsvTable.Read(new StringReader("x\n1\n-2\nabc\n4\n"));

        var result = RowPricer.Run(input, new DoublingModel());

        Assert.Equal(2, result.RejectedRows);
        Assert.Equal(["1", "2", "3", ""], result.Output.Rows[0]);
        Assert.Equal(["-2", "", "", "x must be a finite number >= 0 (got -2)"], result.Output.Rows[1]);
        Assert.Equal(["abc", "", "", "x must be a number with '.' decimals (got 'abc')"], result.Output.Rows[2]);
        Assert.Equal("8", result.Output.Rows[3][1]);
    }

    [Fact]
    public void An_output_column_already_in_the_input_is_overwritten_in_place()
    {
        var input = CsvTable.Read(new StringReader("twice,x\nstale,5\n"));

        var result = RowPricer.Run(input, new DoublingModel());

        Assert.Equal(["twice", "x", "thrice", "error"], result.Output.Header);
        Assert.Equal(["10", "5", "15", ""], result.Output.Rows[0]);
    }

    [Fact]
    public void A_missing_input_column_is_a_format_error_that_names_it()
    {
        var input = CsvTable.Read(new StringReader("y\n1\n"));

        var ex = Assert.Throws<CsvFormatException>(() => RowPricer.Run(input, new DoublingModel()));

        Assert.Contains("needs column(s) x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_rows_come_back_in_input_order()
    {
        var text = "x\n" + string.Join("\n", Enumerable.Range(0, 5000)) + "\n";
        var result = RowPricer.Run(CsvTable.Read(new StringReader(text)), new DoublingModel());

        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal((2 * i).ToString(System.Globalization.CultureInfo.InvariantCulture), result.Output.Rows[i][1]);
        }
    }
}
