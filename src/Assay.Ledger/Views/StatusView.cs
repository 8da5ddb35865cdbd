namespace Assay.Ledger.Views;

/// <summary>The sequencer's state at its head: chain position, mempool, block production settings, task and node counts.</summary>
/// <param name="Height">Head height.</param>
/// <param name="HeadHash">Head block hash (hex).</param>
/// <param name="StateRoot">Head state root (hex).</param>
/// <param name="GenesisHash">Genesis block hash (hex).</param>
/// <param name="HeadTimestampUnixMs">Head block time (Unix ms).</param>
/// <param name="MempoolDepth">Transactions waiting in the mempool.</param>
/// <param name="MempoolCapacity">Mempool capacity.</param>
/// <param name="BlockIntervalMs">Block interval while work is waiting.</param>
/// <param name="IdleBlockIntervalMs">Longest gap between blocks when idle.</param>
/// <param name="MaxBlockTransactions">Most transactions per block.</param>
/// <param name="TasksByPhase">Task count per phase name (every phase present, zero included).</param>
/// <param name="NodeCount">Registered nodes.</param>
/// <param name="Healthy">Whether blocks are being produced and the store answers.</param>
/// <param name="Parameters">Protocol parameters.</param>
public sealed record StatusView(
    long Height,
    string HeadHash,
    string StateRoot,
    string GenesisHash,
    long HeadTimestampUnixMs,
    int MempoolDepth,
    int MempoolCapacity,
    int BlockIntervalMs,
    int IdleBlockIntervalMs,
    int MaxBlockTransactions,
    IReadOnlyDictionary<string, int> TasksByPhase,
    int NodeCount,
    bool Healthy,
    ProtocolParametersView Parameters);
