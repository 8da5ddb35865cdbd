namespace Assay.Simulation;

/// <summary>How a simulated node behaves; every kind but <see cref="Honest"/> is a fault the protocol must detect or neutralise.</summary>
public enum FaultKind
{
    /// <summary>Computes, commits and reveals correctly and on time.</summary>
    Honest = 0,

    /// <summary>Commits and reveals a result with one leaf falsified, unique to the node.</summary>
    WrongResult = 1,

    /// <summary>Computes nothing: commits to a guess, then tries to reveal a copy of another node's revealed result.</summary>
    Lazy = 2,

    /// <summary>Computes and commits honestly but never reveals.</summary>
    NeverReveals = 3,

    /// <summary>A member of a colluding minority: every colluder commits and reveals the same wrong root.</summary>
    Colluding = 4,

    /// <summary>Commits the honest result but reveals it with a garbage spot-check proof.</summary>
    GarbageProof = 5,

    /// <summary>Honest, but offline for a stretch of simulated time in the middle of the run.</summary>
    Offline = 6,

    /// <summary>Signs two different commitments (honest and wrong) with the same nonce and reveals whichever the ledger kept.</summary>
    Equivocation = 7,
}
