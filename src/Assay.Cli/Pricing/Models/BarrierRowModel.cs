using Assay.Pricing.Engines.Analytic;

namespace Assay.Cli.Pricing.Models;

/// <summary><c>--model barrier</c>: continuously monitored single barrier with a rebate (Reiner–Rubinstein).</summary>
public sealed class BarrierRowModel : IRowModel
{
    /// <inheritdoc />
    public string Name => "barrier";

    /// <inheritdoc />
    public IReadOnlyList<string> InputColumns { get; } = ["type", "barrierType", "S", "K", "H", "rebate", "T", "r", "q", "sigma"];

    /// <inheritdoc />
    public IReadOnlyList<string> OutputColumns { get; } = ["price"];

    /// <inheritdoc />
    public void Compute(RowReader row, Span<double> outputs) =>
        outputs[0] = BarrierOption.Price(new BarrierParameters(
            row.Choice("type", Choices.OptionTypes), row.Choice("barrierType", Choices.BarrierTypes), row.Double("S"),
            row.Double("K"), row.Double("H"), row.Double("rebate"), row.Double("T"), row.Double("r"), row.Double("q"),
            row.Double("sigma")));
}
