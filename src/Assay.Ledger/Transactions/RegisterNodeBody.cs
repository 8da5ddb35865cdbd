using Assay.Ledger.State;
using Assay.Proofs.Canonical;

namespace Assay.Ledger.Transactions;

/// <summary>Registers the sender as a node, bonding <paramref name="StakeMinorUnits"/> of the native asset.</summary>
/// <remarks>Fields: u64 stake ‖ capabilities (<see cref="NodeCapabilities"/>).</remarks>
/// <param name="StakeMinorUnits">Stake, ≥ the minimum stake (field <c>stake</c>).</param>
/// <param name="Capabilities">What the node offers (field <c>capabilities</c>).</param>
public sealed record RegisterNodeBody(ulong StakeMinorUnits, NodeCapabilities Capabilities) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.RegisterNode;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(StakeMinorUnits);
        Capabilities.Write(writer);
    }
}
