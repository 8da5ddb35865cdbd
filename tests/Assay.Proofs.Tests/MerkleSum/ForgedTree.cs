using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;

namespace Assay.Proofs.Tests.MerkleSum;

/// <summary>A cheating prover's tree: RFC 9162 shape, but any subtree may claim sums other than its children's (a lie in a node sum).</summary>
/// <remarks>
/// Built recursively (unlike <see cref="MerkleSumTree"/>), with <c>claim(start, size, actual)</c> choosing the sums each
/// subtree shows its parent. Openings carry the claimed sums of siblings; the mass search descends the claimed sums. With
/// the identity claim it is an honest tree, which the tests check against <see cref="MerkleSumTree"/>.
/// </remarks>
public sealed class ForgedTree
{
    private readonly Node _root;
    private readonly MerkleSumLeaf[] _leaves;

    public ForgedTree(IReadOnlyList<MerkleSumLeaf> leaves, Func<long, long, LaneSums, LaneSums>? claim = null)
    {
        _leaves = [.. leaves];
        _root = Build(0, _leaves.Length, claim ?? ((_, _, actual) => actual));
        Root = new MerkleSumRoot(_root.Hash, _leaves.Length, _root.Claimed);
    }

    public MerkleSumRoot Root { get; }

    public MerkleSumOpening Open(long index)
    {
        var siblings = new List<MerkleSumSibling>();
        var node = _root;
        while (node.Left is not null && node.Right is not null)
        {
            var goLeft = index < node.Right.Start;
            var sibling = goLeft ? node.Right : node.Left;
            siblings.Add(new MerkleSumSibling(sibling.Hash, sibling.Claimed));
            node = goLeft ? node.Left : node.Right;
        }

        siblings.Reverse();
        return new MerkleSumOpening(index, _leaves.Length, _leaves[index], siblings);
    }

    public long FindByMass(int lane, UInt128 target)
    {
        var node = _root;
        while (node.Left is not null && node.Right is not null)
        {
            var leftMass = node.Left.Claimed[lane];
            if (leftMass > Int128.Zero && target < (UInt128)leftMass)
            {
                node = node.Left;
            }
            else
            {
                target -= leftMass > Int128.Zero ? (UInt128)leftMass : UInt128.Zero;
                node = node.Right;
            }
        }

        return node.Start;
    }

    /// <summary>Answers a challenge the way <see cref="SpotCheckProver"/> would, from the forged sums.</summary>
    public SpotCheckProof Prove(ReadOnlySpan<byte> seed, SpotCheckPolicy policy)
    {
        var challenge = SpotCheckChallenge.Derive(Root, seed, policy);
        var indices = new SortedSet<long>(challenge.UniformIndices);
        foreach (var target in challenge.MassTargets)
        {
            indices.Add(FindByMass(policy.MassLane, target));
        }

        return new SpotCheckProof(_leaves.Length, Root.Sums.LaneCount, indices.Select(Open));
    }

    private Node Build(long start, long size, Func<long, long, LaneSums, LaneSums> claim)
    {
        if (size == 1)
        {
            var leaf = _leaves[start];
            return new Node(MerkleSumHash.Leaf(start, leaf), claim(start, 1, leaf.Sums), start, null, null);
        }

        long k = 1;
        while (2 * k < size)
        {
            k *= 2;
        }

        var left = Build(start, k, claim);
        var right = Build(start + k, size - k, claim);
        var hash = MerkleSumHash.Node(new MerkleSumSibling(left.Hash, left.Claimed), new MerkleSumSibling(right.Hash, right.Claimed));
        return new Node(hash, claim(start, size, MerkleSumTestData.Add(left.Claimed, right.Claimed)), start, left, right);
    }

    private sealed record Node(Hash256 Hash, LaneSums Claimed, long Start, Node? Left, Node? Right);
}
