using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assay.Ledger.Views;

/// <summary>The one set of JSON options the sequencer writes and the SDK reads the API's view records with.</summary>
/// <remarks>
/// Property names are <c>snake_case</c>; dictionary keys (asset names, phases) are written as they are. Integers are JSON
/// numbers. Non-finite doubles are written as the strings <c>"NaN"</c>/<c>"Infinity"</c> rather than failing, although
/// the ledger never stores them.
/// </remarks>
public static class ApiJson
{
    /// <summary>The shared, read-only serializer options (snake_case names, no indentation, nulls written).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
