using Assay.Compute.Tasks;
using Assay.Ledger.Governance;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Protocol;

/// <summary>Applies transactions and block duties to a <see cref="LedgerState"/>: pure, no I/O, no clock, no ambient randomness.</summary>
/// <remarks>Each transaction runs in a state scope: checks first, writes after; any rejection rolls the scope back, so
/// a rejected transaction leaves every record (and so the state root) as it was.</remarks>
internal sealed partial class StateMachine
{
    private readonly LedgerState _state;
    private readonly TaskKindRegistry _registry;
    private readonly TaskSchedule _schedule = new();
    private bool _faulted;
    private bool _scheduleBuilt;
    private bool _rescanWaiting;
    private long _nodeWritesSeen;
    private ProtocolParameters? _parametersSeen;

    public StateMachine(LedgerState state, TaskKindRegistry registry)
    {
        _state = state;
        _registry = registry;
    }

    /// <summary>Height of the block being applied.</summary>
    public ulong Height { get; private set; }

    /// <summary>Timestamp of the block being applied, Unix ms.</summary>
    public long TimestampUnixMs { get; private set; }

    /// <summary>When true, the block duties step every open task (as before the deadline index), to cross-check the index.</summary>
    public bool FullScan { get; set; }

    /// <summary>Open tasks whose block duty ran in the last block (the index's measure of work).</summary>
    public int TasksStepped { get; private set; }

    private ProtocolParameters Parameters => _state.Parameters;

    /// <summary>Applies one transaction and returns its outcome.</summary>
    public TransactionOutcome Apply(SignedTransaction tx)
    {
        _faulted = false;
        var result = Check(tx);
        if (result.IsAccepted)
        {
            _state.Begin();
            var sender = _state.GetAccount(tx.Sender)!;
            _state.SetAccount(tx.Sender, sender with { Nonce = sender.Nonce + 1, PublicKey = tx.SenderKey });
            result = Execute(tx);
            if (result.IsAccepted)
            {
                _state.Commit();
            }
            else
            {
                _state.Rollback();
                _faulted = false;
            }
        }

        return new TransactionOutcome(tx.Hash, result, _faulted);
    }

    private static Rejection Reject(RejectionReason reason, string field, string message) => new(reason, field, message);

    private Rejection Check(SignedTransaction tx)
    {
        // The signature comes first: nothing about an unauthenticated transaction is looked at.
        if (!tx.VerifySignature())
        {
            return Reject(RejectionReason.BadSignature, "signature", "signature: does not verify under the sender's key over the payload digest.");
        }

        var account = _state.GetAccount(tx.Sender);
        if (account is null)
        {
            return Reject(RejectionReason.UnknownAccount, "sender", $"sender: no account at {tx.Sender}; fund it with a transfer first.");
        }

        if (tx.Nonce < account.Nonce)
        {
            return Reject(RejectionReason.NonceReused, "nonce", $"nonce: {tx.Nonce} was already used; the next nonce of {tx.Sender} is {account.Nonce}.");
        }

        if (tx.Nonce > account.Nonce)
        {
            return Reject(RejectionReason.NonceSkipped, "nonce", $"nonce: {tx.Nonce} skips ahead; the next nonce of {tx.Sender} is {account.Nonce}.");
        }

        return Rejection.Accepted;
    }

    private Rejection Execute(SignedTransaction tx) => tx.Body switch
    {
        TransferBody b => Transfer(tx.Sender, b),
        RegisterNodeBody b => RegisterNode(tx.Sender, b),
        AddStakeBody b => AddStake(tx.Sender, b),
        BeginUnbondingBody b => BeginUnbonding(tx.Sender, b),
        SubmitTaskBody b => SubmitTask(tx.Sender, b),
        CommitBody b => Commit(tx.Sender, b),
        RevealBody b => Reveal(tx.Sender, b),
        ChallengeBody b => Challenge(tx.Sender, b),
        BisectionStepBody b => BisectionStep(tx.Sender, b),
        GovernanceProposeBody b => GovernanceRules.Propose(_state, Height, tx, b),
        GovernanceApproveBody b => GovernanceRules.Approve(_state, Height, tx.Sender, b),
        GovernanceExecuteBody b => GovernanceRules.Execute(_state, Height, b),
        EquivocationEvidenceBody b => EquivocationEvidence(tx.Sender, b),
        UnjailBody => Unjail(tx.Sender),
        _ => Reject(RejectionReason.UnsupportedKind, "kind", $"kind: {tx.Body.Kind} is reserved and not supported yet."),
    };

    private Rejection Debit(Address address, string asset, ulong amount, string field)
    {
        var account = _state.GetAccount(address) ?? Account.Empty;
        var balance = account.BalanceOf(asset);
        if (balance < amount)
        {
            return Reject(RejectionReason.InsufficientBalance, field, $"{field}: {amount} {asset} exceeds the balance of {balance}.");
        }

        _state.SetAccount(address, account.WithBalance(asset, balance - amount));
        return Rejection.Accepted;
    }

    private Rejection Credit(Address address, string asset, ulong amount, string field)
    {
        var account = _state.GetAccount(address) ?? Account.Empty;
        var balance = account.BalanceOf(asset);
        if (ulong.MaxValue - balance < amount)
        {
            return Reject(RejectionReason.Overflow, field, $"{field}: crediting {amount} {asset} to {balance} overflows 64 bits.");
        }

        if (balance == 0 && amount > 0 && account.Balances.Count >= Account.MaxAssets)
        {
            return Reject(RejectionReason.InvalidField, "asset", $"asset: {address} already holds the maximum of {Account.MaxAssets} assets.");
        }

        _state.SetAccount(address, account.WithBalance(asset, balance + amount));
        return Rejection.Accepted;
    }

