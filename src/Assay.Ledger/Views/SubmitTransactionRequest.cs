namespace Assay.Ledger.Views;

/// <summary>The body of <c>POST /v1/transactions</c>: one signed transaction as the hex of its canonical encoding.</summary>
/// <param name="Tx">Canonical <c>SignedTransaction</c> bytes (hex).</param>
public sealed record SubmitTransactionRequest(string Tx);
