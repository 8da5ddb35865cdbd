namespace Assay.Ledger.State;

/// <summary>The namespaces of the state tree; a key's position is H(namespace ‖ key), so namespaces never collide.</summary>
public enum StateNamespace : byte
{
    /// <summary>Accounts, keyed by the 20-byte address.</summary>
    Account = 1,

    /// <summary>Compute nodes, keyed by the operator's 20-byte address.</summary>
    Node = 2,

    /// <summary>Task lifecycle records, keyed by the 32-byte task id.</summary>
    Task = 3,

    /// <summary>Task specs (written once), keyed by the 32-byte task id.</summary>
    TaskSpec = 4,

    /// <summary>The protocol parameters (one record, empty key).</summary>
    Parameters = 5,

    /// <summary>The chain record: height, beacon, insurance, burns (one record, empty key).</summary>
    Chain = 6,

    /// <summary>Disputes (challenges and their bisection), keyed by the 32-byte dispute id.</summary>
    Dispute = 7,

    /// <summary>The governance singleton (config and pending changes; one record, empty key; absent when governance is disabled).</summary>
    Governance = 8,

    /// <summary>Governance proposals, keyed by the proposing transaction's hash.</summary>
    Proposal = 9,

    /// <summary>Jail records (when a node was jailed and the first height it may unjail), keyed by the node's 20-byte address; written when a node is first jailed.</summary>
    Jail = 10,

    /// <summary>Accepted equivocation evidence, keyed by the 32-byte evidence id (one per node and task).</summary>
    Evidence = 11,
}
