using Assay.Numerics;

namespace Assay.Proofs.SpotCheck;

/// <summary>Detection probabilities of a spot check, as lower bounds over every cheating strategy of the stated kind.</summary>
/// <remarks>
/// <para>Uniform openings (k_u distinct leaves out of n): a proof passes only if none of the m bad leaves is drawn, so
/// P(detect) = 1 − C(n − m, k_u)/C(n, k_u) = 1 − Π_{i&lt;k_u} (n − m − i)/(n − i) (hypergeometric; ≥ 1 − (1 − m/n)^k_u).</para>
/// <para>Mass openings (k_m independent draws of a target t uniform in [0, T), T the committed total of the mass lane):
/// a draw passes only if it lands in the interval of a leaf whose content and whole path are honest. Those intervals are
/// disjoint, have the honest lengths v_i, and so cover at most the true total V of [0, T): a draw passes with
/// probability ≤ V/T, and inflating the total to T ≥ (1 + ε)·V is detected with probability ≥ 1 − (1 + ε)^−k_m.</para>
/// <para>Deflation to T = (1 − ε)·V hides mass; the mass draws cannot see it, but the leaves carrying it (falsified
/// leaves, and every leaf under a node whose committed sums do not add up) hold true mass ≥ ε·V, so at least
/// m = ⌈ε·n/ρ⌉ leaves are bad when no leaf exceeds ρ times the mean mass V/n, and the uniform bound applies.</para>
/// <para>These are reports, not consensus values; they use <see cref="DMath"/> all the same.</para>
/// </remarks>
public static class SpotCheckDetection
{
    /// <summary>1 − C(n − m, k)/C(n, k): the probability that k distinct uniform draws from n leaves hit at least one of m bad ones.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, or m or k outside [0, n].</exception>
    public static double Hypergeometric(long leafCount, long badLeaves, long draws)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leafCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(badLeaves);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(badLeaves, leafCount);
        ArgumentOutOfRangeException.ThrowIfNegative(draws);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(draws, leafCount);
        if (draws > leafCount - badLeaves)
        {
            return 1.0;
        }

        var miss = 1.0;
        for (long i = 0; i < draws && miss > 0.0; i++)
        {
            miss *= (double)(leafCount - badLeaves - i) / (leafCount - i);
        }

        return 1.0 - miss;
    }

    /// <summary>Detection of falsifying a fraction f of n leaves (m = ⌈f·n⌉) by k_u uniform openings.</summary>
    public static double FalsifiedFraction(long leafCount, int uniformCount, double fraction)
    {
        var draws = Math.Min(uniformCount, leafCount);
        return Hypergeometric(leafCount, MarkedLeaves(leafCount, fraction), draws);
    }

    /// <summary>Detection of inflating the mass lane's total by a factor 1 + ε with k_m mass draws: 1 − (1 + ε)^−k_m.</summary>
    public static double Inflation(int massCount, double relativeChange)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(massCount);
        if (!(relativeChange >= 0.0 && double.IsFinite(relativeChange)))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeChange), relativeChange, "relativeChange must be finite and ≥ 0.");
        }

        return -DMath.Expm1(-massCount * DMath.Log1p(relativeChange));
    }

    /// <summary>Detection of deflating the mass lane's total by ε with k_u uniform openings, when no leaf exceeds ρ times the mean mass.</summary>
    public static double Deflation(long leafCount, int uniformCount, double relativeChange, double massConcentration)
    {
        if (!(massConcentration >= 1.0 && double.IsFinite(massConcentration)))
        {
            throw new ArgumentOutOfRangeException(nameof(massConcentration), massConcentration, "massConcentration must be finite and at least 1.");
        }

        return FalsifiedFraction(leafCount, uniformCount, relativeChange / massConcentration);
    }

    /// <summary>⌈fraction·n⌉ clamped to [0, n]: the fewest bad leaves that make up that fraction.</summary>
    internal static long MarkedLeaves(long leafCount, double fraction)
    {
        if (!(fraction >= 0.0 && fraction <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be in [0, 1].");
        }

        return Math.Min(leafCount, (long)Math.Ceiling(fraction * leafCount));
    }

    /// <summary>The smallest k with Hypergeometric(n, m, k) ≥ target (capped at n, and at MaxOpenings + 1 to signal "too many").</summary>
    internal static int UniformCountFor(long leafCount, long badLeaves, double target)
    {
        if (badLeaves == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(badLeaves), "No bad leaf: nothing to detect.");
        }

        var limit = Math.Min(leafCount, SpotCheckPolicy.MaxOpenings + 1L);
        var miss = 1.0;
        for (long k = 1; k <= limit; k++)
        {
            miss = k - 1 > leafCount - badLeaves - 1 ? 0.0 : miss * ((double)(leafCount - badLeaves - (k - 1)) / (leafCount - (k - 1)));
            if (1.0 - miss >= target)
            {
                return (int)k;
            }
        }

        return (int)limit;
    }

    /// <summary>The smallest k_m with 1 − (1 + ε)^−k_m ≥ target.</summary>
    internal static int MassCountFor(double relativeChange, double target)
    {
        var estimate = -DMath.Log1p(-target) / DMath.Log1p(relativeChange);
        var k = (int)Math.Min(SpotCheckPolicy.MaxOpenings + 1.0, Math.Ceiling(estimate));
        while (k > 1 && Inflation(k - 1, relativeChange) >= target)
        {
            k--;
        }

        while (k <= SpotCheckPolicy.MaxOpenings && Inflation(k, relativeChange) < target)
        {
            k++;
        }

        return Math.Max(k, 1);
    }
}
