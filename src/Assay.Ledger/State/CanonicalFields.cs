using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.State;

/// <summary>Encodings of field types the ledger uses and Assay.Proofs does not define (addresses, asset names).</summary>
public static class CanonicalFields
{
    /// <summary>Longest asset name in UTF-8 bytes.</summary>
    public const int MaxAssetLength = 16;

    /// <summary>Writes an address as a byte string of exactly 20 bytes.</summary>
    public static void WriteAddress(CanonicalWriter writer, Address address)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> bytes = stackalloc byte[Address.Length];
        address.WriteTo(bytes);
        writer.WriteBytes(bytes, Address.Length);
    }

    /// <summary>Reads an address written by <see cref="WriteAddress"/>; any other length is refused.</summary>
    public static Address ReadAddress(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var bytes = reader.ReadBytes(Address.Length);
        if (bytes.Length != Address.Length)
        {
            CanonicalReader.Fail(start, "a 20-byte address");
        }

        return new Address(bytes);
    }

    /// <summary>Whether <paramref name="asset"/> is a valid asset name: 1 … 16 characters A–Z, 0–9.</summary>
    public static bool IsValidAsset(string? asset)
    {
        if (string.IsNullOrEmpty(asset) || asset.Length > MaxAssetLength)
        {
            return false;
        }

        foreach (var c in asset)
        {
            if (!(c is >= 'A' and <= 'Z' or >= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads an asset name and checks it with <see cref="IsValidAsset"/>.</summary>
    public static string ReadAsset(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var asset = reader.ReadString(MaxAssetLength);
        if (!IsValidAsset(asset))
        {
            CanonicalReader.Fail(start, "an asset name of 1 … 16 characters A–Z, 0–9");
        }

        return asset;
    }
}
