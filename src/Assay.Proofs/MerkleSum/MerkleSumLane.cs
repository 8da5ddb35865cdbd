using Assay.Numerics.FixedPoint;

namespace Assay.Proofs.MerkleSum;

/// <summary>One fixed-point lane of a Merkle-sum tree: its name, its scale and whether its sums may be negative.</summary>
/// <remarks>
/// A lane value is an <see cref="Int128"/> count of 2^−<see cref="FixedPointScale.FractionBits"/> units, exactly the
/// <see cref="FixedPointAccumulator.ScaledSum"/> of the items summed into it. Lanes that are sums of squares or of
/// absolute values (Σpayoff², Σ|payoff|) are non-negative by construction; the verifier refuses a negative sum in such
/// a lane anywhere in an opening, which is the defence against hiding mass in a sibling with negative sums.
/// </remarks>
/// <param name="Name">A label for messages (e.g. "payoff_squared"); not hashed.</param>
/// <param name="Scale">The fixed-point scale of the lane; bounds every sum by count × 2^(MagnitudeBits + FractionBits).</param>
/// <param name="IsNonNegative">Whether every sum of this lane must be ≥ 0.</param>
public readonly record struct MerkleSumLane(string Name, FixedPointScale Scale, bool IsNonNegative);
