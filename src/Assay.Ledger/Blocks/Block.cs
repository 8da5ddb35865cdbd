using Assay.Ledger.Transactions;

namespace Assay.Ledger.Blocks;

/// <summary>A block: its header, the transactions in order and what each did.</summary>
/// <param name="Header">The header.</param>
/// <param name="Transactions">The transactions, applied or rejected, in order.</param>
/// <param name="Outcomes">One outcome per transaction, same order.</param>
public sealed record Block(BlockHeader Header, IReadOnlyList<SignedTransaction> Transactions, IReadOnlyList<TransactionOutcome> Outcomes);
