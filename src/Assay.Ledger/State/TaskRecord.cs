using System.Collections.Immutable;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.State;

/// <summary>A task's lifecycle on the ledger: requester, phase, escrow, assignments, agreement and finality.</summary>
/// <remarks>
/// The spec itself is stored once under <see cref="StateNamespace.TaskSpec"/>; this record changes as the task moves.
/// Canonical body (format 1, tag <see cref="LedgerTypeTags.TaskRecord"/>): task id ‖ requester (20-byte string) ‖
/// u64 submitted height ‖ u8 phase ‖ u64 escrow ‖ u64 finality height ‖ agreed root ‖ u32 replacements ‖ u32 n ‖
/// n × assignment (node ‖ u8 status ‖ u64 assigned ‖ u64 commit deadline ‖ commitment ‖ u64 reveal deadline ‖
/// challenge seed ‖ revealed root ‖ f64 estimate ‖ f64 standard error).
/// </remarks>
public sealed record TaskRecord : ICanonicalEncodable<TaskRecord>
{
    /// <summary>Most assignments a task can accumulate (replication plus replacements).</summary>
    public const int MaxAssignments = 256;

    /// <summary>Creates a task record.</summary>
    public TaskRecord(Hash256 taskId, Address requester, ulong submittedHeight, TaskPhase phase, ulong escrowMinorUnits, ulong finalityHeight, Hash256 agreedRoot, uint replacements, ImmutableArray<Assignment> assignments)
    {
        TaskId = taskId;
        Requester = requester;
        SubmittedHeight = submittedHeight;
        Phase = phase;
        EscrowMinorUnits = escrowMinorUnits;
        FinalityHeight = finalityHeight;
        AgreedRoot = agreedRoot;
        Replacements = replacements;
        Assignments = assignments.IsDefault ? [] : assignments;
    }

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.TaskRecord;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the record's hash.</summary>
    public static string HashTag => "assay/ledger-task/v1";

    /// <summary>The task id (hash of the spec).</summary>
    public Hash256 TaskId { get; init; }

    /// <summary>Who submitted the task and paid the fee.</summary>
    public Address Requester { get; init; }

    /// <summary>Height of the block that accepted the submission.</summary>
    public ulong SubmittedHeight { get; init; }

    /// <summary>Lifecycle phase.</summary>
    public TaskPhase Phase { get; init; }

    /// <summary>Fee held in escrow, minor units of the native asset.</summary>
    public ulong EscrowMinorUnits { get; init; }

    /// <summary>Height at whose start an agreed task becomes final (0 before agreement).</summary>
    public ulong FinalityHeight { get; init; }

    /// <summary>Digest of the agreed Merkle-sum root (bit-exact tasks; zero otherwise).</summary>
    public Hash256 AgreedRoot { get; init; }

    /// <summary>Replacement nodes drawn so far.</summary>
    public uint Replacements { get; init; }

    /// <summary>Assignments in the order they were drawn.</summary>
    public ImmutableArray<Assignment> Assignments { get; init; }

    /// <summary>Whether the task still needs work or settlement (not final, not expired).</summary>
    public bool IsOpen => Phase is not (TaskPhase.Final or TaskPhase.Expired);

    /// <summary>Index of <paramref name="node"/>'s latest assignment, or −1.</summary>
    public int IndexOf(Address node)
    {
        for (var i = Assignments.Length - 1; i >= 0; i--)
        {
            if (Assignments[i].Node == node)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads and validates a body.</summary>
    public static TaskRecord ReadBody(ref CanonicalReader reader)
    {
        var taskId = reader.ReadHash();
        var requester = CanonicalFields.ReadAddress(ref reader);
        var submitted = reader.ReadUInt64();
        var start = reader.Position;
        var phase = reader.ReadByte();
        if (phase is < 1 or > 6)
        {
            CanonicalReader.Fail(start, "a task phase of 1 … 6");
        }

        var escrow = reader.ReadUInt64();
        var finality = reader.ReadUInt64();
        var agreed = reader.ReadHash();
        var replacements = reader.ReadUInt32();
        var count = reader.ReadCount(MaxAssignments, 150);
        var list = ImmutableArray.CreateBuilder<Assignment>(count);
        for (var i = 0; i < count; i++)
        {
            var node = CanonicalFields.ReadAddress(ref reader);
            var statusAt = reader.Position;
            var status = reader.ReadByte();
            if (status is < 1 or > 9)
            {
                CanonicalReader.Fail(statusAt, "an assignment status of 1 … 9");
            }

            list.Add(new Assignment(
                node, (AssignmentStatus)status, reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadHash(), reader.ReadUInt64(),
                reader.ReadHash(), reader.ReadHash(), reader.ReadDouble(), reader.ReadDouble()));
        }

        return new TaskRecord(taskId, requester, submitted, (TaskPhase)phase, escrow, finality, agreed, replacements, list.MoveToImmutable());
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(TaskId);
        CanonicalFields.WriteAddress(writer, Requester);
        writer.WriteUInt64(SubmittedHeight);
        writer.WriteByte((byte)Phase);
        writer.WriteUInt64(EscrowMinorUnits);
        writer.WriteUInt64(FinalityHeight);
        writer.WriteHash(AgreedRoot);
        writer.WriteUInt32(Replacements);
        writer.WriteCount(Assignments.Length, MaxAssignments);
        foreach (var a in Assignments)
        {
            CanonicalFields.WriteAddress(writer, a.Node);
            writer.WriteByte((byte)a.Status);
            writer.WriteUInt64(a.AssignedHeight);
            writer.WriteUInt64(a.CommitDeadlineHeight);
            writer.WriteHash(a.Commitment);
            writer.WriteUInt64(a.RevealDeadlineHeight);
            writer.WriteHash(a.ChallengeSeed);
            writer.WriteHash(a.RevealedRoot);
            writer.WriteDouble(a.Estimate);
            writer.WriteDouble(a.StandardError);
        }
    }

    /// <inheritdoc/>
    public bool Equals(TaskRecord? other) =>
        other is not null && TaskId == other.TaskId && Requester == other.Requester && SubmittedHeight == other.SubmittedHeight
        && Phase == other.Phase && EscrowMinorUnits == other.EscrowMinorUnits && FinalityHeight == other.FinalityHeight
        && AgreedRoot == other.AgreedRoot && Replacements == other.Replacements && Assignments.SequenceEqual(other.Assignments);

    /// <inheritdoc/>
    public override int GetHashCode() => TaskId.GetHashCode();
}
