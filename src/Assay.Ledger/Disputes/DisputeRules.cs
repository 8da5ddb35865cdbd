using System.Buffers.Binary;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Disputes;

/// <summary>Pure rules of the bisection game: dispute ids, the tree's split point, and the check of a revealed pair of children.</summary>
public static class DisputeRules
{
    /// <summary>Domain tag of a dispute id.</summary>
    public const string DisputeIdTag = "assay/ledger-dispute-id/v1";

    /// <summary>The id of the dispute that <paramref name="challenger"/> opens on <paramref name="taskId"/> in block <paramref name="height"/>: <c>DomainHash(tag, task id ‖ challenger ‖ u64 LE height)</c>.</summary>
    public static Hash256 DisputeId(Hash256 taskId, Address challenger, ulong height)
    {
        Span<byte> preimage = stackalloc byte[Hash256.Length + Address.Length + 8];
        taskId.WriteTo(preimage);
        challenger.WriteTo(preimage[Hash256.Length..]);
        BinaryPrimitives.WriteUInt64LittleEndian(preimage[(Hash256.Length + Address.Length)..], height);
        return DomainHash.Compute(DisputeIdTag, preimage);
    }

    /// <summary>Leaves in the left child of a node over <paramref name="length"/> &gt; 1 leaves: the largest power of two below it (RFC 9162 §2.1.1, the shape of <see cref="MerkleSumTree"/>).</summary>
    public static ulong LeftLength(ulong length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2UL);
        var k = 1UL;
        while (k * 2 < length)
        {
            k *= 2;
        }

        return k;
    }

    /// <summary>Checks that <paramref name="left"/> and <paramref name="right"/> are the children of <paramref name="parent"/>: valid sums for the layout, sums that add up exactly to the parent's, and <c>MerkleSumHash.Node(left, right)</c> = the parent's hash.</summary>
    /// <returns>Null when they are, else what is wrong (naming <c>left</c> or <c>right</c>).</returns>
    public static string? CheckChildren(MerkleSumLayout layout, MerkleSumSibling parent, MerkleSumSibling left, MerkleSumSibling right)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (left.Sums is null || right.Sums is null || parent.Sums is null)
        {
            return "left: both children need sums.";
        }

        var leftCheck = layout.Check(left.Sums, "left");
        if (!leftCheck.IsValid)
        {
            return $"left: {leftCheck.Detail}";
        }

        var rightCheck = layout.Check(right.Sums, "right");
        if (!rightCheck.IsValid)
        {
            return $"right: {rightCheck.Detail}";
        }

        if (!AddsUpTo(left.Sums, right.Sums, parent.Sums))
        {
            return $"left: the children's sums {left.Sums} + {right.Sums} do not add up to the committed node's {parent.Sums}.";
        }

        var hash = MerkleSumHash.Node(left, right);
        return hash == parent.Hash ? null : $"left: the children hash to {hash}, not to the committed node {parent.Hash}.";
    }

    private static bool AddsUpTo(LaneSums left, LaneSums right, LaneSums parent)
    {
        if (left.LaneCount != parent.LaneCount || right.LaneCount != parent.LaneCount)
        {
            return false;
        }

        if (ulong.MaxValue - left.Count < right.Count || left.Count + right.Count != parent.Count)
        {
            return false;
        }

        for (var i = 0; i < parent.LaneCount; i++)
        {
            // Checked 128-bit addition: an overflow cannot add up to anything.
            var a = left[i];
            var b = right[i];
            if ((b > 0 && a > Int128.MaxValue - b) || (b < 0 && a < Int128.MinValue - b) || a + b != parent[i])
            {
                return false;
            }
        }

        return true;
    }
}
