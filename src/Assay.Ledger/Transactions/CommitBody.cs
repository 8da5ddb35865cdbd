using Assay.Proofs.Canonical;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Transactions;

/// <summary>Commits to a result: <c>Commitment.Create(taskId, node, root digest, salt)</c>.</summary>
/// <remarks>Fields: task id (32) ‖ commitment (32). The committed root is the <c>MerkleSumRoot.Digest()</c> of the result.</remarks>
/// <param name="TaskId">The task (field <c>task_id</c>).</param>
/// <param name="Commitment">The commitment (field <c>commitment</c>).</param>
public sealed record CommitBody(Hash256 TaskId, Commitment Commitment) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.Commit;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(TaskId);
        writer.WriteHash(Commitment.Value);
    }
}
