namespace Assay.Ledger.Transactions;

/// <summary>The outcome of applying one transaction: <see cref="RejectionReason.None"/>, or a reason with the field at fault and a message.</summary>
/// <param name="Reason">Why, or <see cref="RejectionReason.None"/> when applied.</param>
/// <param name="Field">The field at fault, as the transaction spells it (e.g. <c>nonce</c>, <c>amount</c>, <c>task_id</c>).</param>
/// <param name="Message">A message for people naming the field and the allowed range.</param>
public readonly record struct Rejection(RejectionReason Reason, string Field, string Message)
{
    /// <summary>The transaction was applied.</summary>
    public static Rejection Accepted => new(RejectionReason.None, string.Empty, string.Empty);

    /// <summary>Whether the transaction was applied.</summary>
    public bool IsAccepted => Reason == RejectionReason.None;

    /// <inheritdoc/>
    public override string ToString() => IsAccepted ? "accepted" : $"{Reason} ({Field}): {Message}";
}
