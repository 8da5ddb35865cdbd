using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>Starts and updates <see cref="PathStatistics{TLane}"/>; every path stepper goes through here, so every model supports every statistic it can feed.</summary>
/// <remarks>
/// <para><see cref="Observe{TLane, TMask}"/> is the simple form (every grid date is a fixing and a monitoring date;
/// sums and grid extremes only). <see cref="ObserveStep{TLane, TMask}"/> is the full form for steppers that know the
/// step's variance and σ-sensitivity (GBM): fixings every (steps/N)-th date, bridge-sampled extremes, barrier
/// weights and pathwise derivatives.</para>
/// <para>Continuous barrier (Glasserman 2004 §6.4; Beaglehole, Dybvig &amp; Zhou 1997): given the grid log-values
/// x_(i−1), x_i and log-barrier ℓ on the safe side, the Brownian bridge with variance v crosses ℓ with probability
/// p_i = exp(−2(ℓ − x_(i−1))(ℓ − x_i)/v), and 1 when a grid value is on or beyond ℓ. The knock-out weight is
/// w = Π(1 − p_i) and the value of 1 paid at the hit is Q = Σ e^(−r·t_i)·p_i·Π_(j&lt;i)(1 − p_j) (paid at the end of
/// the step that crossed). Discrete monitoring uses p_i = 1{x_i beyond ℓ}. Both are updated with their derivatives
/// with respect to S(0) (∂x_i/∂S(0) = 0, ∂ℓ/∂S(0) = −1/S(0)) and σ (∂x_i/∂σ = sensitivity, ∂v/∂σ) by forward-mode
/// differentiation. A spot already on or beyond the barrier at t = 0 counts as hit at once (w = 0, Q = 1).</para>
/// <para>Continuous extremes: given the grid values the bridge maximum of the step is
/// (x_(i−1) + x_i + √((x_i − x_(i−1))² − 2v·ln U))/2 and the minimum the same with −√, U uniform (Glasserman 2004
/// §6.4, the inverse of the law of the bridge extreme).</para>
/// </remarks>
internal static class PathObserver
{
    private const PathStatisticKinds SimpleKinds =
        PathStatisticKinds.ArithmeticSum | PathStatisticKinds.LogSum | PathStatisticKinds.Minimum | PathStatisticKinds.Maximum;

