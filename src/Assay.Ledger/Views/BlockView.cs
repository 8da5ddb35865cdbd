using Assay.Ledger.Blocks;

namespace Assay.Ledger.Views;

/// <summary>A block: its header fields, beacon, and each transaction with its outcome.</summary>
/// <param name="Height">Height.</param>
/// <param name="Hash">Block hash (hex).</param>
/// <param name="ParentHash">Parent hash (hex).</param>
/// <param name="TimestampUnixMs">Block time (Unix ms).</param>
/// <param name="TxRoot">Merkle root of the transaction hashes (hex).</param>
/// <param name="OutcomesRoot">Merkle root of the outcomes (hex).</param>
/// <param name="StateRoot">State root after the block (hex).</param>
/// <param name="Beacon">Randomness beacon output (hex).</param>
/// <param name="TxCount">Number of transactions.</param>
/// <param name="Transactions">The transactions with their outcomes, in block order.</param>
public sealed record BlockView(
    long Height, string Hash, string ParentHash, long TimestampUnixMs, string TxRoot, string OutcomesRoot, string StateRoot, string Beacon, int TxCount,
    IReadOnlyList<BlockTransactionView> Transactions)
{
    /// <summary>The view of <paramref name="block"/>.</summary>
    public static BlockView From(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var h = block.Header;
        var txs = new BlockTransactionView[block.Transactions.Count];
        for (var i = 0; i < txs.Length; i++)
        {
            txs[i] = BlockTransactionView.From(block.Transactions[i], block.Outcomes[i]);
        }

        return new BlockView(
            (long)h.Height, h.Hash.ToString(), h.ParentHash.ToString(), h.TimestampUnixMs, h.TransactionRoot.ToString(), h.OutcomesRoot.ToString(),
            h.StateRoot.ToString(), h.Beacon.ToString(), txs.Length, txs);
    }
}
