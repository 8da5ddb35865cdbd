using System.Collections.Immutable;
using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.State;

/// <summary>An account: its next nonce, its public key once a transaction revealed it, and its balances per asset.</summary>
/// <remarks>
/// Canonical body (format 1, tag <see cref="LedgerTypeTags.Account"/>): u64 nonce ‖ bool has key ‖ [public key as a
/// byte string of 33 bytes] ‖ u32 n ‖ n × (asset string ‖ u64 amount), assets in ascending ordinal order, zero
/// balances omitted. Amounts are integers in the asset's smallest unit.
/// </remarks>
public sealed record Account : ICanonicalEncodable<Account>
{
    /// <summary>Most distinct assets one account may hold.</summary>
    public const int MaxAssets = 64;

    /// <summary>An account that has never sent a transaction and holds nothing.</summary>
    public static Account Empty { get; } = new(0, null, ImmutableSortedDictionary.Create<string, ulong>(StringComparer.Ordinal));

    /// <summary>Creates an account.</summary>
    /// <param name="nonce">Number of transactions accepted from this account (the next valid nonce).</param>
    /// <param name="publicKey">The key whose address is this account, once known.</param>
    /// <param name="balances">Non-zero balances per asset, ordinal order.</param>
    public Account(ulong nonce, PublicKey? publicKey, ImmutableSortedDictionary<string, ulong> balances)
    {
        ArgumentNullException.ThrowIfNull(balances);
        Nonce = nonce;
        PublicKey = publicKey;
        Balances = balances.KeyComparer == StringComparer.Ordinal ? balances : balances.WithComparers(StringComparer.Ordinal);
    }

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.Account;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the record's hash (the state tree's value hash).</summary>
    public static string HashTag => "assay/ledger-account/v1";

    /// <summary>Number of accepted transactions (the next valid nonce).</summary>
    public ulong Nonce { get; init; }

    /// <summary>The account's public key, once a transaction revealed it.</summary>
    public PublicKey? PublicKey { get; init; }

    /// <summary>Non-zero balances per asset, in minor units.</summary>
    public ImmutableSortedDictionary<string, ulong> Balances { get; init; }

    /// <summary>The balance of <paramref name="asset"/> (0 when absent).</summary>
    public ulong BalanceOf(string asset) => Balances.TryGetValue(asset, out var amount) ? amount : 0;

    /// <summary>A copy with the balance of <paramref name="asset"/> set (removed when zero).</summary>
    public Account WithBalance(string asset, ulong amount) =>
        this with { Balances = amount == 0 ? Balances.Remove(asset) : Balances.SetItem(asset, amount) };

    /// <summary>Reads and validates a body.</summary>
    public static Account ReadBody(ref CanonicalReader reader)
    {
        var nonce = reader.ReadUInt64();
        PublicKey? key = null;
        if (reader.ReadBoolean())
        {
            var start = reader.Position;
            if (!PublicKey.TryDecode(reader.ReadBytes(PublicKey.EncodedLength), out key))
            {
                CanonicalReader.Fail(start, "a 33-byte compressed P-256 public key");
            }
        }

        var count = reader.ReadCount(MaxAssets, 13);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ulong>(StringComparer.Ordinal);
        string? previous = null;
        for (var i = 0; i < count; i++)
        {
            var start = reader.Position;
            var asset = CanonicalFields.ReadAsset(ref reader);
            var amount = reader.ReadUInt64();
            if ((previous is not null && string.CompareOrdinal(previous, asset) >= 0) || amount == 0)
            {
                CanonicalReader.Fail(start, "assets in strictly ascending order with non-zero amounts");
            }

            builder.Add(asset, amount);
            previous = asset;
        }

        return new Account(nonce, key, builder.ToImmutable());
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(Nonce);
        writer.WriteBoolean(PublicKey is not null);
        if (PublicKey is not null)
        {
            Span<byte> key = stackalloc byte[PublicKey.EncodedLength];
            PublicKey.WriteTo(key);
            writer.WriteBytes(key, PublicKey.EncodedLength);
        }

        writer.WriteCount(Balances.Count, MaxAssets);
        foreach (var (asset, amount) in Balances)
        {
            writer.WriteString(asset, CanonicalFields.MaxAssetLength);
            writer.WriteUInt64(amount);
        }
    }

    /// <inheritdoc/>
    public bool Equals(Account? other) =>
        other is not null && Nonce == other.Nonce && Equals(PublicKey, other.PublicKey) && Balances.SequenceEqual(other.Balances);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Nonce, Balances.Count);
}
