using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>Starts and updates <see cref="PathStatistics{TLane}"/>; every path stepper goes through here, so every model supports every statistic.</summary>
internal static class PathObserver
{
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
        return stats;
    }

    /// <summary>Records the spot of one grid date (every step is a fixing and a monitoring date).</summary>
    /// <param name="stats">The running statistics.</param>
    /// <param name="spot">S(t_i).</param>
    /// <param name="logReturn">ln(S(t_i)/S(0)).</param>
    /// <param name="requirements">The statistics to update (the terminal spot always is).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Observe<TLane, TMask>(ref PathStatistics<TLane> stats, TLane spot, TLane logReturn, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        stats.Final = spot;
        if ((requirements & PathRequirements.ArithmeticSum) != 0)
        {
            stats.ArithmeticSum += spot;
        }

        if ((requirements & PathRequirements.LogSum) != 0)
        {
            stats.LogSum += logReturn;
        }

        if ((requirements & PathRequirements.Minimum) != 0)
        {
            stats.Minimum = TLane.Min(stats.Minimum, spot);
        }

        if ((requirements & PathRequirements.Maximum) != 0)
        {
            stats.Maximum = TLane.Max(stats.Maximum, spot);
        }
    }
}
