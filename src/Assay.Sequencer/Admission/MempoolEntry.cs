using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.Hashing;

namespace Assay.Sequencer.Admission;

/// <summary>A transaction waiting for a block, and the promise of its receipt.</summary>
internal sealed class MempoolEntry(SignedTransaction transaction, long sequence, long arrivedUnixMs)
{
    public SignedTransaction Transaction { get; } = transaction;

    public Hash256 Hash { get; } = transaction.Hash;

    public long Sequence { get; } = sequence;

    public long ArrivedUnixMs { get; } = arrivedUnixMs;

    /// <summary>Completed with the receipt once the block is durable, or faulted when the sequencer cannot store it.</summary>
    public TaskCompletionSource<TransactionReceipt> Receipt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
