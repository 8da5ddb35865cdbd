using Assay.Compute.Tasks;
using Assay.Ledger.Disputes;
using Assay.Node.Disputes;
using Assay.Node.Tests.Work;
using Assay.Node.Work;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.Signatures;

namespace Assay.Node.Tests.Disputes;

public sealed class DisputeTreeTests
{
    private static readonly Address Node = new(new byte[Address.Length]);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(16)]
    [InlineData(23)]
    public void EveryNodeOnEveryBisectionPathMatchesAnIndependentRecursion(int leaves)
    {
        var tree = TaskRunner.Run(TestSpecs.PriceBook(leaves, 3), Node.ToArray(), maxDegreeOfParallelism: 1).Tree;
        var nodes = DisputeTree.Build(tree);
        Assert.Equal(tree.LeafCount, nodes.LeafCount);
        var root = nodes.Node(0, (ulong)leaves);
        Assert.True(root.Hash == tree.Root.Hash && root.Sums == tree.Root.Sums, $"root of {leaves} leaves: {root.Hash} vs {tree.Root.Hash}");
        var checkedNodes = Walk(tree, nodes, 0, (ulong)leaves);
        Assert.Equal((2 * leaves) - 1, checkedNodes);
    }

    [Fact]
    public void ChildrenPassTheLedgersCheckAndARangeThatIsNotANodeIsRefused()
    {
        var tree = TaskRunner.Run(TestSpecs.PriceBook(11, 5), Node.ToArray(), maxDegreeOfParallelism: 1).Tree;
        var nodes = DisputeTree.Build(tree);
        foreach (var (start, length) in new (ulong, ulong)[] { (0, 11), (0, 8), (8, 3), (8, 2), (10, 1), (4, 4), (6, 2) })
        {
            if (length < 2)
            {
                continue;
            }

            var (left, right) = nodes.Children(start, length);
            var problem = DisputeRules.CheckChildren(tree.Layout, nodes.Node(start, length), left, right);
            Assert.True(problem is null, $"[{start}, +{length}) of 11 leaves: {problem}");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => nodes.Node(1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => nodes.Node(8, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => nodes.Node(0, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => nodes.Children(10, 1));
    }

    [Fact]
    public void MoveIsNullWhenTheLedgersNodeIsNotThisTreesAndCarriesTheStep()
    {
        var tree = TaskRunner.Run(TestSpecs.PriceBook(6, 7), Node.ToArray(), maxDegreeOfParallelism: 1).Tree;
        var nodes = DisputeTree.Build(tree);
        var id = DomainHash.Compute("test/dispute", [1]);
        var own = nodes.Node(0, 6);
        var move = nodes.Move(id, 0, 0, 6, own);
        Assert.NotNull(move);
        Assert.Equal((id, 0UL), (move.DisputeId, move.Step));
        Assert.Equal(nodes.Node(0, 4), move.Left);
        Assert.Equal(nodes.Node(4, 2), move.Right);
        Assert.Null(nodes.Move(id, 0, 0, 6, nodes.Node(0, 4)));
        Assert.Null(nodes.Move(id, 3, 5, 1, nodes.Node(5, 1)));
        Assert.Null(nodes.Move(id, 1, 1, 2, nodes.Node(0, 2)));
        Assert.Null(nodes.Move(id, 1, 4, 4, nodes.Node(4, 2)));
        Assert.True(nodes.IsNode(4, 2) && nodes.IsNode(0, 6) && !nodes.IsNode(2, 4) && !nodes.IsNode(6, 1));
    }

    [Theory]
    [InlineData(16, false)]
    [InlineData(11, false)]
    [InlineData(13, true)]
    [InlineData(7, true)]
    public void AFalsifiedTreeAndTheHonestTreePlayedByTheLedgersRulesMeetAtTheFalsifiedLeaf(int leaves, bool liarDefends)
    {
        // A referee with the ledger's rules (docs/ledger.md, "Disputes"): defender then challenger reveal children checked
        // by DisputeRules.CheckChildren; descend left when the left children differ, else right; stop at one leaf.
        var spec = TestSpecs.PriceBook(leaves, 9);
        var salt = TaskWork.NewSalt();
        var honest = DisputeTree.Build(TaskWork.Compute(spec, Node, salt, false, 1).Run.Tree);
        var liar = DisputeTree.Build(TaskWork.Compute(spec, Node, salt, true, 1).Run.Tree);
        var (defender, challenger) = liarDefends ? (liar, honest) : (honest, liar);
        var layout = TaskKindRegistry.Default.Get(spec.Kind).Layout;
        var id = DomainHash.Compute("test/dispute", [2]);
        var (start, length) = (0UL, (ulong)leaves);
        var defended = defender.Node(start, length);
        var claimed = challenger.Node(start, length);
        var step = 0UL;
        var moves = 0;
        while (length > 1)
        {
            var d = defender.Move(id, step, start, length, defended);
            var c = challenger.Move(id, step, start, length, claimed);
            Assert.True(d is not null && c is not null, $"{leaves} leaves, step {step}: a side has no move");
            Assert.Null(DisputeRules.CheckChildren(layout, defended, d!.Left, d.Right));
            Assert.Null(DisputeRules.CheckChildren(layout, claimed, c!.Left, c.Right));
            moves += 2;
            var k = DisputeRules.LeftLength(length);
            if (d.Left != c.Left)
            {
                (length, defended, claimed) = (k, d.Left, c.Left);
            }
            else
            {
                Assert.NotEqual(d.Right, c.Right);
                (start, length, defended, claimed) = (start + k, length - k, d.Right, c.Right);
            }

            step++;
        }

        var falsified = TaskWork.FalsifiedLeaf(spec);
        Assert.Equal((ulong)falsified, start);
        var computation = TaskKindRegistry.Default.Get(spec.Kind).Prepare(spec);
        var leaf = computation.ComputeLeaf(falsified);
        var truth = new MerkleSumSibling(MerkleSumHash.Leaf(falsified, leaf), leaf.Sums);
        var honestLeaf = liarDefends ? claimed : defended;
        var liarLeaf = liarDefends ? defended : claimed;
        Assert.True(truth == honestLeaf, $"{leaves} leaves: the recomputed leaf {falsified} is not the honest side's");
        Assert.NotEqual(truth, liarLeaf);
        var depth = 0;
        while ((1 << depth) < leaves)
        {
            depth++;
        }

        Assert.True(moves <= 2 * depth, $"{moves} moves for {leaves} leaves");
    }

    /// <summary>Checks every node under [start, +length) against the recursion node = Node(left, right), sums added; returns the number of nodes.</summary>
    private static int Walk(MerkleSumTree tree, DisputeTree nodes, ulong start, ulong length)
    {
        var node = nodes.Node(start, length);
        if (length == 1)
        {
            var leaf = tree.GetLeaf((long)start);
            Assert.Equal(MerkleSumHash.Leaf((long)start, leaf), node.Hash);
            Assert.Equal(leaf.Sums, node.Sums);
            return 1;
        }

        var k = 1UL;
        while (2 * k < length)
        {
            k *= 2;
        }

        var left = nodes.Node(start, k);
        var right = nodes.Node(start + k, length - k);
        Assert.Equal(MerkleSumHash.Node(left, right), node.Hash);
        Assert.Equal(left.Sums.Count + right.Sums.Count, node.Sums.Count);
        for (var i = 0; i < node.Sums.LaneCount; i++)
        {
            Assert.Equal(left.Sums[i] + right.Sums[i], node.Sums[i]);
        }

        return 1 + Walk(tree, nodes, start, k) + Walk(tree, nodes, start + k, length - k);
    }
}
