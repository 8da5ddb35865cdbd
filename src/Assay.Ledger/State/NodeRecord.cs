using System.Collections.Immutable;
using Assay.Proofs.Canonical;

namespace Assay.Ledger.State;

/// <summary>A compute node: bonded stake, capabilities, reputation, status, faults and stake on its way out.</summary>
/// <remarks>
/// Canonical body (format 1, tag <see cref="LedgerTypeTags.NodeRecord"/>): u64 stake ‖ capabilities
/// (<see cref="NodeCapabilities"/>) ‖ u32 reputation ‖ u8 status ‖ u32 consecutive faults ‖ u64 total faults ‖
/// u32 n ‖ n × (u64 amount ‖ u64 release height) in the order they were created.
/// </remarks>
public sealed record NodeRecord : ICanonicalEncodable<NodeRecord>
{
    /// <summary>Most unbonding entries at once.</summary>
    public const int MaxUnbondingEntries = 32;

    /// <summary>Reputation of a node that returns from jail: a floor it must rebuild from (of <see cref="ProtocolParameters.MaxReputation"/>).</summary>
    public const uint UnjailReputation = 1_000;

    /// <summary>Creates a node record.</summary>
    public NodeRecord(ulong stakeMinorUnits, NodeCapabilities capabilities, uint reputation, NodeStatus status, uint consecutiveFaults, ulong totalFaults, ImmutableArray<UnbondingEntry> unbonding)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        StakeMinorUnits = stakeMinorUnits;
        Capabilities = capabilities;
        Reputation = reputation;
        Status = status;
        ConsecutiveFaults = consecutiveFaults;
        TotalFaults = totalFaults;
        Unbonding = unbonding.IsDefault ? [] : unbonding;
    }

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.NodeRecord;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the record's hash.</summary>
    public static string HashTag => "assay/ledger-node/v1";

    /// <summary>Bonded stake in minor units of the native asset.</summary>
    public ulong StakeMinorUnits { get; init; }

    /// <summary>What the node offers.</summary>
    public NodeCapabilities Capabilities { get; init; }

    /// <summary>Reputation, 0 … <see cref="ProtocolParameters.MaxReputation"/>; allocation weight = stake × reputation.</summary>
    public uint Reputation { get; init; }

    /// <summary>Active, jailed or unbonding.</summary>
    public NodeStatus Status { get; init; }

    /// <summary>Faults since the last good result; reaching the jail threshold jails the node.</summary>
    public uint ConsecutiveFaults { get; init; }

    /// <summary>All faults ever.</summary>
    public ulong TotalFaults { get; init; }

    /// <summary>Stake leaving the node, slashable until released.</summary>
    public ImmutableArray<UnbondingEntry> Unbonding { get; init; }

    /// <summary>Stake plus every unbonding amount (everything slashable), as a 128-bit sum.</summary>
    public UInt128 SlashableMinorUnits
    {
        get
        {
            UInt128 total = StakeMinorUnits;
            foreach (var entry in Unbonding)
            {
                total += entry.AmountMinorUnits;
            }

            return total;
        }
    }

    /// <summary>Reads and validates a body.</summary>
    public static NodeRecord ReadBody(ref CanonicalReader reader)
    {
        var stake = reader.ReadUInt64();
        var caps = NodeCapabilities.Read(ref reader);
        var start = reader.Position;
        var reputation = reader.ReadUInt32();
        var status = reader.ReadByte();
        if (reputation > ProtocolParameters.MaxReputation || status is < 1 or > 3)
        {
            CanonicalReader.Fail(start, "reputation ≤ 10000 and a status of 1 … 3");
        }

        var consecutive = reader.ReadUInt32();
        var total = reader.ReadUInt64();
        var count = reader.ReadCount(MaxUnbondingEntries, 16);
        var entries = ImmutableArray.CreateBuilder<UnbondingEntry>(count);
        for (var i = 0; i < count; i++)
        {
            entries.Add(new UnbondingEntry(reader.ReadUInt64(), reader.ReadUInt64()));
        }

        return new NodeRecord(stake, caps, reputation, (NodeStatus)status, consecutive, total, entries.MoveToImmutable());
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(StakeMinorUnits);
        Capabilities.Write(writer);
        writer.WriteUInt32(Reputation);
        writer.WriteByte((byte)Status);
        writer.WriteUInt32(ConsecutiveFaults);
        writer.WriteUInt64(TotalFaults);
        writer.WriteCount(Unbonding.Length, MaxUnbondingEntries);
        foreach (var entry in Unbonding)
        {
            writer.WriteUInt64(entry.AmountMinorUnits);
            writer.WriteUInt64(entry.ReleaseHeight);
        }
    }

    /// <inheritdoc/>
    public bool Equals(NodeRecord? other) =>
        other is not null && StakeMinorUnits == other.StakeMinorUnits && Capabilities.Equals(other.Capabilities)
        && Reputation == other.Reputation && Status == other.Status && ConsecutiveFaults == other.ConsecutiveFaults
        && TotalFaults == other.TotalFaults && Unbonding.SequenceEqual(other.Unbonding);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StakeMinorUnits, Reputation, Status);
}
