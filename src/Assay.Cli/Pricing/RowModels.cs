using Assay.Cli.Pricing.Models;

namespace Assay.Cli.Pricing;

/// <summary>The models <c>assay price --model</c> accepts.</summary>
public static class RowModels
{
    /// <summary>Every pricing model, by its <c>--model</c> name.</summary>
    public static readonly IReadOnlyList<IRowModel> Pricing =
    [
        new BsmRowModel(), new Black76RowModel(), new AmericanRowModel(), new BarrierRowModel(),
        new GeometricAsianRowModel(), new LookbackRowModel(), new HestonRowModel(),
    ];

    /// <summary>The implied-volatility model of <c>assay iv</c>.</summary>
    public static readonly IRowModel ImpliedVolatility = new ImpliedVolRowModel();

    /// <summary>The pricing model called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static IRowModel? Find(string name) =>
        Pricing.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
