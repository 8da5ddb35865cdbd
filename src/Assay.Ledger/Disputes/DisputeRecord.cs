using Assay.Ledger.State;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Disputes;

/// <summary>One challenge of an agreed result and the state of its bisection (state namespace 7, keyed by dispute id).</summary>
/// <remarks>
/// <para>Canonical body (tag 0x0330, hash tag <c>assay/ledger-dispute/v1</c>): dispute id ‖ task id ‖ challenger ‖ u64 bond ‖
/// u64 opened height ‖ u8 status ‖ bool timed out ‖ u8 mover ‖ u64 step ‖ u64 deadline height ‖ u64 range start ‖
/// u64 range length ‖ defended node ‖ claimed node ‖ bool has defender children ‖ [left node ‖ right node], where a node
/// is hash ‖ u64 count ‖ u32 n ‖ n × i128 lane sums.</para>
/// <para>Invariant while open: <see cref="Defended"/> (the agreed tree's node over leaves [start, start + length)) and
/// <see cref="Claimed"/> (the challenger's node over the same leaves) differ. The bond is held here (escrow counted by
/// <c>ValueConservation</c>) and is zero once the dispute is resolved.</para>
/// </remarks>
/// <param name="DisputeId">The id, <see cref="DisputeRules.DisputeId"/>.</param>
/// <param name="TaskId">The challenged task.</param>
/// <param name="Challenger">The account that opened the dispute and posted the bond.</param>
/// <param name="BondMinorUnits">The bond held in escrow, native minor units (0 after resolution).</param>
/// <param name="OpenedHeight">Block of the challenge.</param>
/// <param name="Status">Open or how it ended.</param>
/// <param name="TimedOut">True when the dispute ended because the party to move missed its deadline.</param>
/// <param name="Mover">The party that must move next.</param>
/// <param name="Step">Number of completed descents (the depth of the current node below the root).</param>
/// <param name="DeadlineHeight">Last block in which the mover may move; at the next block's duties it loses.</param>
/// <param name="RangeStart">First leaf under the current node.</param>
/// <param name="RangeLength">Number of leaves under the current node (1 = a leaf).</param>
/// <param name="Defended">The agreed tree's current node (hash and sums).</param>
/// <param name="Claimed">The challenger's current node (hash and sums).</param>
/// <param name="DefenderLeft">The defender's revealed left child of the current node, once it has moved in this round.</param>
/// <param name="DefenderRight">The defender's revealed right child, with <paramref name="DefenderLeft"/>.</param>
public sealed record DisputeRecord(
    Hash256 DisputeId,
    Hash256 TaskId,
    Address Challenger,
    ulong BondMinorUnits,
    ulong OpenedHeight,
    DisputeStatus Status,
    bool TimedOut,
    DisputeParty Mover,
    ulong Step,
    ulong DeadlineHeight,
    ulong RangeStart,
    ulong RangeLength,
    MerkleSumSibling Defended,
    MerkleSumSibling Claimed,
    MerkleSumSibling? DefenderLeft,
    MerkleSumSibling? DefenderRight) : ICanonicalEncodable<DisputeRecord>
{
    /// <inheritdoc/>
    public static ushort TypeTag => LedgerTypeTags.DisputeRecord;

    /// <inheritdoc/>
    public static byte FormatVersion => 1;

    /// <inheritdoc/>
    public static string HashTag => "assay/ledger-dispute/v1";

    /// <summary>True while the bisection runs.</summary>
    public bool IsOpen => Status == DisputeStatus.Open;

    /// <inheritdoc/>
    public static DisputeRecord ReadBody(ref CanonicalReader reader)
    {
        var disputeId = reader.ReadHash();
        var taskId = reader.ReadHash();
        var challenger = CanonicalFields.ReadAddress(ref reader);
        var bond = reader.ReadUInt64();
        var opened = reader.ReadUInt64();
        var statusAt = reader.Position;
        var status = reader.ReadByte();
        if (status is < 1 or > 5)
        {
            CanonicalReader.Fail(statusAt, "a dispute status of 1 … 5");
        }

        var timedOut = reader.ReadBoolean();
        var moverAt = reader.Position;
        var mover = reader.ReadByte();
        if (mover is < 1 or > 2)
        {
            CanonicalReader.Fail(moverAt, "a dispute party of 1 … 2");
        }

        var step = reader.ReadUInt64();
        var deadline = reader.ReadUInt64();
        var start = reader.ReadUInt64();
        var length = reader.ReadUInt64();
        var defended = DisputeEncoding.ReadNode(ref reader);
        var claimed = DisputeEncoding.ReadNode(ref reader);
        MerkleSumSibling? left = null;
        MerkleSumSibling? right = null;
        if (reader.ReadBoolean())
        {
            left = DisputeEncoding.ReadNode(ref reader);
            right = DisputeEncoding.ReadNode(ref reader);
        }

        return new DisputeRecord(disputeId, taskId, challenger, bond, opened, (DisputeStatus)status, timedOut, (DisputeParty)mover, step, deadline, start, length, defended, claimed, left, right);
    }

    /// <inheritdoc/>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(DisputeId);
        writer.WriteHash(TaskId);
        CanonicalFields.WriteAddress(writer, Challenger);
        writer.WriteUInt64(BondMinorUnits);
        writer.WriteUInt64(OpenedHeight);
        writer.WriteByte((byte)Status);
        writer.WriteBoolean(TimedOut);
        writer.WriteByte((byte)Mover);
        writer.WriteUInt64(Step);
        writer.WriteUInt64(DeadlineHeight);
        writer.WriteUInt64(RangeStart);
        writer.WriteUInt64(RangeLength);
        DisputeEncoding.WriteNode(writer, Defended);
        DisputeEncoding.WriteNode(writer, Claimed);
        var hasChildren = DefenderLeft.HasValue && DefenderRight.HasValue;
        writer.WriteBoolean(hasChildren);
        if (hasChildren)
        {
            DisputeEncoding.WriteNode(writer, DefenderLeft!.Value);
            DisputeEncoding.WriteNode(writer, DefenderRight!.Value);
        }
    }
}
