using Assay.Compute.Tasks;
using Assay.Ledger.Disputes;
using Assay.Ledger.Governance;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.State;

/// <summary>The whole ledger state: accounts, nodes, tasks, task specs, parameters and the chain record, with an incrementally maintained state root.</summary>
/// <remarks>
/// Every change happens inside a transaction scope (<see cref="Begin"/>, then <see cref="Commit"/> or
/// <see cref="Rollback"/>); a rollback restores every record exactly. <see cref="ComputeRoot"/> writes the keys changed
/// since the last call into the <see cref="SparseMerkleTree"/> (the tree is order independent, so the iteration order of
/// the change sets does not matter) and returns the root. Ordered indexes (node addresses, open tasks, nodes with
/// unbonding stake) are derived from committed records and never hashed.
/// </remarks>
public sealed class LedgerState
{
    private readonly StateTable<Address, Account> _accounts = new();
    private readonly StateTable<Address, NodeRecord> _nodes = new();
    private readonly StateTable<Hash256, TaskRecord> _tasks = new();
    private readonly StateTable<Hash256, TaskSpec> _specs = new();
    private readonly StateTable<string, ProtocolParameters> _parameters = new();
    private readonly StateTable<string, ChainRecord> _chain = new();
    private readonly StateTable<Hash256, DisputeRecord> _disputes = new();
    private readonly StateTable<string, GovernanceState> _governance = new();
    private readonly StateTable<Hash256, Proposal> _proposals = new();
    private readonly StateTable<Address, JailRecord> _jails = new();
    private readonly StateTable<Hash256, EvidenceRecord> _evidence = new();
    private readonly SparseMerkleTree _tree = new();
    private readonly SortedSet<Address> _nodeOrder = new(ByteOrder.Instance);
    private readonly SortedSet<Hash256> _openTasks = new(ByteOrder.Instance);
    private readonly SortedSet<Address> _unbondingNodes = new(ByteOrder.Instance);
    private readonly SortedSet<Hash256> _openDisputes = new(ByteOrder.Instance);
    private readonly HashSet<Hash256> _writtenTasks = [];
    private bool _inScope;

