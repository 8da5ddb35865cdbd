using Assay.Proofs.MerkleSum;

namespace Assay.Proofs.SpotCheck;

/// <summary>How many leaves a spot check opens: some drawn uniformly without replacement, some in proportion to one lane's mass.</summary>
/// <remarks>
/// <para>Uniform draws catch falsifying a fraction f of the leaves (whatever their mass); mass draws catch inflating the
/// committed total of the mass lane (see <see cref="SpotCheckDetection"/> for the bounds). The mass lane must be a
/// non-negative lane of the tree's layout (e.g. Σpayoff² or Σ|payoff|).</para>
/// <para>If <see cref="UniformCount"/> exceeds the number of leaves n, every leaf is opened (n uniform openings).</para>
/// </remarks>
/// <param name="UniformCount">Leaves drawn uniformly without replacement, 0 … <see cref="MaxOpenings"/>.</param>
/// <param name="MassCount">Mass-proportional draws (with replacement; a leaf drawn twice is opened once), 0 … <see cref="MaxOpenings"/>.</param>
/// <param name="MassLane">Index of the non-negative lane that defines mass.</param>
public readonly record struct SpotCheckPolicy(int UniformCount, int MassCount, int MassLane)
{
    /// <summary>Largest <see cref="UniformCount"/> + <see cref="MassCount"/>, and so the largest number of openings in a proof.</summary>
    public const int MaxOpenings = 1 << 16;

    /// <summary>The smallest policy that detects a relative change ε with at least the target probability.</summary>
    /// <remarks>
    /// <para>Mass draws: the smallest k_m with 1 − (1 + ε)^−k_m ≥ target, which bounds detection of inflating the mass
    /// lane's total by a factor 1 + ε. Uniform draws: the smallest k_u with 1 − C(n − m, k_u)/C(n, k_u) ≥ target for
    /// m = ⌈ε·n/ρ⌉, which bounds detection of falsifying a fraction ε/ρ of the leaves and of deflating the total by ε
    /// when no leaf carries more than ρ times the mean mass (ρ = <paramref name="massConcentration"/>; 1 for equal leaves).</para>
    /// <para>Small trees: when k_u reaches n, every leaf is opened, so every node sum lies on a verified path and every
    /// leaf is recomputed: any change is detected with probability 1 and mass draws add nothing, so k_m = 0 (without this
    /// rule a 25-leaf tree at 99%/1% asked for 463 mass draws on top of opening all 25 leaves). Below n, mass draws keep
    /// their own bound: inflation concentrated in unopened leaves is seen only by them.</para>
    /// <para>Example: n = 10^5, target 0.99, ε = 0.01, ρ = 1 gives k_u = 458 and k_m = 463; n = 25 gives k_u = 25, k_m = 0.</para>
    /// </remarks>
    /// <param name="leafCount">Number of leaves n, 1 … <see cref="MerkleSumTree.MaxLeafCount"/>.</param>
    /// <param name="targetDetection">Required detection probability, in (0, 1).</param>
    /// <param name="relativeChange">ε: the fraction of leaves falsified, or the relative change of the total, in (0, 1].</param>
    /// <param name="massLane">The non-negative lane that defines mass.</param>
    /// <param name="massConcentration">ρ ≥ 1: the largest leaf mass over the mean leaf mass.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or the policy would need more than <see cref="MaxOpenings"/> openings.</exception>
    public static SpotCheckPolicy For(long leafCount, double targetDetection, double relativeChange, int massLane, double massConcentration = 1.0)
    {
        if (leafCount is < 1 or > MerkleSumTree.MaxLeafCount)
        {
            throw new ArgumentOutOfRangeException(nameof(leafCount), leafCount, $"leafCount must be in 1 … {MerkleSumTree.MaxLeafCount}.");
        }

        if (!(targetDetection > 0.0 && targetDetection < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(targetDetection), targetDetection, "targetDetection must be in (0, 1).");
        }

        if (!(relativeChange > 0.0 && relativeChange <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeChange), relativeChange, "relativeChange must be in (0, 1].");
        }

        if (!(massConcentration >= 1.0 && double.IsFinite(massConcentration)))
        {
            throw new ArgumentOutOfRangeException(nameof(massConcentration), massConcentration, "massConcentration must be finite and at least 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(massLane);
        var marked = SpotCheckDetection.MarkedLeaves(leafCount, relativeChange / massConcentration);
        var uniform = SpotCheckDetection.UniformCountFor(leafCount, marked, targetDetection);
        var mass = uniform >= leafCount ? 0 : SpotCheckDetection.MassCountFor(relativeChange, targetDetection);
        if ((long)uniform + mass > MaxOpenings)
        {
            throw new ArgumentOutOfRangeException(
                nameof(targetDetection),
                $"Detecting ε = {relativeChange} with probability {targetDetection} over {leafCount} leaves needs {uniform} uniform and {mass} mass openings, more than MaxOpenings = {MaxOpenings}.");
        }

        return new SpotCheckPolicy(uniform, mass, massLane);
    }

    /// <summary>Throws unless the counts are in range and the mass lane is a non-negative lane of <paramref name="layout"/>.</summary>
    /// <exception cref="ArgumentException">The policy does not fit the layout or its counts are out of range.</exception>
    public void Validate(MerkleSumLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (UniformCount < 0 || MassCount < 0 || (long)UniformCount + MassCount > MaxOpenings)
        {
            throw new ArgumentException($"UniformCount = {UniformCount} and MassCount = {MassCount} must be ≥ 0 and add up to at most {MaxOpenings}.");
        }

        if ((uint)MassLane >= (uint)layout.LaneCount || !layout.Lanes[MassLane].IsNonNegative)
        {
            throw new ArgumentException($"MassLane = {MassLane} must name a non-negative lane of the layout (0 … {layout.LaneCount - 1}).");
        }
    }
}
