using Assay.Compute;
using Assay.Compute.Tasks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Tests;

/// <summary>Every rejection reason, each shown to leave the state root exactly as an empty block at the same time leaves it.</summary>
public sealed partial class RejectionTests
{
    private static readonly SigningKey Alice = TestNet.Key(0);
    private static readonly SigningKey Bob = TestNet.Key(1);

    private static void AssertRejected(TestNet net, SignedTransaction tx, RejectionReason reason, string field, params SignedTransaction[] prefix)
    {
        var fork = net.Fork();
        var nonceBefore = net.State.GetAccount(tx.Sender)?.Nonce + (ulong)prefix.Count(p => p.Sender == tx.Sender);
        var block = net.Commit([.. prefix, tx]);
        var empty = fork.Commit(prefix);
        Assert.Equal(prefix.Length + 1, block.Outcomes.Count);
        var outcome = block.Outcomes[^1];
        Assert.True(outcome.Result.Reason == reason && outcome.Result.Field == field, $"expected {reason} ({field}); got {outcome.Result}");
        Assert.Contains(field, outcome.Result.Message, StringComparison.Ordinal);
        Assert.Equal(empty.Header.StateRoot, block.Header.StateRoot);
        Assert.Equal(nonceBefore, net.State.GetAccount(tx.Sender)?.Nonce);
    }

    private static TestNet Net() => new(TestNet.MakeGenesis(2, 4));

    /// <summary>A task allocated at block 2 whose assigned nodes committed in block 3 (reveal window opens at block 4).</summary>
    private static (TestNet Net, TaskSpec Spec, List<NodeWork> Works) Committed(bool commit = true)
    {
        var net = Net();
        var spec = TestNet.PriceBookSpec();
        net.Tx(Alice, new SubmitTaskBody(spec));
        net.Commit();
        net.Commit();
        var works = net.Assigned(spec.TaskId)
            .Select((a, i) => new NodeWork(spec, Enumerable.Range(100, 4).Select(TestNet.Key).First(k => k.Address == a), i)).ToList();
        if (commit)
        {
            foreach (var w in works)
            {
                net.Tx(w.Key, w.CommitBody);
            }

            net.Commit();
        }

        return (net, spec, works);
    }

    [Fact]
    public void BadSignature()
    {
        var net = Net();
        var good = net.Sign(Alice, new TransferBody(Bob.Address, "ASY", 5));
        var forged = new SignedTransaction(Alice.PublicKey, good.Nonce, new TransferBody(Bob.Address, "ASY", 5_000), good.Signature);
        AssertRejected(net, forged, RejectionReason.BadSignature, "signature");
    }

    [Fact]
    public void NonceReused()
    {
        var net = Net();
        var first = net.Tx(Alice, new TransferBody(Bob.Address, "ASY", 5));
        net.Commit();
        AssertRejected(net, first, RejectionReason.NonceReused, "nonce");
    }

    [Fact]
    public void NonceSkipped()
    {
        var net = Net();
        AssertRejected(net, net.Sign(Alice, new TransferBody(Bob.Address, "ASY", 5), nonceOffset: 1), RejectionReason.NonceSkipped, "nonce");
    }

    [Fact]
    public void UnknownAccount()
    {
        var net = Net();
        AssertRejected(net, net.Sign(TestNet.Key(50), new TransferBody(Bob.Address, "ASY", 5)), RejectionReason.UnknownAccount, "sender");
    }

    [Fact]
    public void UnknownNode()
    {
        var net = Net();
        AssertRejected(net, net.Sign(Alice, new AddStakeBody(5)), RejectionReason.UnknownNode, "sender");
    }

    [Fact]
    public void UnknownTask()
    {
        var net = Net();
        var id = DomainHash.Compute("assay/test/v1", [1, 2, 3]);
        AssertRejected(net, net.Sign(TestNet.Key(100), new CommitBody(id, new Commitment(id))), RejectionReason.UnknownTask, "task_id");
    }

    [Fact]
    public void WrongPhase_reveal_before_the_window_opens()
    {
        var (net, _, works) = Committed(commit: false);

        // The commit is in the same block; the reveal window opens only at a later block, so no seed exists yet.
        var commit = net.Sign(works[0].Key, works[0].CommitBody);
        var reveal = net.Sign(works[0].Key, works[0].RevealBody(new byte[32]), nonceOffset: 1);
        AssertRejected(net, reveal, RejectionReason.WrongPhase, "result", commit);
    }

