namespace Assay.Cli.Pricing;

/// <summary>One pricing model as the CSV interface sees it: named inputs in, named outputs out.</summary>
public interface IRowModel
{
    /// <summary>The name given to <c>--model</c>.</summary>
    string Name { get; }

    /// <summary>The columns every input row must have.</summary>
    IReadOnlyList<string> InputColumns { get; }

    /// <summary>The columns added to the output, in order.</summary>
    IReadOnlyList<string> OutputColumns { get; }

    /// <summary>Prices one row into <paramref name="outputs"/> (length <see cref="OutputColumns"/>).</summary>
    /// <remarks>Throws <see cref="RowInputException"/> or <c>PricingInputException</c> for a bad row.</remarks>
    void Compute(RowReader row, Span<double> outputs);
}
