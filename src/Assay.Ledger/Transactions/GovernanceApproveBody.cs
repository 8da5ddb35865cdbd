using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Transactions;

/// <summary>Approves proposal <paramref name="ProposalId"/> (a governor, once).</summary>
/// <remarks>Fields: proposal id (32 bytes).</remarks>
/// <param name="ProposalId">The proposing transaction's hash (field <c>proposal_id</c>).</param>
public sealed record GovernanceApproveBody(Hash256 ProposalId) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.GovernanceApprove;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(ProposalId);
    }
}
