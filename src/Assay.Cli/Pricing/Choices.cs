using Assay.Pricing.Instruments;

namespace Assay.Cli.Pricing;

/// <summary>The enumerated values the CSV formats accept, by their spelling in the file.</summary>
public static class Choices
{
    /// <summary><c>type</c>: call or put.</summary>
    public static readonly IReadOnlyDictionary<string, OptionType> OptionTypes =
        new Dictionary<string, OptionType>(StringComparer.OrdinalIgnoreCase) { ["call"] = OptionType.Call, ["put"] = OptionType.Put };

    /// <summary><c>barrierType</c>: DownOut, DownIn, UpOut or UpIn.</summary>
    public static readonly IReadOnlyDictionary<string, BarrierType> BarrierTypes =
        new Dictionary<string, BarrierType>(StringComparer.OrdinalIgnoreCase)
        {
            ["DownOut"] = BarrierType.DownOut,
            ["DownIn"] = BarrierType.DownIn,
            ["UpOut"] = BarrierType.UpOut,
            ["UpIn"] = BarrierType.UpIn,
        };
}
