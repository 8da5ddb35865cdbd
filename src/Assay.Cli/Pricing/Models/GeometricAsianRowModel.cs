using Assay.Pricing.Engines.Analytic;

namespace Assay.Cli.Pricing.Models;

/// <summary><c>--model asian-geometric</c>: geometric-average-price Asian, continuous or with N fixings at i·T/N.</summary>
public sealed class GeometricAsianRowModel : IRowModel
{
    private static readonly IReadOnlyDictionary<string, AsianAveraging> Averagings =
        new Dictionary<string, AsianAveraging>(StringComparer.OrdinalIgnoreCase)
        {
            ["continuous"] = AsianAveraging.Continuous,
            ["discrete"] = AsianAveraging.Discrete,
        };

    /// <inheritdoc />
    public string Name => "asian-geometric";

    /// <inheritdoc />
    public IReadOnlyList<string> InputColumns { get; } = ["averaging", "type", "S", "K", "T", "r", "q", "sigma", "n_fixings"];

    /// <inheritdoc />
    public IReadOnlyList<string> OutputColumns { get; } = ["price"];

    /// <inheritdoc />
    public void Compute(RowReader row, Span<double> outputs)
    {
        var averaging = row.Choice("averaging", Averagings);

        // A continuous average has no fixings; the column may be empty there.
        var fixings = averaging == AsianAveraging.Continuous && row.Text("n_fixings").Length == 0 ? 0 : row.Int32("n_fixings");
        outputs[0] = GeometricAsianOption.Price(new GeometricAsianParameters(
            row.Choice("type", Choices.OptionTypes), averaging, row.Double("S"), row.Double("K"), row.Double("T"),
            row.Double("r"), row.Double("q"), row.Double("sigma"), fixings));
    }
}
