using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Transactions;

/// <summary>Executes proposal <paramref name="ProposalId"/> once its approvals and time lock are in (anyone may send it).</summary>
/// <remarks>Fields: proposal id (32 bytes).</remarks>
/// <param name="ProposalId">The proposing transaction's hash (field <c>proposal_id</c>).</param>
public sealed record GovernanceExecuteBody(Hash256 ProposalId) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.GovernanceExecute;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(ProposalId);
    }
}
