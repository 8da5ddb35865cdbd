using System.Runtime.CompilerServices;
using Assay.Numerics;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>Heston paths by full-truncation Euler (Lord, Koekkoek and van Dijk 2010) with a log-Euler spot step.</summary>
/// <remarks>
/// <para>With v⁺ = max(v, 0) and W = ρZ_v + √(1 − ρ²)Z_s: v' = v + κ(θ − v⁺)Δ + σ√(v⁺)√Δ·Z_v and
/// ln S' = ln S + (r − q − v⁺/2)Δ + √(v⁺)√Δ·W (Lord et al. 2010, eqs. for the full truncation scheme; the variance
/// may go negative, only its positive part enters). Given v the spot step is exactly lognormal with mean
/// e^((r − q)Δ), so S is a martingale after discounting; the bias is in the variance path and falls like O(Δ).
/// Z_v is dimension 0, Z_s dimension 1. The shadow GBM uses the same W, as in <see cref="HestonQeStepper"/>.</para>
/// <para>Path-dependent payoffs walk through <see cref="HestonQeStepper.StepObserver{TLane, TMask}"/> with the bridge
/// variance v⁺Δ per step, exact for this scheme's process, whose variance is constant over each step.</para>
/// </remarks>
internal readonly struct HestonEulerStepper : IPathStepper
{
    private readonly double _v0;
    private readonly double _kappaDt;
    private readonly double _kappaThetaDt;
    private readonly double _sigmaSqrtDt;
    private readonly double _drift;
    private readonly double _halfDt;
    private readonly double _rho;
    private readonly double _rhoBar;
    private readonly double _sqrtDt;
    private readonly double _dt;
    private readonly double _stepDiscount;
    private readonly double _shadowDrift;
    private readonly double _shadowDiffusion;

    public HestonEulerStepper(HestonModel model, int steps)
    {
        Spot = model.Spot;
        Steps = steps;
        var dt = model.ExpiryYears / steps;
        _v0 = model.V0;
        _kappaDt = model.Kappa * dt;
        _kappaThetaDt = model.Kappa * model.Theta * dt;
        _sqrtDt = Math.Sqrt(dt);
        _dt = dt;
        _stepDiscount = DMath.Exp(-model.Rate * dt);
        _sigmaSqrtDt = model.SigmaV * _sqrtDt;
        _drift = (model.Rate - model.DividendYield) * dt;
        _halfDt = 0.5 * dt;
        _rho = model.Rho;
        _rhoBar = Math.Sqrt(Math.Max(1.0 - (model.Rho * model.Rho), 0.0));
        var shadowVolatility = model.ShadowVolatility;
        _shadowDrift = (model.Rate - model.DividendYield - (0.5 * shadowVolatility * shadowVolatility)) * dt;
        _shadowDiffusion = shadowVolatility * _sqrtDt;
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
        if (requirements != PathRequirements.Terminal)
        {
            return WalkObserved<TLane, TMask>(seed, firstPath, negate, requirements);
        }

        var spot = TLane.Constant(Spot);
        var stats = PathObserver.Start<TLane, TMask>(spot);
        var variance = TLane.Constant(_v0);
        var logReturn = TLane.Constant(0.0);
        var shadowLogReturn = TLane.Constant(0.0);
        var brownian = TLane.Constant(0.0);
        var sign = negate ? -1.0 : 1.0;
        for (var step = 0; step < Steps; step += 2)
        {
            var stepPair = (uint)(step >> 1);
            LaneNormals.Pair<TLane>(seed, firstPath, stepPair, 0, out var zvEven, out var zvOdd);
            LaneNormals.Pair<TLane>(seed, firstPath, stepPair, 1, out var zsEven, out var zsOdd);
            _ = Advance<TLane, TMask>(ref variance, ref logReturn, ref shadowLogReturn, ref brownian, zvEven * sign, zsEven * sign);
            if (step + 1 < Steps)
            {
                _ = Advance<TLane, TMask>(ref variance, ref logReturn, ref shadowLogReturn, ref brownian, zvOdd * sign, zsOdd * sign);
            }
        }

        stats.Final = spot * TLane.Exp(logReturn);
        stats.Brownian = brownian;
        stats.Shadow = spot * TLane.Exp(shadowLogReturn);
        return stats;
    }

    /// <summary>The walk for path-dependent payoffs: every step goes through <see cref="HestonQeStepper.StepObserver{TLane, TMask}"/> with its variance v⁺Δ.</summary>
    private PathStatistics<TLane> WalkObserved<TLane, TMask>(ulong seed, ulong firstPath, bool negate, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var observer = new HestonQeStepper.StepObserver<TLane, TMask>(requirements, Spot, Steps, _stepDiscount);
        var stats = observer.Start();
        var variance = TLane.Constant(_v0);
        var logReturn = TLane.Constant(0.0);
        var shadowLogReturn = TLane.Constant(0.0);
        var brownian = TLane.Constant(0.0);
        var sign = negate ? -1.0 : 1.0;
        for (var step = 0; step < Steps; step += 2)
        {
            var stepPair = (uint)(step >> 1);
            LaneNormals.Pair<TLane>(seed, firstPath, stepPair, 0, out var zvEven, out var zvOdd);
            LaneNormals.Pair<TLane>(seed, firstPath, stepPair, 1, out var zsEven, out var zsOdd);
            var bridgeEven = default(TLane);
            var bridgeOdd = default(TLane);
            if (observer.NeedsUniforms)
            {
                LaneUniforms.Pair<TLane>(seed, firstPath, stepPair, HestonQeStepper.BridgeUniformDimension, out bridgeEven, out bridgeOdd);
            }

            var previous = logReturn;
            var positive = Advance<TLane, TMask>(ref variance, ref logReturn, ref shadowLogReturn, ref brownian, zvEven * sign, zsEven * sign);
            observer.Observe(ref stats, previous, logReturn, positive * _dt, bridgeEven);
            if (step + 1 < Steps)
            {
                previous = logReturn;
                positive = Advance<TLane, TMask>(ref variance, ref logReturn, ref shadowLogReturn, ref brownian, zvOdd * sign, zsOdd * sign);
                observer.Observe(ref stats, previous, logReturn, positive * _dt, bridgeOdd);
            }
        }

        stats.Final = TLane.Exp(logReturn) * Spot;
        stats.Brownian = brownian;
        stats.Shadow = TLane.Exp(shadowLogReturn) * Spot;
        return stats;
    }

    /// <summary>One full-truncation Euler step; returns v⁺ = max(v, 0) of the step's start, the variance the log-spot step used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TLane Advance<TLane, TMask>(
        ref TLane variance, ref TLane logReturn, ref TLane shadowLogReturn, ref TLane brownian, TLane zv, TLane zs)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var positive = TLane.Max(variance, TLane.Constant(0.0));
        var volatility = TLane.Sqrt(positive);
        var spotNormal = (zv * _rho) + (zs * _rhoBar);
        logReturn += _drift - (positive * _halfDt) + (volatility * _sqrtDt * spotNormal);
        variance += _kappaThetaDt - (positive * _kappaDt) + (volatility * _sigmaSqrtDt * zv);
        shadowLogReturn += _shadowDrift + (spotNormal * _shadowDiffusion);
        brownian += spotNormal * _sqrtDt;
        return positive;
    }
}
