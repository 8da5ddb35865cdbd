using System.Collections.Immutable;
using Assay.Ledger.State;
using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Governance;

/// <summary>Who governs and how: the governor set, the approval threshold k, the time lock and the proposal lifetime.</summary>
/// <remarks>
/// Canonical body (format 1, tag <see cref="LedgerTypeTags.GovernanceConfig"/>): u32 n ‖ n × address (ascending bytes,
/// distinct) ‖ u32 threshold ‖ u64 time lock blocks ‖ u64 proposal lifetime blocks. A proposal executes at a height
/// ≥ (height at which its k-th approval landed) + time lock, and expires after proposed height + lifetime.
/// </remarks>
/// <param name="Governors">The governors, ascending address bytes, 1 … <see cref="MaxGovernors"/> (field <c>governors</c>).</param>
/// <param name="Threshold">Approvals needed, 1 … n (field <c>threshold</c>).</param>
/// <param name="TimelockBlocks">Blocks between the k-th approval and the earliest execution, 0 … 2^32 (field <c>timelock_blocks</c>).</param>
/// <param name="ProposalLifetimeBlocks">Blocks after its proposal at which a proposal expires; greater than the time lock, ≤ 2^32 (field <c>proposal_lifetime_blocks</c>).</param>
public sealed record GovernanceConfig(ImmutableArray<Address> Governors, uint Threshold, ulong TimelockBlocks, ulong ProposalLifetimeBlocks)
    : ICanonicalEncodable<GovernanceConfig>
{
    /// <summary>Largest governor set.</summary>
    public const int MaxGovernors = 64;

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.GovernanceConfig;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the record's hash.</summary>
    public static string HashTag => "assay/ledger-governance-config/v1";

    /// <summary>A config over <paramref name="governors"/> in any order (sorted here by address bytes).</summary>
    public static GovernanceConfig Create(IEnumerable<Address> governors, uint threshold, ulong timelockBlocks, ulong proposalLifetimeBlocks) =>
        new([.. governors.Order(ByteOrder.Instance)], threshold, timelockBlocks, proposalLifetimeBlocks);

    /// <summary>Value equality, including the governor list element by element.</summary>
    public bool Equals(GovernanceConfig? other) =>
        other is not null && Threshold == other.Threshold && TimelockBlocks == other.TimelockBlocks && ProposalLifetimeBlocks == other.ProposalLifetimeBlocks
        && Governors.AsSpan().SequenceEqual(other.Governors.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Governors.Length, Threshold, TimelockBlocks, ProposalLifetimeBlocks);

    /// <summary>Whether <paramref name="address"/> is a governor.</summary>
    public bool IsGovernor(Address address) => Governors.BinarySearch(address, ByteOrder.Instance) >= 0;

    /// <summary>The first field out of range as (name, message), or null when valid.</summary>
    public (string Field, string Message)? Validate()
    {
        if (Governors.IsDefaultOrEmpty || Governors.Length > MaxGovernors)
        {
            return ("governors", $"governors: 1 … {MaxGovernors} addresses; got {(Governors.IsDefault ? 0 : Governors.Length)}.");
        }

        for (var i = 1; i < Governors.Length; i++)
        {
            if (ByteOrder.Instance.Compare(Governors[i - 1], Governors[i]) >= 0)
            {
                return ("governors", $"governors: must be distinct and in ascending byte order ({Governors[i]} at {i}).");
            }
        }

        if (Threshold == 0 || Threshold > Governors.Length)
        {
            return ("threshold", $"threshold must be 1 … {Governors.Length} (the number of governors); got {Threshold}.");
        }

        if (TimelockBlocks > ProtocolParameters.MaxWindowBlocks)
        {
            return ("timelock_blocks", $"timelock_blocks must be 0 … {ProtocolParameters.MaxWindowBlocks}; got {TimelockBlocks}.");
        }

        if (ProposalLifetimeBlocks <= TimelockBlocks || ProposalLifetimeBlocks > ProtocolParameters.MaxWindowBlocks)
        {
            return ("proposal_lifetime_blocks", $"proposal_lifetime_blocks must be {TimelockBlocks + 1} … {ProtocolParameters.MaxWindowBlocks} (more than the time lock); got {ProposalLifetimeBlocks}.");
        }

        return null;
    }

    /// <summary>Reads and validates a body.</summary>
    public static GovernanceConfig ReadBody(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var count = reader.ReadCount(MaxGovernors, Address.Length);
        var governors = ImmutableArray.CreateBuilder<Address>(count);
        for (var i = 0; i < count; i++)
        {
            governors.Add(CanonicalFields.ReadAddress(ref reader));
        }

        var config = new GovernanceConfig(governors.MoveToImmutable(), reader.ReadUInt32(), reader.ReadUInt64(), reader.ReadUInt64());
        if (config.Validate() is { } error)
        {
            CanonicalReader.Fail(start, error.Message);
        }

        return config;
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCount(Governors.Length, MaxGovernors);
        foreach (var governor in Governors)
        {
            CanonicalFields.WriteAddress(writer, governor);
        }

        writer.WriteUInt32(Threshold);
        writer.WriteUInt64(TimelockBlocks);
        writer.WriteUInt64(ProposalLifetimeBlocks);
    }
}
