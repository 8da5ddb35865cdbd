using Assay.Pricing.Engines.Analytic;

namespace Assay.Cli.Pricing.Models;

/// <summary><c>--model lookback</c>: floating-strike lookback (Goldman–Sosin–Gatto) given the extreme observed so far.</summary>
public sealed class LookbackRowModel : IRowModel
{
    /// <inheritdoc />
    public string Name => "lookback";

    /// <inheritdoc />
    public IReadOnlyList<string> InputColumns { get; } = ["type", "S", "minmax", "T", "r", "q", "sigma"];

    /// <inheritdoc />
    public IReadOnlyList<string> OutputColumns { get; } = ["price"];

    /// <inheritdoc />
    public void Compute(RowReader row, Span<double> outputs) =>
        outputs[0] = FloatingLookbackOption.Price(new FloatingLookbackParameters(
            row.Choice("type", Choices.OptionTypes), row.Double("S"), row.Double("minmax"), row.Double("T"),
            row.Double("r"), row.Double("q"), row.Double("sigma")));
}
