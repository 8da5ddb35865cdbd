using System.Runtime.CompilerServices;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>What a payoff needs from the path walk: which statistics, and the contract terms that define them.</summary>
/// <remarks>
/// <see cref="Terminal"/> (the default) asks for S(T) and W(T) only. Every other requirement makes the walk observe
/// every grid date. Fixings: with <see cref="FixingCount"/> = N &gt; 0 the fixing dates are t_j = j·T/N, i.e. every
/// (steps/N)-th grid date, and steps must be a multiple of N; with 0 every grid date is a fixing.
/// </remarks>
/// <param name="Kinds">The statistics to collect.</param>
/// <param name="FixingCount">Number N of equally spaced fixings (0: one per grid date).</param>
/// <param name="Barrier">Barrier level H for <see cref="PathStatisticKinds.DownBarrier"/> / <see cref="PathStatisticKinds.UpBarrier"/>.</param>
internal readonly record struct PathRequirements(PathStatisticKinds Kinds, int FixingCount = 0, double Barrier = 0.0)
{
    /// <summary>Only the terminal spot and the terminal Brownian value.</summary>
    public static PathRequirements Terminal => default;

    /// <summary>Σ S(t_i) over every grid date.</summary>
    public static PathRequirements ArithmeticSum => new(PathStatisticKinds.ArithmeticSum);

    /// <summary>Σ ln(S(t_i)/S(0)) over every grid date.</summary>
    public static PathRequirements LogSum => new(PathStatisticKinds.LogSum);

    /// <summary>min over S(0) and the grid dates.</summary>
    public static PathRequirements Minimum => new(PathStatisticKinds.Minimum);

    /// <summary>max over S(0) and the grid dates.</summary>
    public static PathRequirements Maximum => new(PathStatisticKinds.Maximum);

    /// <summary>Whether this is <see cref="Terminal"/> (the same test as <c>== Terminal</c>, as plain field compares the JIT folds for a constant payoff).</summary>
    public bool IsTerminal
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get =>  Kinds == PathStatisticKinds.Terminal && FixingCount == 0 && Barrier == 0.0;
    }

    /// <summary>Whether any of <paramref name="kinds"/> is required.</summary>
    public bool Has(PathStatisticKinds kinds) => (Kinds & kinds) != 0;
}
