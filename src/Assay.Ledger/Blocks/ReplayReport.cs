namespace Assay.Ledger.Blocks;

/// <summary>The result of replaying a chain: whether every recomputed header matched, and if not the first height that differs and why.</summary>
/// <param name="BlocksChecked">Blocks re-executed (including the one that differed).</param>
/// <param name="FirstMismatchHeight">First height whose recomputed header differs, or null when all match.</param>
/// <param name="Detail">Which field differed, with both values.</param>
public sealed record ReplayReport(int BlocksChecked, ulong? FirstMismatchHeight, string Detail)
{
    /// <summary>Whether every block matched.</summary>
    public bool AllMatch => FirstMismatchHeight is null;
}
