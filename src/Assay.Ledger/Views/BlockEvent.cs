namespace Assay.Ledger.Views;

/// <summary>A new block (first event of every block).</summary>
/// <param name="Height">Height.</param>
/// <param name="Hash">Block hash (hex).</param>
/// <param name="TimestampUnixMs">Block time (Unix ms).</param>
/// <param name="TxCount">Number of transactions.</param>
/// <param name="StateRoot">State root (hex).</param>
public sealed record BlockEvent(long Height, string Hash, long TimestampUnixMs, int TxCount, string StateRoot);
