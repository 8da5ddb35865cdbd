using Assay.Ledger.State;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Views;

/// <summary>A registered compute node: stake, capabilities, reputation, status and faults.</summary>
/// <param name="Address">Node address (<c>asy…</c>).</param>
/// <param name="Stake">Bonded stake (minor units of the native asset).</param>
/// <param name="Capabilities">Declared capabilities.</param>
/// <param name="Reputation">Reputation, 0 … 10 000.</param>
/// <param name="Status"><c>active</c>, <c>jailed</c> or <c>unbonding</c>.</param>
/// <param name="ConsecutiveFaults">Faults since the last rewarded task.</param>
/// <param name="TotalFaults">Faults ever.</param>
/// <param name="Unbonding">Stake being unbonded, still slashable until released.</param>
public sealed record NodeView(
    string Address, ulong Stake, NodeCapabilitiesView Capabilities, uint Reputation, string Status, uint ConsecutiveFaults, ulong TotalFaults,
    IReadOnlyList<UnbondingView> Unbonding)
{
    /// <summary>The view of <paramref name="node"/> at <paramref name="address"/>.</summary>
    public static NodeView From(Address address, NodeRecord node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new NodeView(
            address.ToString(),
            node.StakeMinorUnits,
            new NodeCapabilitiesView([.. node.Capabilities.Names], node.Capabilities.Cores, node.Capabilities.MemoryMiB),
            node.Reputation,
            ViewText.Of(node.Status),
            node.ConsecutiveFaults,
            node.TotalFaults,
            [.. node.Unbonding.Select(u => new UnbondingView(u.AmountMinorUnits, u.ReleaseHeight))]);
    }
}
