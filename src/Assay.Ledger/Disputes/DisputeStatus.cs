namespace Assay.Ledger.Disputes;

/// <summary>Where a dispute stands (encoded as one byte, frozen values).</summary>
public enum DisputeStatus : byte
{
    /// <summary>Bisection in progress; the task's finality waits.</summary>
    Open = 1,

    /// <summary>The agreed result lost (its leaf differs from the recomputation, or its side fell silent): agreeing nodes slashed, task re-run, challenger paid.</summary>
    ChallengerWon = 2,

    /// <summary>The challenger lost (its leaf differs, or it fell silent): its bond is forfeited.</summary>
    DefenderWon = 3,

    /// <summary>Both leaves differ from the recomputation: the agreed result is voided and the bond forfeited.</summary>
    BothWrong = 4,

    /// <summary>Another dispute voided the same agreed result first: the bond is returned.</summary>
    Moot = 5,
}
