using Assay.Proofs.Hashing;

namespace Assay.Storage.Chain;

/// <summary>The result of re-executing a stored chain: blocks checked, the first height that differs (if any) and why, and the head state root reached.</summary>
/// <param name="StartHeight">Height of the state the replay started from (0 = the genesis snapshot in block 0, else a stored snapshot).</param>
/// <param name="HeadHeight">Height of the store's head.</param>
/// <param name="BlocksChecked">Blocks re-executed after <paramref name="StartHeight"/> (including one that differed).</param>
/// <param name="TransactionsReplayed">Transactions re-executed.</param>
/// <param name="FirstMismatchHeight">First height whose stored block differs from the replay, or null when all match.</param>
/// <param name="Detail">Which field differed, with both values, or "all blocks match".</param>
/// <param name="HeadStateRoot">The replayed state root at the last matching height.</param>
public sealed record ChainReplayReport(
    long StartHeight, long HeadHeight, long BlocksChecked, long TransactionsReplayed, long? FirstMismatchHeight, string Detail, Hash256 HeadStateRoot)
{
    /// <summary>Whether every stored block matched its replay.</summary>
    public bool AllMatch => FirstMismatchHeight is null;
}
