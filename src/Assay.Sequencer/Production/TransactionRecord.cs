using Assay.Ledger.Views;

namespace Assay.Sequencer.Production;

/// <summary>Where a settled transaction is (block height and index) and the receipt given for it.</summary>
internal sealed record TransactionRecord(long Height, int Index, TransactionReceipt Receipt);
