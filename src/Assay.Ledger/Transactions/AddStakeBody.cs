using Assay.Proofs.Canonical;

namespace Assay.Ledger.Transactions;

/// <summary>Bonds <paramref name="AmountMinorUnits"/> more of the native asset to the sender's node.</summary>
/// <remarks>Fields: u64 amount.</remarks>
/// <param name="AmountMinorUnits">Amount, ≥ 1 (field <c>amount</c>).</param>
public sealed record AddStakeBody(ulong AmountMinorUnits) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.AddStake;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(AmountMinorUnits);
    }
}
