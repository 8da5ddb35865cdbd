using Assay.Pricing.Engines.Analytic;

namespace Assay.Cli.Pricing.Models;

/// <summary><c>--model bsm</c>: Black–Scholes–Merton with a continuous dividend yield.</summary>
public sealed class BsmRowModel : IRowModel
{
    /// <inheritdoc />
    public string Name => "bsm";

    /// <inheritdoc />
    public IReadOnlyList<string> InputColumns { get; } = ["type", "S", "K", "T", "r", "q", "sigma"];

    /// <inheritdoc />
    public IReadOnlyList<string> OutputColumns { get; } = ["price", "delta", "gamma", "vega", "theta", "rho"];

    /// <inheritdoc />
    public void Compute(RowReader row, Span<double> outputs)
    {
        var p = new BlackScholesParameters(
            row.Choice("type", Choices.OptionTypes), row.Double("S"), row.Double("K"), row.Double("T"),
            row.Double("r"), row.Double("q"), row.Double("sigma"));
        var g = BlackScholesMerton.Greeks(p);
        (outputs[0], outputs[1], outputs[2], outputs[3], outputs[4], outputs[5]) = (g.Price, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho);
    }
}