    /// <summary>Credits inside a system step, where failure is impossible by conservation (total supply fits in 64 bits).</summary>
    private void CreditSystem(Address address, ulong amount)
    {
        var result = Credit(address, Parameters.NativeAsset, amount, "amount");
        if (!result.IsAccepted)
        {
            throw new InvalidOperationException($"Invariant broken: {result}");
        }
    }

    private Rejection Transfer(Address sender, TransferBody body)
    {
        if (body.AmountMinorUnits == 0)
        {
            return Reject(RejectionReason.InvalidField, "amount", "amount: must be ≥ 1 minor unit.");
        }

        if (!CanonicalFields.IsValidAsset(body.Asset))
        {
            return Reject(RejectionReason.InvalidField, "asset", $"asset: '{body.Asset}' must be 1 … 16 characters A–Z, 0–9.");
        }

        if (body.To == sender)
        {
            return Reject(RejectionReason.InvalidField, "to", "to: a transfer to the sender itself is refused.");
        }

        var debit = Debit(sender, body.Asset, body.AmountMinorUnits, "amount");
        return debit.IsAccepted ? Credit(body.To, body.Asset, body.AmountMinorUnits, "amount") : debit;
    }

    private Rejection RegisterNode(Address sender, RegisterNodeBody body)
    {
        if (_state.GetNode(sender) is not null)
        {
            return Reject(RejectionReason.AlreadyRegistered, "sender", $"sender: {sender} is already a node.");
        }

        if (body.StakeMinorUnits < Parameters.MinStakeMinorUnits)
        {
            return Reject(RejectionReason.InsufficientStake, "stake", $"stake: {body.StakeMinorUnits} is below the minimum stake {Parameters.MinStakeMinorUnits}.");
        }

        var debit = Debit(sender, Parameters.NativeAsset, body.StakeMinorUnits, "stake");
        if (!debit.IsAccepted)
        {
            return debit;
        }

        _state.SetNode(sender, new NodeRecord(body.StakeMinorUnits, body.Capabilities, Parameters.InitialReputation, NodeStatus.Active, 0, 0, []));
        return Rejection.Accepted;
    }

    private Rejection AddStake(Address sender, AddStakeBody body)
    {
        var node = _state.GetNode(sender);
        if (node is null)
        {
            return Reject(RejectionReason.UnknownNode, "sender", $"sender: {sender} is not a registered node.");
        }

        if (body.AmountMinorUnits == 0)
        {
            return Reject(RejectionReason.InvalidField, "amount", "amount: must be ≥ 1 minor unit.");
        }

        if (ulong.MaxValue - node.StakeMinorUnits < body.AmountMinorUnits)
        {
            return Reject(RejectionReason.Overflow, "amount", $"amount: adding {body.AmountMinorUnits} to the stake {node.StakeMinorUnits} overflows 64 bits.");
        }

        var debit = Debit(sender, Parameters.NativeAsset, body.AmountMinorUnits, "amount");
        if (!debit.IsAccepted)
        {
            return debit;
        }

        var stake = node.StakeMinorUnits + body.AmountMinorUnits;
        var status = node.Status == NodeStatus.Unbonding && stake >= Parameters.MinStakeMinorUnits ? NodeStatus.Active : node.Status;
        _state.SetNode(sender, node with { StakeMinorUnits = stake, Status = status });
        return Rejection.Accepted;
    }

    private Rejection BeginUnbonding(Address sender, BeginUnbondingBody body)
    {
        var node = _state.GetNode(sender);
        if (node is null)
        {
            return Reject(RejectionReason.UnknownNode, "sender", $"sender: {sender} is not a registered node.");
        }

        if (body.AmountMinorUnits == 0)
        {
            return Reject(RejectionReason.InvalidField, "amount", "amount: must be ≥ 1 minor unit.");
        }

        if (body.AmountMinorUnits > node.StakeMinorUnits)
        {
            return Reject(RejectionReason.InsufficientStake, "amount", $"amount: {body.AmountMinorUnits} exceeds the stake {node.StakeMinorUnits}.");
        }

        var remaining = node.StakeMinorUnits - body.AmountMinorUnits;
        if (remaining != 0 && remaining < Parameters.MinStakeMinorUnits)
        {
            return Reject(RejectionReason.InsufficientStake, "amount", $"amount: would leave {remaining}, below the minimum stake {Parameters.MinStakeMinorUnits}; unbond everything or leave at least the minimum.");
        }

        if (node.Unbonding.Length >= NodeRecord.MaxUnbondingEntries)
        {
            return Reject(RejectionReason.TooManyUnbondingEntries, "amount", $"amount: {sender} already has {NodeRecord.MaxUnbondingEntries} unbonding entries.");
        }

        var entry = new UnbondingEntry(body.AmountMinorUnits, Height + Parameters.UnbondingPeriodBlocks);
        var status = remaining == 0 && node.Status == NodeStatus.Active ? NodeStatus.Unbonding : node.Status;
        _state.SetNode(sender, node with { StakeMinorUnits = remaining, Status = status, Unbonding = node.Unbonding.Add(entry) });
        return Rejection.Accepted;
    }

    private static Hash256 Seedless => Hash256.Zero;
}