    [Fact]
    public void PastDeadline_task_deadline_not_after_block_time()
    {
        var net = Net();
        var spec = TestNet.PriceBookSpec(deadline: TestNet.GenesisTime + 1_000);
        AssertRejected(net, net.Sign(Alice, new SubmitTaskBody(spec)), RejectionReason.PastDeadline, "deadline");
    }

    [Fact]
    public void PastDeadline_commit_after_the_commit_window()
    {
        var (net, spec, works) = Committed(commit: false);
        net.Commit();
        net.Commit();
        net.Commit();
        AssertRejected(net, net.Sign(works[0].Key, works[0].CommitBody), RejectionReason.PastDeadline, "commitment");
    }

    [Fact]
    public void InsufficientBalance()
    {
        var net = Net();
        AssertRejected(net, net.Sign(Alice, new TransferBody(Bob.Address, "ASY", 1_000_000_000_001)), RejectionReason.InsufficientBalance, "amount");
    }

    [Fact]
    public void InsufficientStake()
    {
        var net = Net();
        var caps = NodeCapabilities.TryCreate(["analytic"], 4, 1024, out _)!;
        AssertRejected(net, net.Sign(Alice, new RegisterNodeBody(999_999, caps)), RejectionReason.InsufficientStake, "stake");
    }

    [Fact]
    public void InsufficientStake_unbonding_below_the_minimum()
    {
        var net = Net();
        AssertRejected(net, net.Sign(TestNet.Key(100), new BeginUnbondingBody(9_500_000)), RejectionReason.InsufficientStake, "amount");
    }

    [Fact]
    public void NotAssigned()
    {
        var (net, spec, works) = Committed(commit: false);
        var outsider = Enumerable.Range(100, 4).Select(TestNet.Key).First(k => works.All(w => w.Key.Address != k.Address));
        AssertRejected(net, net.Sign(outsider, new CommitBody(spec.TaskId, new Commitment(spec.TaskId))), RejectionReason.NotAssigned, "task_id");
    }

    [Fact]
    public void MalformedProof_undecodable_proof()
    {
        var (net, _, works) = Committed();
        var seed = TestNet.SeedBytes(net.Ledger.Head.Beacon);
        net.Commit();
        var reveal = works[0].RevealBody(seed) with { Proof = [1, 2, 3] };
        AssertRejected(net, net.Sign(works[0].Key, reveal), RejectionReason.MalformedProof, "proof");
    }

    [Fact]
    public void MalformedProof_result_of_another_node()
    {
        var (net, _, works) = Committed();
        var seed = TestNet.SeedBytes(net.Ledger.Head.Beacon);
        net.Commit();
        var reveal = works[0].RevealBody(seed) with { Result = works[1].Run.Result };
        AssertRejected(net, net.Sign(works[0].Key, reveal), RejectionReason.MalformedProof, "result.node");
    }

    [Fact]
    public void InvalidField()
    {
        var net = Net();
        AssertRejected(net, net.Sign(Alice, new TransferBody(Bob.Address, "ASY", 0)), RejectionReason.InvalidField, "amount");
    }

    [Fact]
    public void Overflow()
    {
        var genesis = TestNet.MakeGenesis(2, 1);
        genesis = genesis with
        {
            Accounts =
            [
                new(Alice.Address, new Dictionary<string, ulong> { ["ASY"] = 10, ["BIG"] = 1 }),
                new(Bob.Address, new Dictionary<string, ulong> { ["BIG"] = ulong.MaxValue }),
            ],
        };
        var net = new TestNet(genesis);
        AssertRejected(net, net.Sign(Alice, new TransferBody(Bob.Address, "BIG", 1)), RejectionReason.Overflow, "amount");
    }

    [Fact]
    public void AlreadyRegistered()
    {
        var net = Net();
        var caps = NodeCapabilities.TryCreate(["analytic"], 4, 1024, out _)!;
        AssertRejected(net, net.Sign(TestNet.Key(100), new RegisterNodeBody(1_000_000, caps)), RejectionReason.AlreadyRegistered, "sender");
    }

