using Assay.Ledger.Transactions;

namespace Assay.Ledger.Views;

/// <summary>The acknowledgement of a submitted transaction: where it landed and whether the ledger applied it.</summary>
/// <remarks>
/// Given once the block holding the transaction is durably stored. A transaction dropped from the mempool without
/// entering a block (a nonce gap that never filled) has <see cref="Height"/> 0, <see cref="Index"/> −1 and an empty
/// <see cref="BlockHash"/>.
/// </remarks>
/// <param name="Hash">Transaction hash (hex).</param>
/// <param name="Outcome"><c>applied</c> or <c>rejected</c>.</param>
/// <param name="Height">Height of the block holding it (0 when it never entered a block).</param>
/// <param name="Index">Position in the block (−1 when it never entered a block).</param>
/// <param name="BlockHash">Hash of that block (hex), or empty.</param>
/// <param name="Reason">The <see cref="RejectionReason"/> name, or null when applied.</param>
/// <param name="Field">The field the rejection names, or null (unknown after a restart: the store keeps only the reason).</param>
/// <param name="Message">The rejection message, or null.</param>
/// <param name="Faulted">Whether the transaction was applied and faulted its sender (a reveal that failed verification).</param>
public sealed record TransactionReceipt(
    string Hash, string Outcome, long Height, int Index, string BlockHash, string? Reason, string? Field, string? Message, bool Faulted)
{
    /// <summary>The <see cref="Outcome"/> of a transaction the ledger applied.</summary>
    public const string Applied = "applied";

    /// <summary>The <see cref="Outcome"/> of a transaction the ledger (or the mempool) rejected.</summary>
    public const string Rejected = "rejected";

    /// <summary>Whether the ledger applied the transaction.</summary>
    public bool IsApplied => Outcome == Applied;

    /// <summary>The receipt of the transaction at <paramref name="index"/> in a block, with the ledger's outcome.</summary>
    public static TransactionReceipt From(Blocks.BlockHeader header, int index, TransactionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(outcome);
        var accepted = outcome.Result.IsAccepted;
        return new TransactionReceipt(
            outcome.TransactionHash.ToString(),
            accepted ? Applied : Rejected,
            (long)header.Height,
            index,
            header.Hash.ToString(),
            accepted ? null : outcome.Result.Reason.ToString(),
            accepted || outcome.Result.Field.Length == 0 ? null : outcome.Result.Field,
            accepted || outcome.Result.Message.Length == 0 ? null : outcome.Result.Message,
            outcome.Faulted);
    }
}
