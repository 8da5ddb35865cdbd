using Assay.Pricing.Engines.Fourier;
using Assay.Pricing.Models;

namespace Assay.Cli.Pricing.Models;

/// <summary><c>--model heston</c>: European option under Heston's stochastic volatility.</summary>
/// <remarks>
/// The output carries the integrator's own error estimate beside the price, so a row that reached the
/// integration limit (e.g. ρ = ±1 exactly) says how far it can be trusted instead of passing silently.
/// </remarks>
public sealed class HestonRowModel : IRowModel
{
    /// <inheritdoc />
    public string Name => "heston";

    /// <inheritdoc />
    public IReadOnlyList<string> InputColumns { get; } = ["type", "S", "K", "T", "r", "q", "v0", "kappa", "theta", "sigma_v", "rho"];

    /// <inheritdoc />
    public IReadOnlyList<string> OutputColumns { get; } = ["price", "error_estimate"];

    /// <inheritdoc />
    public void Compute(RowReader row, Span<double> outputs)
    {
        var result = HestonEngine.Evaluate(new HestonParameters(
            row.Choice("type", Choices.OptionTypes), row.Double("S"), row.Double("K"), row.Double("T"), row.Double("r"),
            row.Double("q"), row.Double("v0"), row.Double("kappa"), row.Double("theta"), row.Double("sigma_v"), row.Double("rho")));
        outputs[0] = result.Price;
        outputs[1] = result.ErrorEstimate;
    }
}
