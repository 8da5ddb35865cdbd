using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>The exact log-Euler walk of geometric Brownian motion on a uniform grid, lane-generic.</summary>
/// <remarks>
/// ln S(t_i) − ln S(0) is accumulated as L_i = L_(i−1) + ((r − q − σ²/2)Δt + σ√Δt·Z_i) and S(t_i) = S(0)·e^(L_i),
/// so no rounding compounds through products; Z_i is the normal of (seed, path, step i − 1, dimension 0).
/// </remarks>
internal readonly struct GbmStepper : IPathStepper
{
    private readonly double _drift;
    private readonly double _diffusion;
    private readonly double _sqrtDt;

    public GbmStepper(GbmModel model, int steps)
    {
        Spot = model.Spot;
        Steps = steps;
        var dt = model.ExpiryYears / steps;
        _sqrtDt = Math.Sqrt(dt);
        _drift = (model.Rate - model.DividendYield - (0.5 * model.Volatility * model.Volatility)) * dt;
        _diffusion = model.Volatility * _sqrtDt;
    }

    /// <summary>S(0).</summary>
    public double Spot { get; }

    /// <summary>Number of time steps.</summary>
    public int Steps { get; }

    /// <summary>Walks the paths firstPath + lane (normals negated when <paramref name="negate"/>) and collects the statistics.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathStatistics<TLane> Walk<TLane, TMask>(ulong seed, ulong firstPath, bool negate, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var spot = TLane.Constant(Spot);
        var stats = PathObserver.Start<TLane, TMask>(spot);
        var logReturn = TLane.Constant(0.0);
        var brownian = TLane.Constant(0.0);
        var everyStep = requirements != PathRequirements.Terminal;
        var sign = negate ? -1.0 : 1.0;
        for (var step = 0; step < Steps; step += 2)
        {
            LaneNormals.Pair<TLane>(seed, firstPath, (uint)(step >> 1), 0, out var even, out var odd);
            Advance<TLane, TMask>(ref stats, ref logReturn, ref brownian, even * sign, everyStep, requirements);
            if (step + 1 < Steps)
            {
                Advance<TLane, TMask>(ref stats, ref logReturn, ref brownian, odd * sign, everyStep, requirements);
            }
        }

        stats.Final = everyStep ? stats.Final : spot * TLane.Exp(logReturn);
        stats.Brownian = brownian;
        return stats;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance<TLane, TMask>(
        ref PathStatistics<TLane> stats, ref TLane logReturn, ref TLane brownian, TLane z, bool everyStep, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        logReturn += _drift + (z * _diffusion);
        brownian += z * _sqrtDt;
        if (!everyStep)
        {
            return;
        }

        PathObserver.Observe<TLane, TMask>(ref stats, TLane.Exp(logReturn) * Spot, logReturn, requirements);
    }
}
