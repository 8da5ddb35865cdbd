using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;

namespace Assay.Ledger.Views;

/// <summary>A transaction as the API shows it: its bytes, who sent it, and where it stands.</summary>
/// <param name="Hash">Transaction hash (hex).</param>
/// <param name="Hex">Canonical encoding of the signed transaction (hex).</param>
/// <param name="Kind">The <see cref="TransactionKind"/> name.</param>
/// <param name="Sender">Sender address (<c>asy…</c>).</param>
/// <param name="Nonce">Sender nonce.</param>
/// <param name="Height">Height of the block holding it, or 0 while pending.</param>
/// <param name="Index">Position in that block, or −1 while pending.</param>
/// <param name="Outcome"><c>pending</c>, <c>applied</c> or <c>rejected</c>.</param>
/// <param name="Reason">The rejection reason name, or null.</param>
public sealed record TransactionView(string Hash, string Hex, string Kind, string Sender, ulong Nonce, long Height, int Index, string Outcome, string? Reason)
{
    /// <summary>The <see cref="Outcome"/> of a transaction still in the mempool.</summary>
    public const string Pending = "pending";

    /// <summary>The view of <paramref name="tx"/>, pending (no <paramref name="outcome"/>) or in block <paramref name="height"/>.</summary>
    public static TransactionView From(SignedTransaction tx, long height, int index, TransactionOutcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return new TransactionView(
            tx.Hash.ToString(),
            Convert.ToHexStringLower(CanonicalEncoding.Encode(tx)),
            tx.Body.Kind.ToString(),
            tx.Sender.ToString(),
            tx.Nonce,
            outcome is null ? 0 : height,
            outcome is null ? -1 : index,
            outcome is null ? Pending : outcome.Result.IsAccepted ? TransactionReceipt.Applied : TransactionReceipt.Rejected,
            outcome is null || outcome.Result.IsAccepted ? null : outcome.Result.Reason.ToString());
    }
}
