using Assay.Compute.Tasks;
using Assay.Proofs.Canonical;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Transactions;

/// <summary>Reveals a committed result: the full <see cref="TaskResult"/> (root with its sums, aggregate), the salt and the spot-check proof.</summary>
/// <remarks>
/// Fields: task id (32) ‖ TaskResult object ‖ salt (32-byte string) ‖ proof (byte string, the
/// <c>SpotCheckProof.Encode()</c> bytes, ≤ <see cref="MaxProofBytes"/>). The result's node address must be the sender;
/// its signature field is not used (the transaction's signature covers it).
/// </remarks>
/// <param name="TaskId">The task (field <c>task_id</c>).</param>
/// <param name="Result">The result (field <c>result</c>).</param>
/// <param name="Salt">The commitment salt (field <c>salt</c>).</param>
/// <param name="Proof">The encoded spot-check proof (field <c>proof</c>).</param>
public sealed record RevealBody(Hash256 TaskId, TaskResult Result, CommitSalt Salt, byte[] Proof) : TransactionBody
{
    /// <summary>Largest encoded proof.</summary>
    public const int MaxProofBytes = 16 << 20;

    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.Reveal;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(TaskId);
        writer.WriteObject(Result);
        Span<byte> salt = stackalloc byte[CommitSalt.Length];
        Salt.WriteTo(salt);
        writer.WriteBytes(salt, CommitSalt.Length);
        writer.WriteBytes(Proof, MaxProofBytes);
    }
}
