using System.Collections.Immutable;
using Assay.Ledger.Blocks;
using Assay.Ledger.Governance;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Tests.Governance;

/// <summary>A test network with governors 0, 1, 2 (2-of-3, time lock 2 blocks, lifetime 10 blocks) and a non-governor account 3.</summary>
internal static class GovernanceNet
{
    public const uint Threshold = 2;
    public const ulong Timelock = 2;
    public const ulong Lifetime = 10;

    public static readonly SigningKey G0 = TestNet.Key(0);
    public static readonly SigningKey G1 = TestNet.Key(1);
    public static readonly SigningKey G2 = TestNet.Key(2);
    public static readonly SigningKey Outsider = TestNet.Key(3);

    public static GovernanceConfig Config => GovernanceConfig.Create([G0.Address, G1.Address, G2.Address], Threshold, Timelock, Lifetime);

    public static TestNet Create(GovernanceConfig? config = null) => new(TestNet.MakeGenesis(4, 4) with { Governance = config ?? Config });

    public static GovernanceProposeBody MinStake(ulong value) => new([new ParameterChange(GovernedParameter.MinStake, value)], null);

    /// <summary>Commits a block whose last transaction is <paramref name="tx"/> and checks it was rejected for <paramref name="reason"/> naming <paramref name="field"/>,
    /// leaving the same state root and nonce as an empty block at the same time on a fork.</summary>
    public static void AssertRejected(TestNet net, SignedTransaction tx, RejectionReason reason, string field)
    {
        var fork = net.Fork();
        var nonceBefore = net.State.GetAccount(tx.Sender)?.Nonce;
        var block = net.Commit(tx);
        var empty = fork.Commit();
        var outcome = block.Outcomes[^1];
        Assert.True(outcome.Result.Reason == reason && outcome.Result.Field == field, $"expected {reason} ({field}) at height {block.Header.Height}; got {outcome.Result}");
        Assert.Contains(field, outcome.Result.Message, StringComparison.Ordinal);
        Assert.Equal(empty.Header.StateRoot, block.Header.StateRoot);
        Assert.Equal(nonceBefore, net.State.GetAccount(tx.Sender)?.Nonce);
    }

    public static void AssertAccepted(Block block)
    {
        Assert.All(block.Outcomes, o => Assert.True(o.Result.IsAccepted, $"height {block.Header.Height}: {o.Result}"));
    }

    /// <summary>Proposes <paramref name="body"/> by G0 in one block and approves it by G1 in the next; returns the proposal id (threshold reached at the second block).</summary>
    public static Hash256 ProposeAndApprove(TestNet net, GovernanceProposeBody body)
    {
        var propose = net.Tx(G0, body);
        AssertAccepted(net.Commit());
        net.Tx(G1, new GovernanceApproveBody(propose.Hash));
        AssertAccepted(net.Commit());
        return propose.Hash;
    }

    public static ImmutableArray<ParameterChange> Changes(params (GovernedParameter Parameter, ulong Value)[] changes) =>
        [.. changes.Select(c => new ParameterChange(c.Parameter, c.Value))];
}
