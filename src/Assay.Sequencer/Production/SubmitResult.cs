using Assay.Ledger.Views;

namespace Assay.Sequencer.Production;

/// <summary>What became of a submission before its block: a receipt to wait for, or a refusal with an HTTP status.</summary>
internal readonly record struct SubmitResult(Task<TransactionReceipt>? Receipt, int Status, string Title, string Detail, string? Reason)
{
    public static SubmitResult Waiting(Task<TransactionReceipt> receipt) => new(receipt, 200, string.Empty, string.Empty, null);

    public static SubmitResult Refused(int status, string title, string detail, string? reason = null) => new(null, status, title, detail, reason);
}
