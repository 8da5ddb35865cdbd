using Assay.Proofs.MerkleSum;

namespace Assay.Proofs.SpotCheck;

/// <summary>What a spot-check policy guarantees over n leaves: detection probabilities and the verifier's cost.</summary>
/// <remarks>
/// Detection figures are lower bounds (<see cref="SpotCheckDetection"/>). Cost: at most min(n, k_u + k_m) leaf
/// recomputations (mass draws that hit the same leaf or a uniform one share an opening), i.e. a fraction
/// <see cref="LeafCostFraction"/> of the full computation, plus at most <see cref="HashesMax"/> SHA-256 evaluations
/// (per opening one leaf hash and ⌈log2 n⌉ node hashes; the challenge key, the root digest and about one draw per value).
/// </remarks>
/// <param name="LeafCount">n.</param>
/// <param name="Policy">The policy.</param>
/// <param name="FalsifiedFraction">The f the first figure is for.</param>
/// <param name="DetectsFalsifiedFraction">P(detect) when a fraction f of the leaves is falsified.</param>
/// <param name="RelativeChange">The ε the next two figures are for.</param>
/// <param name="DetectsInflation">P(detect) when the mass lane's total is inflated by a factor 1 + ε (1 when every leaf is opened uniformly).</param>
/// <param name="DetectsDeflation">P(detect) when the mass lane's total is deflated by ε, given the mass concentration ρ.</param>
/// <param name="LeafRecomputationsMax">Largest number of leaves the verifier recomputes.</param>
/// <param name="LeafCostFraction">LeafRecomputationsMax / n: the verifier's share of the leaf computation.</param>
/// <param name="HashesMax">Largest number of SHA-256 evaluations, rejected draws aside.</param>
public readonly record struct SpotCheckReport(
    long LeafCount,
    SpotCheckPolicy Policy,
    double FalsifiedFraction,
    double DetectsFalsifiedFraction,
    double RelativeChange,
    double DetectsInflation,
    double DetectsDeflation,
    long LeafRecomputationsMax,
    double LeafCostFraction,
    long HashesMax)
{
    /// <summary>The report of a policy over n leaves for a falsified fraction f, a relative change ε and a mass concentration ρ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is outside 1 … MaxLeafCount, f or ε outside [0, 1], ρ &lt; 1, or a count is negative.</exception>
    public static SpotCheckReport For(long leafCount, SpotCheckPolicy policy, double falsifiedFraction, double relativeChange, double massConcentration = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leafCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(leafCount, MerkleSumTree.MaxLeafCount);
        ArgumentOutOfRangeException.ThrowIfNegative(policy.UniformCount);
        ArgumentOutOfRangeException.ThrowIfNegative(policy.MassCount);
        var uniform = (int)Math.Min(policy.UniformCount, leafCount);
        var opened = Math.Min(leafCount, (long)uniform + policy.MassCount);
        var depth = 64 - (int)ulong.LeadingZeroCount((ulong)leafCount - 1);
        var draws = (long)uniform + policy.MassCount;
        return new SpotCheckReport(
            leafCount,
            policy,
            falsifiedFraction,
            SpotCheckDetection.FalsifiedFraction(leafCount, uniform, falsifiedFraction),
            relativeChange,
            uniform >= leafCount && relativeChange > 0.0 ? 1.0 : SpotCheckDetection.Inflation(policy.MassCount, relativeChange),
            SpotCheckDetection.Deflation(leafCount, uniform, relativeChange, massConcentration),
            opened,
            (double)opened / leafCount,
            2 + draws + (opened * (1 + depth)));
    }
}
