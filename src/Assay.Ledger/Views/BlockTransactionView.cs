using Assay.Ledger.Transactions;

namespace Assay.Ledger.Views;

/// <summary>A transaction inside a block: hash, kind, sender, nonce and outcome.</summary>
/// <param name="Hash">Transaction hash (hex).</param>
/// <param name="Kind">The <see cref="TransactionKind"/> name.</param>
/// <param name="Sender">Sender address.</param>
/// <param name="Nonce">Sender nonce.</param>
/// <param name="Outcome"><c>applied</c> or <c>rejected</c>.</param>
/// <param name="Reason">Rejection reason name, or null.</param>
/// <param name="Faulted">Whether it faulted its sender.</param>
public sealed record BlockTransactionView(string Hash, string Kind, string Sender, ulong Nonce, string Outcome, string? Reason, bool Faulted)
{
    /// <summary>The view of <paramref name="tx"/> with its <paramref name="outcome"/>.</summary>
    public static BlockTransactionView From(SignedTransaction tx, TransactionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(outcome);
        var accepted = outcome.Result.IsAccepted;
        return new BlockTransactionView(
            tx.Hash.ToString(), tx.Body.Kind.ToString(), tx.Sender.ToString(), tx.Nonce, accepted ? TransactionReceipt.Applied : TransactionReceipt.Rejected,
            accepted ? null : outcome.Result.Reason.ToString(), outcome.Faulted);
    }
}
