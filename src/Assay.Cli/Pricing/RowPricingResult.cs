using Assay.Cli.Csv;

namespace Assay.Cli.Pricing;

/// <summary>The output table of a CSV pricing run and how many rows were rejected.</summary>
/// <param name="Output">Input columns, then the model's outputs, then <c>error</c>.</param>
/// <param name="RejectedRows">Rows whose <c>error</c> column is set.</param>
public sealed record RowPricingResult(CsvTable Output, int RejectedRows);
