using Assay.Proofs.Canonical;

namespace Assay.Ledger.Transactions;

/// <summary>Proof that a node signed two different commitments for one task: anyone may submit it, and the node is slashed.</summary>
/// <remarks>
/// Fields: the first signed transaction ‖ the second (each a whole <see cref="SignedTransaction"/> object, header
/// included). The ledger checks that both are <see cref="CommitBody"/> transactions whose signatures verify, signed by
/// the same key, for the same task, with different commitments (docs/ledger.md, "Equivocation evidence").
/// Equality compares the two transactions' hashes.
/// </remarks>
/// <param name="First">One signed commit (field <c>first</c>).</param>
/// <param name="Second">The conflicting signed commit (field <c>second</c>).</param>
public sealed record EquivocationEvidenceBody(SignedTransaction First, SignedTransaction Second) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.EquivocationEvidence;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteObject(First);
        writer.WriteObject(Second);
    }

    /// <summary>Reads the body.</summary>
    public static EquivocationEvidenceBody Read(ref CanonicalReader reader) =>
        new(reader.ReadObject<SignedTransaction>(), reader.ReadObject<SignedTransaction>());

    /// <inheritdoc/>
    public bool Equals(EquivocationEvidenceBody? other) =>
        other is not null && First.Hash == other.First.Hash && Second.Hash == other.Second.Hash;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(First.Hash, Second.Hash);
}