    /// <summary>Creates a state holding only the given parameters and chain record.</summary>
    public LedgerState(ProtocolParameters parameters, ChainRecord chain)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(chain);
        Begin();
        _parameters.Set(string.Empty, parameters);
        _chain.Set(string.Empty, chain);
        Commit();
    }

    /// <summary>The protocol parameters.</summary>
    public ProtocolParameters Parameters => _parameters.Get(string.Empty)!;

    /// <summary>The chain record.</summary>
    public ChainRecord Chain => _chain.Get(string.Empty)!;

    /// <summary>Number of accounts.</summary>
    public int AccountCount => _accounts.Count;

    /// <summary>Every account (unordered; callers that hash must sort).</summary>
    public IEnumerable<KeyValuePair<Address, Account>> Accounts => _accounts.Items;

    /// <summary>Every node, ascending address.</summary>
    public IEnumerable<KeyValuePair<Address, NodeRecord>> Nodes => _nodeOrder.Select(a => KeyValuePair.Create(a, _nodes.Get(a)!));

    /// <summary>Every task record (unordered).</summary>
    public IEnumerable<TaskRecord> Tasks => _tasks.Items.Select(kv => kv.Value);

    /// <summary>Ids of tasks that are not final or expired, ascending.</summary>
    public IReadOnlyCollection<Hash256> OpenTaskIds => _openTasks;

    /// <summary>Nodes with unbonding entries, ascending address.</summary>
    public IReadOnlyCollection<Address> UnbondingNodes => _unbondingNodes;

    /// <summary>The account at <paramref name="address"/>, or null.</summary>
    public Account? GetAccount(Address address) => _accounts.Get(address);

    /// <summary>The node registered by <paramref name="address"/>, or null.</summary>
    public NodeRecord? GetNode(Address address) => _nodes.Get(address);

    /// <summary>The task record, or null.</summary>
    public TaskRecord? GetTask(Hash256 taskId) => _tasks.Get(taskId);

    /// <summary>The task spec, or null.</summary>
    public TaskSpec? GetSpec(Hash256 taskId) => _specs.Get(taskId);

    /// <summary>Every dispute record, open or resolved (unordered; do not iterate to change state).</summary>
    public IEnumerable<DisputeRecord> Disputes => _disputes.Items.Select(kv => kv.Value);

    /// <summary>Ids of the open disputes, ascending byte order.</summary>
    public IReadOnlyCollection<Hash256> OpenDisputeIds => _openDisputes;

    /// <summary>The dispute <paramref name="disputeId"/>, or null.</summary>
    public DisputeRecord? GetDispute(Hash256 disputeId) => _disputes.Get(disputeId);

    /// <summary>Writes a dispute record.</summary>
    public void SetDispute(DisputeRecord dispute)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        RequireScope();
        _disputes.Set(dispute.DisputeId, dispute);
    }

    /// <summary>The governance singleton, or null when governance is disabled.</summary>
    public GovernanceState? Governance => _governance.Get(string.Empty);

    /// <summary>The governance proposal, or null.</summary>
    public Proposal? GetProposal(Hash256 proposalId) => _proposals.Get(proposalId);

    /// <summary>The jail record of <paramref name="node"/> (written when it was first jailed), or null.</summary>
    public JailRecord? GetJail(Address node) => _jails.Get(node);

    /// <summary>Accepted equivocation evidence with id <paramref name="evidenceId"/> (see <see cref="EvidenceRecord.IdFor"/>), or null.</summary>
    public EvidenceRecord? GetEvidence(Hash256 evidenceId) => _evidence.Get(evidenceId);

    /// <summary>Writes a jail record (inside a scope).</summary>
    public void SetJail(Address node, JailRecord jail)
    {
        ArgumentNullException.ThrowIfNull(jail);
        RequireScope();
        _jails.Set(node, jail);
    }

    /// <summary>Writes an evidence record (inside a scope).</summary>
    public void SetEvidence(EvidenceRecord evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        RequireScope();
        _evidence.Set(evidence.EvidenceId, evidence);
    }

    /// <summary>Ids of tasks written since the block duties last cleared the set (rolled-back writes included): the duties' deadline index re-examines them.</summary>
    internal HashSet<Hash256> WrittenTaskIds => _writtenTasks;

    /// <summary>Node writes ever made (rolled-back ones included): a change means allocation may find new candidates.</summary>
    internal long NodeWriteCount { get; private set; }

    /// <summary>Opens a transaction scope.</summary>
    public void Begin()
    {
        if (_inScope)
        {
            throw new InvalidOperationException("A transaction scope is already open.");
        }

        _inScope = true;
    }

    /// <summary>Keeps every write since <see cref="Begin"/>.</summary>
    public void Commit()
    {
        RequireScope();
        _accounts.Commit(null);
        _nodes.Commit((address, node) =>
        {
            _nodeOrder.Add(address);
            if (node.Unbonding.IsEmpty)
            {
                _unbondingNodes.Remove(address);
            }
            else
            {
                _unbondingNodes.Add(address);
            }
        });
        _tasks.Commit((id, task) =>
        {
            if (task.IsOpen)
            {
                _openTasks.Add(id);
            }
            else
            {
                _openTasks.Remove(id);
            }
        });
        _specs.Commit(null);
        _parameters.Commit(null);
        _chain.Commit(null);
        _disputes.Commit((id, dispute) =>
        {
            if (dispute.IsOpen)
            {
                _openDisputes.Add(id);
            }
            else
            {
                _openDisputes.Remove(id);
            }
        });
        _governance.Commit(null);
        _proposals.Commit(null);
        _jails.Commit(null);
        _evidence.Commit(null);
        _inScope = false;
    }

    /// <summary>Discards every write since <see cref="Begin"/>.</summary>
    public void Rollback()
    {
        RequireScope();
        _accounts.Rollback();
        _nodes.Rollback();
        _tasks.Rollback();
        _specs.Rollback();
        _parameters.Rollback();
        _chain.Rollback();
        _disputes.Rollback();
        _governance.Rollback();
        _proposals.Rollback();
        _jails.Rollback();
        _evidence.Rollback();
        _inScope = false;
    }

    /// <summary>Writes an account (inside a scope).</summary>
    public void SetAccount(Address address, Account account)
    {
        RequireScope();
        _accounts.Set(address, account);
    }

    /// <summary>Writes a node record (inside a scope).</summary>
    public void SetNode(Address address, NodeRecord node)
    {
        RequireScope();
        _nodes.Set(address, node);
        NodeWriteCount++;
    }

    /// <summary>Writes a task record (inside a scope).</summary>
    public void SetTask(TaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);
        RequireScope();
        _tasks.Set(task.TaskId, task);
        _writtenTasks.Add(task.TaskId);
    }

    /// <summary>Writes a task spec (inside a scope).</summary>
    public void SetSpec(Hash256 taskId, TaskSpec spec)
    {
        RequireScope();
        _specs.Set(taskId, spec);
    }

    /// <summary>Writes the parameters (inside a scope).</summary>
    public void SetParameters(ProtocolParameters parameters)
    {
        RequireScope();
        _parameters.Set(string.Empty, parameters);
    }

    /// <summary>Writes the chain record (inside a scope).</summary>
    public void SetChain(ChainRecord chain)
    {
        RequireScope();
        _chain.Set(string.Empty, chain);
    }

    /// <summary>Writes the governance singleton (inside a scope).</summary>
    public void SetGovernance(GovernanceState governance)
    {
        RequireScope();
        _governance.Set(string.Empty, governance);
    }

    /// <summary>Writes a governance proposal (inside a scope).</summary>
    public void SetProposal(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        RequireScope();
        _proposals.Set(proposal.Id, proposal);
    }

    /// <summary>Updates the tree with every record committed since the last call and returns the state root.</summary>
    public Hash256 ComputeRoot()
    {
        if (_inScope)
        {
            throw new InvalidOperationException("Close the transaction scope before computing the root.");
        }

        foreach (var address in _accounts.TakeChanged())
        {
            _tree.Set(StateKeys.ForAccount(address), CanonicalEncoding.Hash(_accounts.Get(address)!));
        }

        foreach (var address in _nodes.TakeChanged())
        {
            _tree.Set(StateKeys.ForNode(address), CanonicalEncoding.Hash(_nodes.Get(address)!));
        }

        foreach (var id in _tasks.TakeChanged())
        {
            _tree.Set(StateKeys.ForHash(StateNamespace.Task, id), CanonicalEncoding.Hash(_tasks.Get(id)!));
        }

        foreach (var id in _specs.TakeChanged())
        {
            _tree.Set(StateKeys.ForHash(StateNamespace.TaskSpec, id), CanonicalEncoding.Hash(_specs.Get(id)!));
        }

        if (_parameters.TakeChanged().Count > 0)
        {
            _tree.Set(StateKeys.For(StateNamespace.Parameters, []), CanonicalEncoding.Hash(Parameters));
        }

        if (_chain.TakeChanged().Count > 0)
        {
            _tree.Set(StateKeys.For(StateNamespace.Chain, []), CanonicalEncoding.Hash(Chain));
        }

        foreach (var id in _disputes.TakeChanged())
        {
            _tree.Set(StateKeys.ForHash(StateNamespace.Dispute, id), CanonicalEncoding.Hash(_disputes.Get(id)!));
        }

        if (_governance.TakeChanged().Count > 0)
        {
            _tree.Set(StateKeys.For(StateNamespace.Governance, []), CanonicalEncoding.Hash(Governance!));
        }

        foreach (var id in _proposals.TakeChanged())
        {
            _tree.Set(StateKeys.ForHash(StateNamespace.Proposal, id), CanonicalEncoding.Hash(_proposals.Get(id)!));
        }

        foreach (var address in _jails.TakeChanged())
        {
            _tree.Set(StateKeys.ForAddress(StateNamespace.Jail, address), CanonicalEncoding.Hash(_jails.Get(address)!));
        }

        foreach (var id in _evidence.TakeChanged())
        {
            _tree.Set(StateKeys.ForHash(StateNamespace.Evidence, id), CanonicalEncoding.Hash(_evidence.Get(id)!));
        }

        return _tree.Root;
    }

    /// <summary>An inclusion proof of the account against the current root (call after <see cref="ComputeRoot"/>), or null when absent.</summary>
    public AccountProof? ProveAccount(Address address)
    {
        var account = _accounts.Get(address);
        var path = account is null ? null : _tree.Prove(StateKeys.ForAccount(address));
        return path is null ? null : new AccountProof(address, account!, path);
    }

    /// <summary>Every table as a snapshot adapter (namespace, raw records); one line per table.</summary>
    internal IReadOnlyList<Blocks.LedgerSnapshotTable> SnapshotTables =>
    [
        Blocks.LedgerSnapshotTable.Of(StateNamespace.Account, _accounts),
        Blocks.LedgerSnapshotTable.Of(StateNamespace.Node, _nodes),
        Blocks.LedgerSnapshotTable.Of(StateNamespace.Task, _tasks),
        Blocks.LedgerSnapshotTable.Of(StateNamespace.TaskSpec, _specs),
        Blocks.LedgerSnapshotTable.Of(StateNamespace.Parameters, _parameters),
        Blocks.LedgerSnapshotTable.Of(StateNamespace.Chain, _chain),
        Blocks.LedgerSnapshotTable.Of(StateNamespace.Dispute, _disputes),
        Blocks.LedgerSnapshotTable.Of(StateNamespace.Governance, _governance),
        Blocks.LedgerSnapshotTable.Of(StateNamespace.Proposal, _proposals),
        Blocks.LedgerSnapshotTable.Of(StateNamespace.Jail, _jails),
        Blocks.LedgerSnapshotTable.Of(StateNamespace.Evidence, _evidence),
    ];

    private void RequireScope()
    {
        if (!_inScope)
        {
            throw new InvalidOperationException("State changes need an open transaction scope.");
        }
    }
}
