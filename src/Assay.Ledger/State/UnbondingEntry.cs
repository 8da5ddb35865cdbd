namespace Assay.Ledger.State;

/// <summary>Stake leaving a node: slashable until <paramref name="ReleaseHeight"/>, then credited to the operator's account.</summary>
/// <param name="AmountMinorUnits">Amount in minor units of the native asset.</param>
/// <param name="ReleaseHeight">First block height at whose start the amount is released.</param>
public readonly record struct UnbondingEntry(ulong AmountMinorUnits, ulong ReleaseHeight);
