namespace Assay.Ledger.Views;

/// <summary>A transaction of a block and its outcome.</summary>
/// <param name="Hash">Transaction hash (hex).</param>
/// <param name="Sender">Sender address.</param>
/// <param name="Nonce">Sender nonce.</param>
/// <param name="Kind">Transaction kind name.</param>
/// <param name="Outcome"><c>applied</c> or <c>rejected</c>.</param>
/// <param name="Reason">Rejection reason name, or null.</param>
public sealed record TxEvent(string Hash, string Sender, ulong Nonce, string Kind, string Outcome, string? Reason);
