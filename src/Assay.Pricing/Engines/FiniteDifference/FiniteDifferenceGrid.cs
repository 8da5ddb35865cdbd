namespace Assay.Pricing.Engines.FiniteDifference;

/// <summary>Size of the finite-difference grid: space intervals on each side of the strike and time steps.</summary>
/// <remarks>
/// The space grid has 2·<see cref="HalfSpaceIntervals"/> + 1 nodes in y = ln S + v·τ, with the strike on the middle node;
/// the time grid has <see cref="TimeSteps"/> steps, quadratic in τ (τₙ = T·(n/N)²), the first
/// <see cref="FiniteDifferenceAmerican.DampingSteps"/> of them taken as two implicit-Euler half steps each (Rannacher).
/// With <see cref="Richardson"/> the problem is also solved on the grid with both sizes doubled (its mesh contains this
/// one's nodes) and every output is combined as (4·fine − coarse)/3, which removes the leading O(h² + Δτ²) error.
/// The CLI/CSV names are <c>x_steps</c> and <c>t_steps</c>.
/// </remarks>
/// <param name="HalfSpaceIntervals">Space intervals on each side of the strike node, in [8, 20000].</param>
/// <param name="TimeSteps">Time steps, in [8, 100000].</param>
/// <param name="Richardson">Whether to extrapolate from this grid and the one with both sizes doubled.</param>
public readonly record struct FiniteDifferenceGrid(int HalfSpaceIntervals, int TimeSteps, bool Richardson = false)
{
    /// <summary>Smallest allowed <see cref="HalfSpaceIntervals"/>.</summary>
    public const int HalfSpaceIntervalsMin = 8;

    /// <summary>Largest allowed <see cref="HalfSpaceIntervals"/>.</summary>
    public const int HalfSpaceIntervalsMax = 20000;

    /// <summary>Smallest allowed <see cref="TimeSteps"/>.</summary>
    public const int TimeStepsMin = 8;

    /// <summary>Largest allowed <see cref="TimeSteps"/>.</summary>
    public const int TimeStepsMax = 100000;

    /// <summary>Throws <see cref="PricingInputException"/> naming the first size outside its allowed range.</summary>
    public void Validate()
    {
        InputGuard.InRange(HalfSpaceIntervals, "x_steps", HalfSpaceIntervalsMin, HalfSpaceIntervalsMax);
        InputGuard.InRange(TimeSteps, "t_steps", TimeStepsMin, TimeStepsMax);
    }
}