    [Fact]
    public void DuplicateTask()
    {
        var net = Net();
        var spec = TestNet.PriceBookSpec();
        net.Tx(Alice, new SubmitTaskBody(spec));
        net.Commit();
        AssertRejected(net, net.Sign(Alice, new SubmitTaskBody(spec)), RejectionReason.DuplicateTask, "spec");
    }

    [Theory]
    [InlineData(EngineVersion.Current - 1)]
    [InlineData(EngineVersion.Current + 1)]
    public void InvalidTaskSpec_engine_version(uint version)
    {
        var net = Net();
        var good = TestNet.PriceBookSpec();
        var spec = new TaskSpec(good.Kind, version, good.Inputs, good.ItemCount, good.Seed, good.Policy, good.FeeMinorUnits, good.DeadlineUnixMs);
        AssertRejected(net, net.Sign(Alice, new SubmitTaskBody(spec)), RejectionReason.InvalidTaskSpec, "engine_version");
    }

    [Fact]
    public void InvalidTaskSpec_inputs_referenced_by_hash()
    {
        var net = Net();
        var good = TestNet.PriceBookSpec();
        var spec = TaskSpec.Referencing(good.Kind, good.EngineVersion, good.Inputs, "book.bin", good.ItemCount, good.Seed, good.Policy, good.FeeMinorUnits, good.DeadlineUnixMs);
        AssertRejected(net, net.Sign(Alice, new SubmitTaskBody(spec)), RejectionReason.InvalidTaskSpec, "inputs");
    }

    [Fact]
    public void InvalidTaskSpec_replication_above_the_maximum()
    {
        var net = Net();
        AssertRejected(net, net.Sign(Alice, new SubmitTaskBody(TestNet.PriceBookSpec(replication: 17, quorum: 2))), RejectionReason.InvalidTaskSpec, "replication");
    }

    [Fact]
    public void CommitmentMismatch()
    {
        var (net, _, works) = Committed();
        var seed = TestNet.SeedBytes(net.Ledger.Head.Beacon);
        net.Commit();
        var reveal = works[0].RevealBody(seed) with { Salt = TestNet.Salt(77) };
        AssertRejected(net, net.Sign(works[0].Key, reveal), RejectionReason.CommitmentMismatch, "salt");
    }

    [Fact]
    public void UnsupportedKind()
    {
        var net = Net();
        AssertRejected(net, net.Sign(Alice, new ReservedBody(TransactionKind.Challenge, [1, 2])), RejectionReason.UnsupportedKind, "kind");
    }

    [Fact]
    public void TooManyUnbondingEntries()
    {
        var net = Net();
        var key = TestNet.Key(100);
        net.Tx(Alice, new TransferBody(key.Address, "ASY", 40_000_000));
        net.Commit();
        net.Tx(key, new AddStakeBody(40_000_000));
        net.Commit();
        for (var i = 0; i < NodeRecord.MaxUnbondingEntries; i++)
        {
            net.Tx(key, new BeginUnbondingBody(1_000_000));
        }

        Assert.All(net.Commit().Outcomes, o => Assert.True(o.Result.IsAccepted, o.Result.ToString()));
        AssertRejected(net, net.Sign(key, new BeginUnbondingBody(1_000_000)), RejectionReason.TooManyUnbondingEntries, "amount");
    }

    [Fact]
    public void Every_reason_has_a_test()
    {
        var tested = typeof(RejectionTests).GetMethods().Select(m => m.Name.Split('_')[0]).ToHashSet();
        foreach (var reason in Enum.GetValues<RejectionReason>().Where(r => r != RejectionReason.None))
        {
            Assert.Contains(reason.ToString(), tested);
        }
    }

    [Fact]
    public void A_rejected_transaction_between_accepted_ones_changes_nothing()
    {
        var net = Net();
        var fork = net.Fork();
        var a = net.Tx(Alice, new TransferBody(Bob.Address, "ASY", 10));
        var bad = net.Sign(Alice, new TransferBody(Bob.Address, "ASY", ulong.MaxValue), nonceOffset: 0);
        var block = net.Commit(bad);
        Assert.Equal(RejectionReason.InsufficientBalance, block.Outcomes[1].Result.Reason);
        var clean = fork.Commit(a);
        Assert.Equal(clean.Header.StateRoot, block.Header.StateRoot);
    }
}
