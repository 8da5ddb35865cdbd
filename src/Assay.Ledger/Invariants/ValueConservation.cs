using Assay.Ledger.State;

namespace Assay.Ledger.Invariants;

/// <summary>Checks that value is conserved exactly, per asset: balances + escrow + stakes + unbonding + insurance = genesis supply + minted − burned.</summary>
/// <remarks>Escrow (task fees and dispute bonds), stakes, unbonding entries, insurance, mints and burns are in the native asset; for other assets the
/// identity reduces to Σ balances = genesis supply. Sums are 128-bit, so they cannot wrap.</remarks>
public static class ValueConservation
{
    /// <summary>Returns an empty list when the identity holds, else one line per asset that breaks it with both sides.</summary>
    public static IReadOnlyList<string> Violations(LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var native = state.Parameters.NativeAsset;
        var chain = state.Chain;
        var held = new SortedDictionary<string, UInt128>(StringComparer.Ordinal);
        foreach (var (_, account) in state.Accounts)
        {
            foreach (var (asset, amount) in account.Balances)
            {
                held[asset] = held.GetValueOrDefault(asset) + amount;
            }
        }

        UInt128 escrow = 0;
        foreach (var task in state.Tasks)
        {
            escrow += task.EscrowMinorUnits;
        }

        foreach (var dispute in state.Disputes)
        {
            escrow += dispute.BondMinorUnits;
        }

        UInt128 bonded = 0;
        foreach (var (_, node) in state.Nodes)
        {
            bonded += node.SlashableMinorUnits;
        }

        held[native] = held.GetValueOrDefault(native) + escrow + bonded + chain.InsuranceMinorUnits;
        var violations = new List<string>();
        foreach (var asset in held.Keys.Union(chain.GenesisSupply.Keys).Order(StringComparer.Ordinal))
        {
            UInt128 expected = chain.GenesisSupply.GetValueOrDefault(asset);
            if (asset == native)
            {
                expected = expected + chain.MintedMinorUnits - chain.BurnedMinorUnits;
            }

            var actual = held.GetValueOrDefault(asset);
            if (actual != expected)
            {
                violations.Add(asset == native
                    ? $"{asset}: balances + escrow {escrow} + stakes {bonded} + insurance {chain.InsuranceMinorUnits} = {actual}; genesis {chain.GenesisSupply.GetValueOrDefault(asset)} + minted {chain.MintedMinorUnits} − burned {chain.BurnedMinorUnits} = {expected}."
                    : $"{asset}: balances = {actual}; genesis supply = {expected}.");
            }
        }

        return violations;
    }
}
