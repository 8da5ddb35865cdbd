namespace Assay.Ledger.Transactions;

/// <summary>Why a transaction was rejected (a rejected transaction changes nothing). Values are frozen: they are hashed into block outcomes.</summary>
public enum RejectionReason : byte
{
    /// <summary>Not rejected: the transaction was applied.</summary>
    None = 0,

    /// <summary>The signature does not verify under the sender's key over the payload.</summary>
    BadSignature = 1,

    /// <summary>The nonce is below the account's next nonce (a replay).</summary>
    NonceReused = 2,

    /// <summary>The nonce is above the account's next nonce (a gap).</summary>
    NonceSkipped = 3,

    /// <summary>The sender has no account.</summary>
    UnknownAccount = 4,

    /// <summary>The named node is not registered.</summary>
    UnknownNode = 5,

    /// <summary>The named task does not exist.</summary>
    UnknownTask = 6,

    /// <summary>The task or assignment is not in the phase this transaction needs.</summary>
    WrongPhase = 7,

    /// <summary>The deadline for this step has passed.</summary>
    PastDeadline = 8,

    /// <summary>The account's balance does not cover the amount.</summary>
    InsufficientBalance = 9,

    /// <summary>The stake is below what the operation needs or leaves.</summary>
    InsufficientStake = 10,

    /// <summary>The sender is not assigned to the task.</summary>
    NotAssigned = 11,

    /// <summary>The spot-check proof or result cannot be decoded or does not belong to this task and node.</summary>
    MalformedProof = 12,

    /// <summary>A field is out of range (amount zero, unknown asset name, bad capability, self-transfer…).</summary>
    InvalidField = 13,

    /// <summary>An amount would overflow a 64-bit balance or stake.</summary>
    Overflow = 14,

    /// <summary>The node is already registered.</summary>
    AlreadyRegistered = 15,

    /// <summary>A task with this id already exists.</summary>
    DuplicateTask = 16,

    /// <summary>The task spec is not acceptable (unknown kind, engine version, inputs, replication above the maximum, fee below the minimum).</summary>
    InvalidTaskSpec = 17,

    /// <summary>The revealed root and salt do not open the commitment.</summary>
    CommitmentMismatch = 18,

    /// <summary>The transaction kind is reserved but not yet supported (challenge, bisection, governance).</summary>
    UnsupportedKind = 19,

    /// <summary>The node already has the most unbonding entries allowed.</summary>
    TooManyUnbondingEntries = 20,

    /// <summary>The sender is not a governor (field <c>sender</c>).</summary>
    NotGovernor = 40,

    /// <summary>No proposal has this id (field <c>proposal_id</c>).</summary>
    UnknownProposal = 41,

    /// <summary>The governor already approved this proposal (field <c>sender</c>).</summary>
    DuplicateApproval = 42,

    /// <summary>The proposal's time lock has not elapsed (field <c>proposal_id</c>).</summary>
    TimelockNotElapsed = 43,

    /// <summary>The proposal is past its expiry height (field <c>proposal_id</c>).</summary>
    ProposalExpired = 44,

    /// <summary>Fewer approvals from current governors than the threshold (field <c>proposal_id</c>).</summary>
    InsufficientApprovals = 45,

    /// <summary>The proposal was already executed (field <c>proposal_id</c>).</summary>
    ProposalClosed = 46,

    /// <summary>Equivocation evidence for this node and task was already accepted (field <c>task_id</c>).</summary>
    DuplicateEvidence = 21,

    /// <summary>The node's jail period has not ended yet (field <c>sender</c>; the message names the first height it may unjail).</summary>
    JailPeriodNotElapsed = 22,
}
