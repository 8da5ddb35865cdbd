using Assay.Compute.Tasks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Tests.Evidence;

/// <summary>A task allocated in block 2 to three of four nodes (10^7 stake each), and helpers to sign conflicting commits.</summary>
internal sealed class EvidenceNet
{
    public EvidenceNet(ProtocolParameters? parameters = null)
    {
        Net = new TestNet(TestNet.MakeGenesis(2, 4, parameters: parameters));
        Spec = TestNet.PriceBookSpec();
        Net.Tx(TestNet.Key(0), new SubmitTaskBody(Spec));
        Net.Commit();
        Net.Commit();
        var assigned = Net.Assigned(Spec.TaskId);
        Assigned = NodeKeys.Where(k => assigned.Contains(k.Address)).ToList();
        Unassigned = NodeKeys.Single(k => !assigned.Contains(k.Address));
    }

    public static IReadOnlyList<SigningKey> NodeKeys { get; } = Enumerable.Range(100, 4).Select(TestNet.Key).ToList();

    public static SigningKey Reporter { get; } = TestNet.Key(1);

    public TestNet Net { get; }

    public TaskSpec Spec { get; }

    public IReadOnlyList<SigningKey> Assigned { get; }

    public SigningKey Unassigned { get; }

    public static CommitBody CommitTo(Hash256 taskId, int variant) =>
        new(taskId, new Commitment(DomainHash.Compute("assay/test/v1", [(byte)variant, 0x77])));

    /// <summary>Two commits by <paramref name="key"/> for <paramref name="taskId"/> at its next nonce, with different commitments.</summary>
    public (SignedTransaction First, SignedTransaction Second) Conflict(SigningKey key, Hash256 taskId) =>
        (Net.Sign(key, CommitTo(taskId, 1)), Net.Sign(key, CommitTo(taskId, 2)));

    public SignedTransaction Evidence(SignedTransaction first, SignedTransaction second, SigningKey? reporter = null) =>
        Net.Sign(reporter ?? Reporter, new EquivocationEvidenceBody(first, second));
}
