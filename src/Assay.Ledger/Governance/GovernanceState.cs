using Assay.Ledger.State;
using Assay.Proofs.Canonical;

namespace Assay.Ledger.Governance;

/// <summary>The governance singleton: the current config and the changes executed in this block, which take effect at the start of the next.</summary>
/// <remarks>Canonical body (format 1, tag <see cref="LedgerTypeTags.GovernanceState"/>): config object ‖ bool ‖
/// [pending parameters object] ‖ bool ‖ [pending config object]. Absent from state when the genesis names no governors
/// (governance disabled), so such a ledger's roots are unchanged.</remarks>
/// <param name="Config">The governors, threshold, time lock and lifetime in force.</param>
/// <param name="PendingParameters">Parameters executed in the current block, in force from the next, or null.</param>
/// <param name="PendingConfig">A governance config executed in the current block, in force from the next, or null.</param>
public sealed record GovernanceState(GovernanceConfig Config, ProtocolParameters? PendingParameters, GovernanceConfig? PendingConfig)
    : ICanonicalEncodable<GovernanceState>
{
    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.GovernanceState;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the record's hash.</summary>
    public static string HashTag => "assay/ledger-governance/v1";

    /// <summary>Reads a body.</summary>
    public static GovernanceState ReadBody(ref CanonicalReader reader)
    {
        var config = reader.ReadObject<GovernanceConfig>();
        var parameters = reader.ReadBoolean() ? reader.ReadObject<ProtocolParameters>() : null;
        return new GovernanceState(config, parameters, Proposal.ReadOptionalConfig(ref reader));
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteObject(Config);
        writer.WriteBoolean(PendingParameters is not null);
        if (PendingParameters is not null)
        {
            writer.WriteObject(PendingParameters);
        }

        Proposal.WriteOptionalConfig(writer, PendingConfig);
    }
}
