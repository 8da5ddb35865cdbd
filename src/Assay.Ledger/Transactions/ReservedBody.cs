using Assay.Proofs.Canonical;

namespace Assay.Ledger.Transactions;

/// <summary>The body of a reserved kind (challenge, bisection step, governance) carried as raw bytes until its layout lands; always rejected with <see cref="RejectionReason.UnsupportedKind"/>.</summary>
/// <remarks>Fields: byte string ≤ <see cref="MaxBytes"/>.</remarks>
/// <param name="ReservedKind">The reserved kind.</param>
/// <param name="Bytes">The raw body.</param>
public sealed record ReservedBody(TransactionKind ReservedKind, byte[] Bytes) : TransactionBody
{
    /// <summary>Largest raw body.</summary>
    public const int MaxBytes = 1 << 16;

    /// <inheritdoc/>
    public override TransactionKind Kind => ReservedKind;

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBytes(Bytes, MaxBytes);
    }
}
