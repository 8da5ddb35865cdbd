using System.Collections.Immutable;
using Assay.Ledger.State;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Governance;

/// <summary>A governance proposal held in state: its changes, approvals, time lock progress and status.</summary>
/// <remarks>
/// Canonical body (format 1, tag <see cref="LedgerTypeTags.Proposal"/>): id ‖ proposer ‖ u64 proposed height ‖ u64
/// expiry height ‖ u32 n ‖ n × (u16 parameter ‖ u64 value) ‖ bool has config ‖ [config object] ‖ u32 n ‖ n × approver
/// (ascending bytes) ‖ u64 threshold height (0 = not reached) ‖ u8 status. The id is the proposing transaction's hash.
/// </remarks>
/// <param name="Id">The proposing transaction's hash.</param>
/// <param name="Proposer">The governor who proposed (and thereby approved) it.</param>
/// <param name="ProposedHeight">Block of the proposal.</param>
/// <param name="ExpiryHeight">Last block at which it may be approved or executed.</param>
/// <param name="Changes">Parameter changes, applied in order.</param>
/// <param name="NewConfig">A replacement governor set, threshold, time lock and lifetime, or null.</param>
/// <param name="Approvals">Governors who approved, ascending address bytes.</param>
/// <param name="ThresholdHeight">Block at which approvals first reached the threshold (0 = not yet).</param>
/// <param name="Status">Open or executed.</param>
public sealed record Proposal(
    Hash256 Id,
    Address Proposer,
    ulong ProposedHeight,
    ulong ExpiryHeight,
    ImmutableArray<ParameterChange> Changes,
    GovernanceConfig? NewConfig,
    ImmutableArray<Address> Approvals,
    ulong ThresholdHeight,
    ProposalStatus Status) : ICanonicalEncodable<Proposal>
{
    /// <summary>Most parameter changes in one proposal.</summary>
    public const int MaxChanges = 32;

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.Proposal;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the record's hash.</summary>
    public static string HashTag => "assay/ledger-proposal/v1";

    /// <summary>The approvals that count under <paramref name="config"/> (approvers who are governors now).</summary>
    public int CountingApprovals(GovernanceConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var count = 0;
        foreach (var approver in Approvals)
        {
            count += config.IsGovernor(approver) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Writes u32 n ‖ n × (u16 parameter ‖ u64 value).</summary>
    public static void WriteChanges(CanonicalWriter writer, ReadOnlySpan<ParameterChange> changes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCount(changes.Length, MaxChanges);
        foreach (var change in changes)
        {
            writer.WriteUInt16((ushort)change.Parameter);
            writer.WriteUInt64(change.Value);
        }
    }

    /// <summary>Reads what <see cref="WriteChanges"/> wrote (codes are checked when applied, not here).</summary>
    public static ImmutableArray<ParameterChange> ReadChanges(ref CanonicalReader reader)
    {
        var count = reader.ReadCount(MaxChanges, 10);
        var changes = ImmutableArray.CreateBuilder<ParameterChange>(count);
        for (var i = 0; i < count; i++)
        {
            changes.Add(new ParameterChange((GovernedParameter)reader.ReadUInt16(), reader.ReadUInt64()));
        }

        return changes.MoveToImmutable();
    }

    /// <summary>Writes bool has config ‖ [config object].</summary>
    public static void WriteOptionalConfig(CanonicalWriter writer, GovernanceConfig? config)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBoolean(config is not null);
        if (config is not null)
        {
            writer.WriteObject(config);
        }
    }

    /// <summary>Reads what <see cref="WriteOptionalConfig"/> wrote.</summary>
    public static GovernanceConfig? ReadOptionalConfig(ref CanonicalReader reader) => reader.ReadBoolean() ? reader.ReadObject<GovernanceConfig>() : null;

    /// <summary>Reads a body.</summary>
    public static Proposal ReadBody(ref CanonicalReader reader)
    {
        var id = reader.ReadHash();
        var proposer = CanonicalFields.ReadAddress(ref reader);
        var proposed = reader.ReadUInt64();
        var expiry = reader.ReadUInt64();
        var changes = ReadChanges(ref reader);
        var config = ReadOptionalConfig(ref reader);
        var count = reader.ReadCount(GovernanceConfig.MaxGovernors, Address.Length);
        var approvals = ImmutableArray.CreateBuilder<Address>(count);
        for (var i = 0; i < count; i++)
        {
            approvals.Add(CanonicalFields.ReadAddress(ref reader));
        }

        var thresholdHeight = reader.ReadUInt64();
        var start = reader.Position;
        var status = (ProposalStatus)reader.ReadByte();
        if (status is not (ProposalStatus.Open or ProposalStatus.Executed))
        {
            CanonicalReader.Fail(start, "a proposal status (1 open, 2 executed)");
        }

        return new Proposal(id, proposer, proposed, expiry, changes, config, approvals.MoveToImmutable(), thresholdHeight, status);
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(Id);
        CanonicalFields.WriteAddress(writer, Proposer);
        writer.WriteUInt64(ProposedHeight);
        writer.WriteUInt64(ExpiryHeight);
        WriteChanges(writer, Changes.AsSpan());
        WriteOptionalConfig(writer, NewConfig);
        writer.WriteCount(Approvals.Length, GovernanceConfig.MaxGovernors);
        foreach (var approver in Approvals)
        {
            CanonicalFields.WriteAddress(writer, approver);
        }

        writer.WriteUInt64(ThresholdHeight);
        writer.WriteByte((byte)Status);
    }
}
