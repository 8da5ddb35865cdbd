namespace Assay.Ledger.Views;

/// <summary>An amount of stake being unbonded and the height at which it is released.</summary>
/// <param name="Amount">Amount (minor units).</param>
/// <param name="ReleaseHeight">Block height of the release.</param>
public sealed record UnbondingView(ulong Amount, ulong ReleaseHeight);
