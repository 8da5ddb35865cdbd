using Assay.Ledger.Disputes;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Ledger.Transactions;

/// <summary>Challenges an agreed result: posts a bond and opens a bisection between the agreed tree and the challenger's.</summary>
/// <remarks>Fields: task id (32) ‖ u64 bond ‖ agreed root ‖ claimed root, a root being hash ‖ u64 leaf count ‖ u64 count ‖
/// u32 n ‖ n × i128 lane sums. The agreed root is given in full because the ledger stores only its digest
/// (<c>MerkleSumRoot.Digest()</c>, which it checks); it is public in the agreeing reveals.</remarks>
/// <param name="TaskId">The agreed task (field <c>task_id</c>).</param>
/// <param name="BondMinorUnits">Bond in native minor units, at least the task policy's bond and at least 1 (field <c>bond</c>).</param>
/// <param name="AgreedRoot">The agreed result's root (field <c>agreed_root</c>).</param>
/// <param name="ClaimedRoot">The root the challenger says is right (field <c>claimed_root</c>).</param>
public sealed record ChallengeBody(Hash256 TaskId, ulong BondMinorUnits, MerkleSumRoot AgreedRoot, MerkleSumRoot ClaimedRoot) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.Challenge;

    /// <summary>Reads the body (see remarks).</summary>
    public static ChallengeBody Read(ref CanonicalReader reader)
    {
        var taskId = reader.ReadHash();
        var bond = reader.ReadUInt64();
        var agreed = DisputeEncoding.ReadRoot(ref reader);
        return new ChallengeBody(taskId, bond, agreed, DisputeEncoding.ReadRoot(ref reader));
    }

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(TaskId);
        writer.WriteUInt64(BondMinorUnits);
        DisputeEncoding.WriteRoot(writer, AgreedRoot);
        DisputeEncoding.WriteRoot(writer, ClaimedRoot);
    }
}
