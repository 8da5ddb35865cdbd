using Assay.Proofs.Canonical;

namespace Assay.Ledger.Transactions;

/// <summary>Asks the ledger to return the sender's jailed node to active duty once its jail period has passed.</summary>
/// <remarks>No fields: the sender is the node. Rules in docs/ledger.md, "Jailing and unjailing".</remarks>
public sealed record UnjailBody : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.Unjail;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer) => ArgumentNullException.ThrowIfNull(writer);
}
