using Assay.Pricing.Volatility;

namespace Assay.Cli.Pricing.Models;

/// <summary><c>assay iv</c>: the Black–Scholes–Merton volatility that reproduces a price.</summary>
public sealed class ImpliedVolRowModel : IRowModel
{
    /// <inheritdoc />
    public string Name => "iv";

    /// <inheritdoc />
    public IReadOnlyList<string> InputColumns { get; } = ["type", "S", "K", "T", "r", "q", "price"];

    /// <inheritdoc />
    public IReadOnlyList<string> OutputColumns { get; } = ["iv"];

    /// <inheritdoc />
    public void Compute(RowReader row, Span<double> outputs) =>
        outputs[0] = ImpliedVolatility.Solve(new ImpliedVolatilityParameters(
            row.Choice("type", Choices.OptionTypes), row.Double("S"), row.Double("K"), row.Double("T"),
            row.Double("r"), row.Double("q"), row.Double("price")));
}
