using Assay.Ledger.Blocks;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Storage;
using Assay.Storage.Chain;

namespace Assay.Cli.Ledger;

/// <summary>Reads one stored block and recovers each rejection's field (which is not stored) by re-executing the block on the state before it.</summary>
public static class BlockInspector
{
    /// <summary>Reads the block at <paramref name="height"/> and, when its replay matches, the outcomes with their fields and messages; null above the head.</summary>
    /// <remarks>The state before the block is restored from the latest stored snapshot at or below height − 1 whose head is the stored block there, else from block 0, and the blocks between are re-applied.
    /// When the replay differs from the stored block, the stored outcomes (reasons only) are returned and <c>Replayed</c> is false.</remarks>
    /// <exception cref="CanonicalFormatException">A stored block does not decode.</exception>
    public static async Task<(Block Block, IReadOnlyList<TransactionOutcome> Outcomes, bool Replayed)?> ReadAsync(IBlockStore store, long height, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await LedgerChain.ReadBlockAsync(store, height, ct).ConfigureAwait(false) is not { } block)
        {
            return null;
        }

        if (height == 0)
        {
            return (block, block.Outcomes, true);
        }

        var ledger = await RestoreBeforeAsync(store, height - 1, ct).ConfigureAwait(false);
        if (ledger is null)
        {
            return (block, block.Outcomes, false);
        }

        try
        {
            for (var h = (long)ledger.Head.Height + 1; h < height; h++)
            {
                var earlier = await LedgerChain.ReadBlockAsync(store, h, ct).ConfigureAwait(false);
                if (earlier is null || ledger.ApplyBlock(earlier.Header.TimestampUnixMs, earlier.Transactions).Header.Hash != earlier.Header.Hash)
                {
                    return (block, block.Outcomes, false);
                }
            }

            var replayed = ledger.ApplyBlock(block.Header.TimestampUnixMs, block.Transactions);
            return replayed.Header.Hash == block.Header.Hash ? (block, replayed.Outcomes, true) : (block, block.Outcomes, false);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (block, block.Outcomes, false);
        }
    }

    private static async Task<SettlementLedger?> RestoreBeforeAsync(IBlockStore store, long atOrBelow, CancellationToken ct)
    {
        if (atOrBelow > 0 && await store.GetLatestSnapshotAsync(atOrBelow, ct).ConfigureAwait(false) is { Height: > 0 } snapshot
            && await store.GetBlockAsync(snapshot.Height, ct).ConfigureAwait(false) is { } at)
        {
            try
            {
                var restored = LedgerSnapshot.Restore(snapshot.Encoded.Span);
                if (restored.Head.Hash == at.Hash)
                {
                    return restored;
                }
            }
            catch (Exception e) when (e is CanonicalFormatException or LedgerSnapshotException)
            {
                // Fall back to the genesis below.
            }
        }

        var genesis = await store.GetBlockAsync(0, ct).ConfigureAwait(false);
        try
        {
            return genesis is { } g ? LedgerSnapshot.Restore(g.Encoded.Span) : null;
        }
        catch (Exception e) when (e is CanonicalFormatException or LedgerSnapshotException)
        {
            return null;
        }
    }
}
