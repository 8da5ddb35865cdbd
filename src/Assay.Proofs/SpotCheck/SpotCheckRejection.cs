namespace Assay.Proofs.SpotCheck;

/// <summary>Why a spot-check proof was refused (<see cref="None"/> when it was accepted).</summary>
public enum SpotCheckRejection
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>The committed root breaks the layout's rules (lane count, count or lane bounds, negative mass, leaf count).</summary>
    RootInvalid,

    /// <summary>The proof is for a different number of leaves or lanes than the root.</summary>
    ShapeMismatch,

    /// <summary>The openings are not in strictly ascending leaf order.</summary>
    OpeningsNotCanonical,

    /// <summary>An opening does not verify against the root (see <see cref="SpotCheckVerdict.OpeningRejection"/>).</summary>
    OpeningInvalid,

    /// <summary>A uniformly drawn leaf is not opened.</summary>
    MissingUniformOpening,

    /// <summary>No opened leaf's mass interval contains a mass target.</summary>
    MissingMassOpening,

    /// <summary>An opened leaf was not demanded by the challenge.</summary>
    UnrequestedOpening,

    /// <summary>An opened leaf differs from the leaf recomputed from the task spec.</summary>
    LeafMismatch,
}
