using Assay.Ledger.Governance;
using Assay.Ledger.State;

namespace Assay.Ledger.Blocks;

/// <summary>The initial state: timestamp, protocol parameters, balances and nodes (see <see cref="GenesisJson"/> for the file form).</summary>
/// <param name="TimestampUnixMs">Genesis time, Unix ms, ≥ 0.</param>
/// <param name="Parameters">Protocol parameters.</param>
/// <param name="Accounts">Accounts and balances, distinct addresses.</param>
/// <param name="Nodes">Nodes, distinct addresses.</param>
public sealed record GenesisConfig(long TimestampUnixMs, ProtocolParameters Parameters, IReadOnlyList<GenesisAccount> Accounts, IReadOnlyList<GenesisNode> Nodes)
{
    /// <summary>The governor set and its rules, or null for a ledger without governance (parameters then never change).</summary>
    public GovernanceConfig? Governance { get; init; }
}
