using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.State;

/// <summary>Accepted equivocation evidence: which node, which task, who reported it, and what it cost the node.</summary>
/// <remarks>
/// Kept under <see cref="StateNamespace.Evidence"/>, keyed by <see cref="EvidenceId"/>, so the same conflict is punished
/// once. Canonical body (format 1, tag <see cref="LedgerTypeTags.EvidenceRecord"/>): evidence id ‖ node (20-byte string) ‖
/// task id ‖ reporter (20-byte string) ‖ u64 height ‖ u64 slashed ‖ u64 reporter reward ‖ first tx hash ‖ second tx hash.
/// </remarks>
/// <param name="EvidenceId">DomainHash("assay/ledger-equivocation-id/v1", node ‖ task id).</param>
/// <param name="Node">The equivocating node.</param>
/// <param name="TaskId">The task it signed two commitments for.</param>
/// <param name="Reporter">The sender of the evidence transaction.</param>
/// <param name="Height">Height of the block that accepted the evidence.</param>
/// <param name="SlashedMinorUnits">What the node lost.</param>
/// <param name="ReporterRewardMinorUnits">The part of it paid to the reporter (the insurance share).</param>
/// <param name="FirstTransaction">Hash of the first signed commit.</param>
/// <param name="SecondTransaction">Hash of the second signed commit.</param>
public sealed record EvidenceRecord(
    Hash256 EvidenceId,
    Address Node,
    Hash256 TaskId,
    Address Reporter,
    ulong Height,
    ulong SlashedMinorUnits,
    ulong ReporterRewardMinorUnits,
    Hash256 FirstTransaction,
    Hash256 SecondTransaction) : ICanonicalEncodable<EvidenceRecord>
{
    /// <summary>Domain tag of an evidence id.</summary>
    public const string IdTag = "assay/ledger-equivocation-id/v1";

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.EvidenceRecord;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the record's hash.</summary>
    public static string HashTag => "assay/ledger-evidence/v1";

    /// <summary>The id of equivocation evidence against <paramref name="node"/> on <paramref name="taskId"/>: DomainHash(<see cref="IdTag"/>, node (20 bytes) ‖ task id).</summary>
    public static Hash256 IdFor(Address node, Hash256 taskId)
    {
        Span<byte> preimage = stackalloc byte[Address.Length + Hash256.Length];
        node.WriteTo(preimage);
        taskId.WriteTo(preimage[Address.Length..]);
        return DomainHash.Compute(IdTag, preimage);
    }

    /// <summary>Reads and validates a body.</summary>
    public static EvidenceRecord ReadBody(ref CanonicalReader reader)
    {
        var id = reader.ReadHash();
        var node = CanonicalFields.ReadAddress(ref reader);
        var task = reader.ReadHash();
        var reporter = CanonicalFields.ReadAddress(ref reader);
        var height = reader.ReadUInt64();
        var start = reader.Position;
        var slashed = reader.ReadUInt64();
        var reward = reader.ReadUInt64();
        if (reward > slashed)
        {
            CanonicalReader.Fail(start, "a reporter reward ≤ the slashed amount");
        }

        return new EvidenceRecord(id, node, task, reporter, height, slashed, reward, reader.ReadHash(), reader.ReadHash());
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(EvidenceId);
        CanonicalFields.WriteAddress(writer, Node);
        writer.WriteHash(TaskId);
        CanonicalFields.WriteAddress(writer, Reporter);
        writer.WriteUInt64(Height);
        writer.WriteUInt64(SlashedMinorUnits);
        writer.WriteUInt64(ReporterRewardMinorUnits);
        writer.WriteHash(FirstTransaction);
        writer.WriteHash(SecondTransaction);
    }
}
