namespace Assay.Ledger.State;

/// <summary>Where one node's assignment to a task stands.</summary>
public enum AssignmentStatus : byte
{
    /// <summary>Drawn; the commitment is due by the commit deadline.</summary>
    Assigned = 1,

    /// <summary>Committed; the reveal opens when every current assignment of the task has committed.</summary>
    Committed = 2,

    /// <summary>Revealed and verified on the ledger (spot-check proof accepted).</summary>
    Revealed = 3,

    /// <summary>Revealed, but the proof failed verification: slashed.</summary>
    FailedVerification = 4,

    /// <summary>No commitment by the commit deadline: slashed and replaced.</summary>
    MissedCommit = 5,

    /// <summary>No reveal by the reveal deadline: slashed and replaced.</summary>
    MissedReveal = 6,

    /// <summary>Outstanding when the task reached agreement or expired: released without reward or fault.</summary>
    Released = 7,

    /// <summary>Revealed the agreed result: paid at finality.</summary>
    Rewarded = 8,

    /// <summary>Revealed a result that disagrees with the agreed one: slashed at finality.</summary>
    SlashedWrong = 9,
}
