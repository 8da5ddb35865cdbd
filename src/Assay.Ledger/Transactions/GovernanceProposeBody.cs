using System.Collections.Immutable;
using Assay.Ledger.Governance;
using Assay.Proofs.Canonical;

namespace Assay.Ledger.Transactions;

/// <summary>Proposes parameter changes and/or a new governance config; the proposer (a governor) approves it at once.</summary>
/// <remarks>Fields: u32 n ‖ n × (u16 parameter ‖ u64 value) ‖ bool ‖ [<see cref="GovernanceConfig"/> object]. At least one
/// change or a config. The proposal id is this transaction's hash.</remarks>
/// <param name="Changes">Parameter changes (field = the parameter's JSON name), at most <see cref="Proposal.MaxChanges"/>.</param>
/// <param name="NewConfig">A replacement governor set and rules, or null (fields <c>governors</c>, <c>threshold</c>, …).</param>
public sealed record GovernanceProposeBody(ImmutableArray<ParameterChange> Changes, GovernanceConfig? NewConfig) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.GovernancePropose;

    /// <summary>Reads the fields.</summary>
    public static GovernanceProposeBody Read(ref CanonicalReader reader) => new(Proposal.ReadChanges(ref reader), Proposal.ReadOptionalConfig(ref reader));

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        Proposal.WriteChanges(writer, Changes.AsSpan());
        Proposal.WriteOptionalConfig(writer, NewConfig);
    }
}
