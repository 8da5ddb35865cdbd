using Assay.Compute.Tasks;
using Assay.Ledger.Blocks;

namespace Assay.Storage.Chain;

/// <summary>How a <see cref="LedgerChain"/> runs: the snapshot interval and the ledger's beacon and task kinds.</summary>
/// <param name="SnapshotIntervalBlocks">A snapshot is stored after every block whose height is a multiple of this (≥ 1).</param>
/// <param name="Beacon">The beacon source the chain was built with (null: <see cref="HashChainBeacon"/>).</param>
/// <param name="Registry">The task kinds (null: <see cref="TaskKindRegistry.Default"/>).</param>
public readonly record struct LedgerChainOptions(int SnapshotIntervalBlocks, IBeaconSource? Beacon = null, TaskKindRegistry? Registry = null)
{
    /// <summary>The default interval: a snapshot every 1 000 blocks.</summary>
    public const int DefaultSnapshotIntervalBlocks = 1_000;

    /// <summary>Default options: a snapshot every <see cref="DefaultSnapshotIntervalBlocks"/> blocks, the hash-chain beacon, the default task kinds.</summary>
    public static LedgerChainOptions Default => new(DefaultSnapshotIntervalBlocks);

    /// <summary>Throws when the interval is not positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is below 1 (field <c>snapshot_interval_blocks</c>).</exception>
    public void Validate()
    {
        if (SnapshotIntervalBlocks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SnapshotIntervalBlocks), SnapshotIntervalBlocks, "snapshot_interval_blocks: must be ≥ 1.");
        }
    }
}