    /// <summary>The statistics of paths standing at S(0) = <paramref name="spot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PathStatistics<TLane> Start<TLane, TMask>(TLane spot)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var stats = default(PathStatistics<TLane>);
        stats.Final = spot;
        stats.Minimum = spot;
        stats.Maximum = spot;
        stats.Survival = TLane.Constant(1.0);
        return stats;
    }

    /// <summary>The statistics at t = 0 for <paramref name="requirements"/>: as <see cref="Start{TLane, TMask}(TLane)"/>, and a barrier already hit if S(0) is on or beyond it.</summary>
    /// <param name="spot">S(0) in every lane.</param>
    /// <param name="requirements">The payoff's requirements.</param>
    /// <param name="logBarrier">ln(H/S(0)).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PathStatistics<TLane> Start<TLane, TMask>(TLane spot, in PathRequirements requirements, double logBarrier)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var stats = Start<TLane, TMask>(spot);
        if (requirements.Has(PathStatisticKinds.DownBarrier | PathStatisticKinds.UpBarrier) && BarrierSide(requirements) * logBarrier <= 0.0)
        {
            stats.Survival = TLane.Constant(0.0);
            stats.HitDiscount = TLane.Constant(1.0);
        }

        return stats;
    }

    /// <summary>Records the spot of one grid date, which is both a fixing and a monitoring date (simple statistics only).</summary>
    /// <param name="stats">The running statistics.</param>
    /// <param name="spot">S(t_i).</param>
    /// <param name="logReturn">ln(S(t_i)/S(0)).</param>
    /// <param name="requirements">The statistics to update (the terminal spot always is).</param>
    /// <exception cref="PricingInputException">The requirements need the full form (<see cref="ObserveStep{TLane, TMask}"/>); field <c>payoff</c>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Observe<TLane, TMask>(ref PathStatistics<TLane> stats, TLane spot, TLane logReturn, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        if ((requirements.Kinds & ~SimpleKinds) != 0 || requirements.FixingCount != 0)
        {
            ThrowNeedsFullObservation(requirements);
        }

        stats.Final = spot;
        if (requirements.Has(PathStatisticKinds.ArithmeticSum))
        {
            stats.ArithmeticSum += spot;
        }

        if (requirements.Has(PathStatisticKinds.LogSum))
        {
            stats.LogSum += logReturn;
        }

        if (requirements.Has(PathStatisticKinds.Minimum))
        {
            stats.Minimum = TLane.Min(stats.Minimum, spot);
        }

        if (requirements.Has(PathStatisticKinds.Maximum))
        {
            stats.Maximum = TLane.Max(stats.Maximum, spot);
        }
    }

    /// <summary>Records one step (see the type remarks): fixings, extremes, barrier weights and their derivatives.</summary>
    /// <param name="stats">The running statistics.</param>
    /// <param name="step">The step's ends and constants.</param>
    /// <param name="requirements">The statistics to update (the terminal spot always is).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ObserveStep<TLane, TMask>(ref PathStatistics<TLane> stats, in PathStep<TLane> step, in PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        stats.Final = step.Spot;
        var sensitivities = requirements.Has(PathStatisticKinds.Sensitivities);
        if (step.IsFixing)
        {
            if (requirements.Has(PathStatisticKinds.ArithmeticSum))
            {
                stats.ArithmeticSum += step.Spot;
                if (sensitivities)
                {
                    stats.ArithmeticSumVega += step.Spot * step.Sensitivity;
                }
            }

            if (requirements.Has(PathStatisticKinds.LogSum))
            {
                stats.LogSum += step.LogReturn;
                if (sensitivities)
                {
                    stats.LogSumVega += step.Sensitivity;
                }
            }
        }

        var bridge = requirements.Has(PathStatisticKinds.Bridge);
        if (requirements.Has(PathStatisticKinds.Minimum | PathStatisticKinds.Maximum))
        {
            ObserveExtremes<TLane, TMask>(ref stats, step, requirements, bridge);
        }

        if (requirements.Has(PathStatisticKinds.DownBarrier | PathStatisticKinds.UpBarrier))
        {
            ObserveBarrier<TLane, TMask>(ref stats, step, BarrierSide(requirements), bridge, sensitivities);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ObserveExtremes<TLane, TMask>(ref PathStatistics<TLane> stats, in PathStep<TLane> step, in PathRequirements requirements, bool bridge)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var low = step.Spot;
        var high = step.Spot;
        var lowVega = step.Sensitivity;
        var highVega = step.Sensitivity;
        if (bridge)
        {
            // Bridge extreme: (a + b ± √((b − a)² − 2v·ln U))/2 with its σ-derivative (a, b the grid log-values).
            var logUniform = TLane.Log(step.Uniform);
            var rise = step.LogReturn - step.PreviousLogReturn;
            var root = TLane.Sqrt((rise * rise) - ((2.0 * step.Variance) * logUniform));
            var mid = step.PreviousLogReturn + step.LogReturn;
            var midVega = step.PreviousSensitivity + step.Sensitivity;
            var rootVega = ((rise * (step.Sensitivity - step.PreviousSensitivity)) - (step.VarianceVega * logUniform)) / root;
            if (requirements.Has(PathStatisticKinds.Minimum))
            {
                low = TLane.Exp((mid - root) * 0.5) * step.InitialSpot;
                lowVega = (midVega - rootVega) * 0.5;
            }

            if (requirements.Has(PathStatisticKinds.Maximum))
            {
                high = TLane.Exp((mid + root) * 0.5) * step.InitialSpot;
                highVega = (midVega + rootVega) * 0.5;
            }
        }

        if (requirements.Has(PathStatisticKinds.Minimum))
        {
            var lower = TLane.LessThan(low, stats.Minimum);
            stats.Minimum = TLane.Select(lower, low, stats.Minimum);
            stats.MinimumVega = TLane.Select(lower, lowVega, stats.MinimumVega);
        }

        if (requirements.Has(PathStatisticKinds.Maximum))
        {
            var higher = TLane.GreaterThan(high, stats.Maximum);
            stats.Maximum = TLane.Select(higher, high, stats.Maximum);
            stats.MaximumVega = TLane.Select(higher, highVega, stats.MaximumVega);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ObserveBarrier<TLane, TMask>(ref PathStatistics<TLane> stats, in PathStep<TLane> step, double side, bool bridge, bool sensitivities)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        // δ = side·(ℓ − x) is the log-distance to the barrier, positive on the safe side.
        var zero = TLane.Constant(0.0);
        var one = TLane.Constant(1.0);
        var distance = (step.LogBarrier - step.LogReturn) * side;
        var safeNow = TLane.GreaterThan(distance, zero);
        TLane crossing;
        var crossingDelta = zero;
        var crossingVega = zero;
        if (bridge)
        {
            var previousDistance = (step.LogBarrier - step.PreviousLogReturn) * side;
            var safe = TLane.And(safeNow, TLane.GreaterThan(previousDistance, zero));
            var exponent = (previousDistance * distance) * (-2.0 / step.Variance);
            var probability = TLane.Exp(TLane.Select(safe, exponent, zero));
            crossing = TLane.Select(safe, probability, one);
            if (sensitivities)
            {
                // ∂δ/∂S(0) = −side/S(0) at both ends; ∂δ/∂σ = −side·∂x/∂σ; ∂E/∂σ also has −E·(∂v/∂σ)/v.
                var exponentDelta = (previousDistance + distance) * ((2.0 * side) / (step.InitialSpot * step.Variance));
                var exponentVega = (((step.PreviousSensitivity * distance) + (previousDistance * step.Sensitivity)) * ((2.0 * side) / step.Variance))
                    - (exponent * (step.VarianceVega / step.Variance));
                crossingDelta = TLane.Select(safe, probability * exponentDelta, zero);
                crossingVega = TLane.Select(safe, probability * exponentVega, zero);
            }
        }
        else
        {
            crossing = TLane.Select(safeNow, zero, one);
        }

        var survival = stats.Survival;
        var surviving = one - crossing;
        stats.HitDiscount += (survival * crossing) * step.Discount;
        if (sensitivities)
        {
            stats.HitDiscountDelta += ((stats.SurvivalDelta * crossing) + (survival * crossingDelta)) * step.Discount;
            stats.HitDiscountVega += ((stats.SurvivalVega * crossing) + (survival * crossingVega)) * step.Discount;
            stats.SurvivalDelta = (stats.SurvivalDelta * surviving) - (survival * crossingDelta);
            stats.SurvivalVega = (stats.SurvivalVega * surviving) - (survival * crossingVega);
        }

        stats.Survival = survival * surviving;
    }

    // +1 for a barrier above the spot (safe while x < ℓ), −1 below.
    private static double BarrierSide(in PathRequirements requirements) => requirements.Has(PathStatisticKinds.UpBarrier) ? 1.0 : -1.0;

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNeedsFullObservation(PathRequirements requirements) =>
        throw new PricingInputException(
            "payoff",
            $"this payoff needs {requirements.Kinds} (fixings {requirements.FixingCount}), which this model's path stepper does not provide (it must observe through PathObserver.ObserveStep); use the GBM model");
}
