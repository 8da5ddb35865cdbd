using Assay.Ledger.State;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Blocks;

/// <summary>A node registered at genesis with its bonded stake (native asset) and capabilities.</summary>
/// <param name="Address">The operator's address.</param>
/// <param name="StakeMinorUnits">Bonded stake, ≥ the minimum stake.</param>
/// <param name="Capabilities">What the node offers.</param>
public sealed record GenesisNode(Address Address, ulong StakeMinorUnits, NodeCapabilities Capabilities);
