using Assay.Ledger.State;
using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Transactions;

/// <summary>Moves <paramref name="AmountMinorUnits"/> of <paramref name="Asset"/> to <paramref name="To"/> (created if new).</summary>
/// <remarks>Fields: to (20-byte string) ‖ asset string ‖ u64 amount.</remarks>
/// <param name="To">Recipient address (field <c>to</c>).</param>
/// <param name="Asset">Asset name (field <c>asset</c>).</param>
/// <param name="AmountMinorUnits">Amount, ≥ 1 (field <c>amount</c>).</param>
public sealed record TransferBody(Address To, string Asset, ulong AmountMinorUnits) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.Transfer;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CanonicalFields.WriteAddress(writer, To);
        writer.WriteString(Asset, CanonicalFields.MaxAssetLength);
        writer.WriteUInt64(AmountMinorUnits);
    }
}
