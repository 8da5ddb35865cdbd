using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Transactions;

/// <summary>What applying one transaction of a block did: its hash, the rejection reason (none when applied) and the field and message.</summary>
/// <remarks>Canonical body (format 1, tag <see cref="LedgerTypeTags.TransactionOutcome"/>): tx hash ‖ u8 reason ‖ u8 faulted.
/// The message is for people and is not hashed; the field is not hashed either (the reason is the consensus value).</remarks>
/// <param name="TransactionHash">The transaction's hash.</param>
/// <param name="Result">Accepted, or the rejection.</param>
/// <param name="Faulted">An accepted reveal whose proof failed verification (the sender was slashed).</param>
public sealed record TransactionOutcome(Hash256 TransactionHash, Rejection Result, bool Faulted) : ICanonicalEncodable<TransactionOutcome>
{
    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.TransactionOutcome;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the outcome's hash (the leaf of the outcomes root).</summary>
    public static string HashTag => "assay/ledger-tx-outcome/v1";

    /// <summary>Reads and validates a body.</summary>
    public static TransactionOutcome ReadBody(ref CanonicalReader reader)
    {
        var hash = reader.ReadHash();
        var start = reader.Position;
        var reason = reader.ReadByte();
        if (!Enum.IsDefined((RejectionReason)reason))
        {
            CanonicalReader.Fail(start, "a known rejection reason");
        }

        return new TransactionOutcome(hash, new Rejection((RejectionReason)reason, string.Empty, string.Empty), reader.ReadBoolean());
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(TransactionHash);
        writer.WriteByte((byte)Result.Reason);
        writer.WriteBoolean(Faulted);
    }
}
