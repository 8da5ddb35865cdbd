using Assay.Proofs.Canonical;

namespace Assay.Ledger.Transactions;

/// <summary>Moves <paramref name="AmountMinorUnits"/> of the sender's stake to unbonding; it stays slashable until released.</summary>
/// <remarks>Fields: u64 amount. The remaining stake must be 0 or at least the minimum stake.</remarks>
/// <param name="AmountMinorUnits">Amount, 1 … stake (field <c>amount</c>).</param>
public sealed record BeginUnbondingBody(ulong AmountMinorUnits) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.BeginUnbonding;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(AmountMinorUnits);
    }
}
