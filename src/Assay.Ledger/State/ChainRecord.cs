using System.Collections.Immutable;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.State;

/// <summary>Chain-wide state: the last block's height, time, hash and beacon, the insurance fund, burns and the genesis supply.</summary>
/// <remarks>
/// Canonical body (format 1, tag <see cref="LedgerTypeTags.ChainRecord"/>): u64 height ‖ i64 timestamp (Unix ms) ‖
/// last block hash ‖ last beacon ‖ u64 insurance ‖ u64 burned ‖ u64 minted ‖ u32 n ‖ n × (asset ‖ i128 genesis supply, 0 … 2^127 − 1),
/// assets ascending ordinal. Height and time are the block being (or last) applied; hash and beacon are its parent's,
/// because a block's own hash and beacon are derived from its state root.
/// </remarks>
public sealed record ChainRecord : ICanonicalEncodable<ChainRecord>
{
    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.ChainRecord;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the record's hash.</summary>
    public static string HashTag => "assay/ledger-chain/v1";

    /// <summary>Height of the block being (or last) applied.</summary>
    public ulong Height { get; init; }

    /// <summary>Timestamp of the block being (or last) applied, Unix ms.</summary>
    public long TimestampUnixMs { get; init; }

    /// <summary>Hash of that block's parent.</summary>
    public Hash256 LastBlockHash { get; init; }

    /// <summary>Beacon output of that block's parent (the randomness its block duties used).</summary>
    public Hash256 LastBeacon { get; init; }

    /// <summary>The insurance fund, minor units of the native asset.</summary>
    public ulong InsuranceMinorUnits { get; init; }

    /// <summary>Everything burned so far, minor units of the native asset.</summary>
    public ulong BurnedMinorUnits { get; init; }

    /// <summary>Everything minted after genesis (0: the protocol mints nothing yet).</summary>
    public ulong MintedMinorUnits { get; init; }

    /// <summary>Total supply per asset at genesis.</summary>
    public ImmutableSortedDictionary<string, UInt128> GenesisSupply { get; init; } = ImmutableSortedDictionary.Create<string, UInt128>(StringComparer.Ordinal);

    /// <summary>Reads and validates a body.</summary>
    public static ChainRecord ReadBody(ref CanonicalReader reader)
    {
        var height = reader.ReadUInt64();
        var time = reader.ReadInt64();
        var hash = reader.ReadHash();
        var beacon = reader.ReadHash();
        var insurance = reader.ReadUInt64();
        var burned = reader.ReadUInt64();
        var minted = reader.ReadUInt64();
        var count = reader.ReadCount(Account.MaxAssets, 13);
        var supply = ImmutableSortedDictionary.CreateBuilder<string, UInt128>(StringComparer.Ordinal);
        string? previous = null;
        for (var i = 0; i < count; i++)
        {
            var start = reader.Position;
            var asset = CanonicalFields.ReadAsset(ref reader);
            if (previous is not null && string.CompareOrdinal(previous, asset) >= 0)
            {
                CanonicalReader.Fail(start, "assets in strictly ascending order");
            }

            var amountAt = reader.Position;
            var amount = reader.ReadInt128();
            if (amount < 0)
            {
                CanonicalReader.Fail(amountAt, "a non-negative supply");
            }

            supply.Add(asset, (UInt128)amount);
            previous = asset;
        }

        return new ChainRecord
        {
            Height = height, TimestampUnixMs = time, LastBlockHash = hash, LastBeacon = beacon, InsuranceMinorUnits = insurance,
            BurnedMinorUnits = burned, MintedMinorUnits = minted, GenesisSupply = supply.ToImmutable(),
        };
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(Height);
        writer.WriteInt64(TimestampUnixMs);
        writer.WriteHash(LastBlockHash);
        writer.WriteHash(LastBeacon);
        writer.WriteUInt64(InsuranceMinorUnits);
        writer.WriteUInt64(BurnedMinorUnits);
        writer.WriteUInt64(MintedMinorUnits);
        writer.WriteCount(GenesisSupply.Count, Account.MaxAssets);
        foreach (var (asset, amount) in GenesisSupply)
        {
            writer.WriteString(asset, CanonicalFields.MaxAssetLength);
            writer.WriteInt128((Int128)amount);
        }
    }

    /// <inheritdoc/>
    public bool Equals(ChainRecord? other) =>
        other is not null && Height == other.Height && TimestampUnixMs == other.TimestampUnixMs && LastBlockHash == other.LastBlockHash
        && LastBeacon == other.LastBeacon && InsuranceMinorUnits == other.InsuranceMinorUnits && BurnedMinorUnits == other.BurnedMinorUnits
        && MintedMinorUnits == other.MintedMinorUnits && GenesisSupply.SequenceEqual(other.GenesisSupply);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Height, LastBeacon);
}
