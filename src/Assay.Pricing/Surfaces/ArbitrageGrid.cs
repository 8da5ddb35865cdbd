namespace Assay.Pricing.Surfaces;

/// <summary>The log-moneyness grid on which butterfly and calendar arbitrage are checked.</summary>
/// <remarks>
/// Points are k_j = KMin + j·(KMax − KMin)/(Points − 1), j = 0 … Points − 1. The default, k ∈ [−1.5, 1.5] in steps of
/// 0.01, covers strikes from 22% to 448% of the forward. Field names in errors: k_min, k_max, points.
/// </remarks>
/// <param name="KMin">The smallest k.</param>
/// <param name="KMax">The largest k &gt; KMin.</param>
/// <param name="Points">The number of points, 2 … <see cref="MaxPoints"/>.</param>
public readonly record struct ArbitrageGrid(double KMin, double KMax, int Points)
{
    /// <summary>The most grid points a check accepts.</summary>
    public const int MaxPoints = 100_001;

    /// <summary>k ∈ [−1.5, 1.5], 301 points.</summary>
    public static ArbitrageGrid Default { get; } = new(-1.5, 1.5, 301);

    /// <summary>The j-th grid point.</summary>
    /// <param name="j">0 ≤ j &lt; Points.</param>
    public double At(int j) => j == Points - 1 ? KMax : KMin + (j * ((KMax - KMin) / (Points - 1)));

    /// <summary>Throws <see cref="PricingInputException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        InputGuard.Finite(KMin, "k_min");
        InputGuard.Finite(KMax, "k_max");
        if (!(KMax > KMin))
        {
            InputGuard.Fail("k_max", FormattableString.Invariant($"k_max must be > k_min = {KMin:R} (got {KMax:R})"));
        }

        InputGuard.InRange(Points, "points", 2, MaxPoints);
    }
}
