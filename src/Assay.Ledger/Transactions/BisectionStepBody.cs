using Assay.Ledger.Disputes;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Ledger.Transactions;

/// <summary>One move of a bisection: the mover reveals the two children of its current node in the dispute.</summary>
/// <remarks>Fields: dispute id (32) ‖ u64 step ‖ left node ‖ right node, a node being hash ‖ u64 count ‖ u32 n ‖ n × i128
/// lane sums. The children must hash (<c>MerkleSumHash.Node</c>) to the mover's committed node and their sums must add up
/// to its sums.</remarks>
/// <param name="DisputeId">The dispute (field <c>dispute_id</c>).</param>
/// <param name="Step">The dispute's current step, its depth below the root (field <c>step</c>).</param>
/// <param name="Left">The left child (field <c>left</c>).</param>
/// <param name="Right">The right child (field <c>right</c>).</param>
public sealed record BisectionStepBody(Hash256 DisputeId, ulong Step, MerkleSumSibling Left, MerkleSumSibling Right) : TransactionBody
{
    /// <inheritdoc/>
    public override TransactionKind Kind => TransactionKind.BisectionStep;

    /// <summary>Reads the body (see remarks).</summary>
    public static BisectionStepBody Read(ref CanonicalReader reader)
    {
        var disputeId = reader.ReadHash();
        var step = reader.ReadUInt64();
        var left = DisputeEncoding.ReadNode(ref reader);
        return new BisectionStepBody(disputeId, step, left, DisputeEncoding.ReadNode(ref reader));
    }

    /// <inheritdoc/>
    public override void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(DisputeId);
        writer.WriteUInt64(Step);
        DisputeEncoding.WriteNode(writer, Left);
        DisputeEncoding.WriteNode(writer, Right);
    }
}
