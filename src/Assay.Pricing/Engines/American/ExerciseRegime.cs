namespace Assay.Pricing.Engines.American;

/// <summary>Which method prices an American option, decided from its put-equivalent rate and yield.</summary>
internal enum ExerciseRegime
{
    /// <summary>r' &gt; 0: a single exercise boundary; the Andersen–Lake–Offengelds engine applies.</summary>
    SingleBoundary,

    /// <summary>r' ≤ 0 and q' ≥ r': early exercise is never optimal, so the American price is the European one.</summary>
    NeverExercised,

    /// <summary>q' &lt; r' ≤ 0: two exercise boundaries may exist; priced on the Leisen–Reimer lattice.</summary>
    DoubleBoundary,
}
