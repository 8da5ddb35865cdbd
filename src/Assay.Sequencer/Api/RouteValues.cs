using System.Diagnostics.CodeAnalysis;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Sequencer.Api;

/// <summary>Parses the path and query values of the API (addresses, hashes, heights) without throwing.</summary>
internal static class RouteValues
{
    public static bool TryAddress([NotNullWhen(true)] string? text, out Address address) => Address.TryParse(text, out address);

    public static bool TryHash(string? text, out Hash256 hash)
    {
        hash = default;
        if (text is not { Length: Hash256.Length * 2 })
        {
            return false;
        }

        try
        {
            hash = Hash256.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static bool TryHeight(string? text, out long height) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out height);
}
