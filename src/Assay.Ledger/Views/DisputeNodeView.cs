using System.Globalization;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Ledger.Views;

/// <summary>One Merkle-sum tree node of a dispute: its hash, leaf count and lane sums.</summary>
/// <remarks>The lane sums are 128-bit fixed-point integers, written as decimal strings (JSON numbers would lose them).</remarks>
/// <param name="Hash">Node hash (hex).</param>
/// <param name="Count">The node's item count (the count of its sums).</param>
/// <param name="Sums">Each lane's sum, decimal string.</param>
public sealed record DisputeNodeView(string Hash, ulong Count, IReadOnlyList<string> Sums)
{
    /// <summary>The view of <paramref name="node"/>.</summary>
    public static DisputeNodeView From(MerkleSumSibling node)
    {
        var sums = new string[node.Sums.LaneCount];
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] = node.Sums[i].ToString(CultureInfo.InvariantCulture);
        }

        return new DisputeNodeView(node.Hash.ToString(), node.Sums.Count, sums);
    }

    /// <summary>The node this view describes (hash and sums parsed back).</summary>
    /// <exception cref="FormatException">A hash or sum does not parse.</exception>
    public MerkleSumSibling ToNode()
    {
        var lanes = new Int128[Sums.Count];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = Int128.Parse(Sums[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        return new MerkleSumSibling(Hash256.Parse(Hash), new LaneSums(Count, lanes));
    }
}
