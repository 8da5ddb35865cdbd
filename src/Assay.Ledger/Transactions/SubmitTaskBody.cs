using Assay.Compute.Tasks;
using Assay.Proofs.Canonical;

namespace Assay.Ledger.Transactions;

/// <summary>Submits a task; its fee is escrowed from the sender.</summary>
/// <remarks>Fields: the <see cref="TaskSpec"/> object (header and body).</remarks>
/// <param name="Spec">The task (field <c>spec</c>).</param>
public sealed record SubmitTaskBody(TaskSpec Spec) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.SubmitTask;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteObject(Spec);
    }
}
