using Assay.Compute.Tasks;
using Assay.Node.Work;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;
using Assay.Proofs.SpotCheck;

namespace Assay.Node.Tests.Work;

public sealed class TaskWorkTests
{
    private static readonly Address Node = new(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray());

    public static TheoryData<string> Kinds => new() { "pricebook", "montecarlo" };

    private static TaskSpec Spec(string kind) => kind == "pricebook" ? TestSpecs.PriceBook(12, 7) : TestSpecs.MonteCarlo(6, 11);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void HonestWorkVerifiesAndDoesNotDependOnCores(string kind)
    {
        var spec = Spec(kind);
        var salt = new CommitSalt(new byte[32]);
        var one = TaskWork.Compute(spec, Node, salt, falsify: false, cores: 1);
        var all = TaskWork.Compute(spec, Node, salt, falsify: false, cores: -1);
        Assert.Equal(one.RootDigest, all.RootDigest);
        Assert.Equal(one.Commitment, all.Commitment);
        Assert.Equal(Commitment.Create(spec.TaskId, Node, one.RootDigest, salt), one.Commitment);
        var seed = DomainHash.Compute("test/seed", [1, 2, 3]);
        var reveal = one.RevealBody(seed);
        var proof = SpotCheckProof.Decode(reveal.Proof, Compute.Tasks.TaskKindRegistry.Default.Get(spec.Kind).Layout);
        var verdict = TaskVerifier.Verify(spec, reveal.Result, proof, seed.ToArray());
        Assert.True(verdict.IsValid, $"kind {kind}: {verdict}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ResumeWithTheKeptSaltReproducesTheCommitment(string kind)
    {
        // A node restarted after its commit has only the salt (state file) and recomputes the tree; the commitment must match.
        var spec = Spec(kind);
        foreach (var falsify in new[] { false, true })
        {
            var salt = TaskWork.NewSalt();
            var before = TaskWork.Compute(spec, Node, salt, falsify, cores: 2);
            var after = TaskWork.Compute(spec, Node, new CommitSalt(Convert.FromHexString(salt.ToString())), falsify, cores: 1);
            Assert.Equal(before.Commitment, after.Commitment);
            Assert.Equal(before.RootDigest, after.RootDigest);
            var other = TaskWork.Compute(spec, Node, TaskWork.NewSalt(), falsify, cores: 1);
            Assert.NotEqual(before.Commitment, other.Commitment);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WrongResultDiffersFromHonestAndItsOwnProofVerifiesUnlessTheLeafIsOpened(string kind)
    {
        var spec = Spec(kind);
        var salt = TaskWork.NewSalt();
        var honest = TaskWork.Compute(spec, Node, salt, falsify: false, cores: 1);
        var wrong = TaskWork.Compute(spec, Node, salt, falsify: true, cores: 1);
        Assert.True(wrong.Falsified);
        Assert.NotEqual(honest.RootDigest, wrong.RootDigest);
        Assert.NotEqual(honest.Commitment, wrong.Commitment);
        var index = TaskWork.FalsifiedLeaf(spec);
        Assert.Equal(honest.Run.Tree.GetLeaf(index).Sums[0] + TaskWork.FalsificationShift, wrong.Run.Tree.GetLeaf(index).Sums[0]);

        // The falsified tree is consistent: its proofs pass every Merkle check, so the spot checks catch it only when
        // they open the falsified leaf (LeafMismatch); with other seeds the ledger accepts the reveal and only the
        // disagreement with the quorum (or a challenge) exposes it.
        var layout = Compute.Tasks.TaskKindRegistry.Default.Get(spec.Kind).Layout;
        int passed = 0, caught = 0;
        for (var s = 0; s < 40; s++)
        {
            var seed = DomainHash.Compute("test/seed", [(byte)s]);
            var reveal = wrong.RevealBody(seed);
            var proof = SpotCheckProof.Decode(reveal.Proof, layout);
            var opened = proof.Openings.Any(o => o.LeafIndex == index);
            var verdict = TaskVerifier.Verify(spec, reveal.Result, proof, seed.ToArray());
            Assert.True(verdict.IsValid != opened, $"kind {kind}, seed byte {s}, leaf {index} opened {opened}: {verdict}");
            if (opened)
            {
                Assert.Equal(TaskRejection.SpotCheckFailed, verdict.Rejection);
                caught++;
            }
            else
            {
                passed++;
            }
        }

        Assert.True(passed > 0 && caught > 0, $"kind {kind}: 40 seeds gave {passed} passing and {caught} caught proofs; both cases must occur");
    }

    [Fact]
    public void ToleranceTasksAreComputedWithTheNodesOwnSeed()
    {
        var bitExact = TestSpecs.MonteCarlo(2, 5);
        var p = bitExact.Policy;
        var tolerance = new TaskSpec(
            bitExact.Kind, bitExact.EngineVersion, bitExact.Inputs, bitExact.ItemCount, bitExact.Seed, p with { ToleranceZ = 4.0 }, bitExact.FeeMinorUnits, bitExact.DeadlineUnixMs);
        var work = TaskWork.Compute(tolerance, Node, TaskWork.NewSalt(), falsify: false, cores: 1);
        Assert.Equal(Ledger.Protocol.TaskRules.SpecFor(tolerance, Node).TaskId, work.Spec.TaskId);
        Assert.NotEqual(tolerance.TaskId, work.Spec.TaskId);
    }

    [Fact]
    public void FaultNamesRoundTripAndFaultyLogLinesAreMarked()
    {
        foreach (var name in NodeFaults.Names)
        {
            var fault = NodeFaults.Parse(name);
            Assert.Equal(name, NodeFaults.Name(fault));
            Assert.StartsWith("[FAULT MODE " + name + "] ", NodeFaults.LogPrefix(fault), StringComparison.Ordinal);
        }

        Assert.Equal(NodeFault.None, NodeFaults.Parse(null));
        Assert.Equal(string.Empty, NodeFaults.LogPrefix(NodeFault.None));
        var e = Assert.Throws<ArgumentException>(() => NodeFaults.Parse("evil"));
        Assert.Contains("--fault", e.Message, StringComparison.Ordinal);
    }
}
