namespace Assay.Pricing.Engines.Lattice;

/// <summary>When the holder of an option priced on a lattice may exercise it.</summary>
public enum ExerciseStyle
{
    /// <summary>Only at expiry.</summary>
    European,

    /// <summary>At any time up to and including expiry (every lattice node).</summary>
    American,
}
