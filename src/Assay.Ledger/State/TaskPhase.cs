namespace Assay.Ledger.State;

/// <summary>The lifecycle of a task on the ledger (docs/ledger.md, "Protocol timeline").</summary>
public enum TaskPhase : byte
{
    /// <summary>Submitted, fee escrowed; nodes are drawn at the start of the next block with this block's beacon.</summary>
    Pending = 1,

    /// <summary>At least one current assignment has not committed.</summary>
    Committing = 2,

    /// <summary>Every current assignment has committed; reveals are open.</summary>
    Revealing = 3,

    /// <summary>A quorum agreed; the result may be challenged until the finality height.</summary>
    Agreed = 4,

    /// <summary>Final: fee paid to the agreeing nodes, wrong reveals slashed.</summary>
    Final = 5,

    /// <summary>Not completed by its deadline: the escrow went back to the requester.</summary>
    Expired = 6,
}
