using Assay.Pricing.Engines.American;

namespace Assay.Cli.Pricing.Models;

/// <summary><c>--model american</c>: American exercise on a dividend-paying stock.</summary>
public sealed class AmericanRowModel : IRowModel
{
    /// <inheritdoc />
    public string Name => "american";

    /// <inheritdoc />
    public IReadOnlyList<string> InputColumns { get; } = ["type", "S", "K", "T", "r", "q", "sigma"];

    /// <inheritdoc />
    public IReadOnlyList<string> OutputColumns { get; } = ["price", "delta", "gamma", "vega", "theta", "rho"];

    /// <inheritdoc />
    public void Compute(RowReader row, Span<double> outputs)
    {
        var p = new AmericanParameters(
            row.Choice("type", Choices.OptionTypes), row.Double("S"), row.Double("K"), row.Double("T"),
            row.Double("r"), row.Double("q"), row.Double("sigma"));
        var g = AmericanOption.Greeks(p);
        (outputs[0], outputs[1], outputs[2], outputs[3], outputs[4], outputs[5]) = (g.Price, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho);
    }
}
