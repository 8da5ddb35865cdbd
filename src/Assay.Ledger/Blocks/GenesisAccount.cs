using Assay.Proofs.Signatures;

namespace Assay.Ledger.Blocks;

/// <summary>An account at genesis and its balances per asset (minor units).</summary>
/// <param name="Address">The account's address.</param>
/// <param name="Balances">Balances per asset.</param>
public sealed record GenesisAccount(Address Address, IReadOnlyDictionary<string, ulong> Balances);
