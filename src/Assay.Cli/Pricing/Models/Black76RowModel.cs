using Assay.Pricing.Engines.Analytic;

namespace Assay.Cli.Pricing.Models;

/// <summary><c>--model black76</c>: Black's model on a futures price; delta and gamma are with respect to F.</summary>
public sealed class Black76RowModel : IRowModel
{
    /// <inheritdoc />
    public string Name => "black76";

    /// <inheritdoc />
    public IReadOnlyList<string> InputColumns { get; } = ["type", "F", "K", "T", "r", "sigma"];

    /// <inheritdoc />
    public IReadOnlyList<string> OutputColumns { get; } = ["price", "delta", "gamma", "vega", "theta", "rho"];

    /// <inheritdoc />
    public void Compute(RowReader row, Span<double> outputs)
    {
        var p = new Black76Parameters(
            row.Choice("type", Choices.OptionTypes), row.Double("F"), row.Double("K"), row.Double("T"),
            row.Double("r"), row.Double("sigma"));
        var g = Black76.Greeks(p);
        (outputs[0], outputs[1], outputs[2], outputs[3], outputs[4], outputs[5]) = (g.Price, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho);
    }
}
