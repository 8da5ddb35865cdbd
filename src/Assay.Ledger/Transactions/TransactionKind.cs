namespace Assay.Ledger.Transactions;

/// <summary>The transaction kinds and their frozen wire codes; 16–31 are reserved for disputes and 32–47 for governance.</summary>
public enum TransactionKind : byte
{
    /// <summary>Move an amount of an asset to another address.</summary>
    Transfer = 1,

    /// <summary>Register the sender as a compute node with stake and capabilities.</summary>
    RegisterNode = 2,

    /// <summary>Bond more stake.</summary>
    AddStake = 3,

    /// <summary>Start unbonding stake (slashable until released).</summary>
    BeginUnbonding = 4,

    /// <summary>Submit a task and escrow its fee.</summary>
    SubmitTask = 5,

    /// <summary>Commit to a result.</summary>
    Commit = 6,

    /// <summary>Reveal a committed result with its spot-check proof.</summary>
    Reveal = 7,

    /// <summary>Challenge an agreed result with a bond (<see cref="ChallengeBody"/>).</summary>
    Challenge = 16,

    /// <summary>One step of a bisection dispute (<see cref="BisectionStepBody"/>).</summary>
    BisectionStep = 17,

    /// <summary>Reserved: propose a parameter change (next session).</summary>
    GovernancePropose = 32,

    /// <summary>Reserved: approve a proposal (next session).</summary>
    GovernanceApprove = 33,

    /// <summary>Reserved: execute an approved proposal after its time lock (next session).</summary>
    GovernanceExecute = 34,

    /// <summary>Evidence that a node signed two different commitments for one task (<see cref="EquivocationEvidenceBody"/>); anyone may send it.</summary>
    EquivocationEvidence = 8,

    /// <summary>Return the sender's jailed node to active duty after its jail period (<see cref="UnjailBody"/>).</summary>
    Unjail = 9,
}
