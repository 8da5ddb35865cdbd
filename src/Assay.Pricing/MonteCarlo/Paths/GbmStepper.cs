using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using Assay.Numerics;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>The exact log-Euler walk of geometric Brownian motion on a uniform grid, lane-generic.</summary>
/// <remarks>
/// <para>ln S(t_i) − ln S(0) is accumulated as L_i = L_(i−1) + ((r − q − σ²/2)Δt + σ√Δt·Z_i) and S(t_i) = S(0)·e^(L_i),
/// so no rounding compounds through products; Z_i is the normal of (seed, path, step i − 1, dimension 0).</para>
/// <para>Path-dependent requirements go through <see cref="PathObserver.ObserveStep{TLane, TMask}"/> with the step's
/// bridge variance v = σ²Δt, the sensitivity ∂L_i/∂σ = W(t_i) − σt_i (t_i = i·Δt) and, when bridge extremes are
/// needed, the uniform U_i of (seed, path, step i − 1, dimension 1). The likelihood-ratio scores are
/// Z_1/(S(0)σ√Δt) for S(0) (only the first increment depends on S(0)) and (Σ Z_i² − n)/σ − W(T) for σ.</para>
/// </remarks>
internal readonly struct GbmStepper : IPathStepper
{
    /// <summary>Factor index of the uniforms that sample the bridge extremes.</summary>
    public const uint BridgeUniformDimension = 1;

    /// <summary>The requirements <see cref="WalkFixings{TLane, TMask}"/> serves: fixing sums and their σ-sensitivities.</summary>
    private const PathStatisticKinds FixingKinds = PathStatisticKinds.ArithmeticSum | PathStatisticKinds.LogSum | PathStatisticKinds.Sensitivities;

    private readonly double _drift;
    private readonly double _diffusion;
    private readonly double _sqrtDt;
    private readonly double _dt;
    private readonly double _volatility;
    private readonly double _stepDiscount;

    public GbmStepper(GbmModel model, int steps)
    {
        Spot = model.Spot;
        Steps = steps;
        var dt = model.ExpiryYears / steps;
        _dt = dt;
        _sqrtDt = Math.Sqrt(dt);
        _volatility = model.Volatility;
        _drift = (model.Rate - model.DividendYield - (0.5 * model.Volatility * model.Volatility)) * dt;
        _diffusion = model.Volatility * _sqrtDt;
        _stepDiscount = DMath.Exp(-model.Rate * dt);
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
        if (!requirements.IsTerminal)
        {
            return (requirements.Kinds & ~FixingKinds) == 0
                ? WalkFixings<TLane, TMask>(seed, firstPath, negate, requirements)
                : WalkObserved<TLane, TMask>(seed, firstPath, negate, requirements);
        }

        var spot = TLane.Constant(Spot);
        var stats = PathObserver.Start<TLane, TMask>(spot);
        var logReturn = TLane.Constant(0.0);
        var brownian = TLane.Constant(0.0);
        var slot = LaneNormals.SlotFor<TLane>(0);
        for (var step = 0; step < Steps; step += 2)
        {
            TLane even, odd;
            if (Steps == 1)
            {
                // A one-step walk never uses the odd step's normal: do not convert it.
                LaneNormals.Even<TLane>(slot, seed, firstPath, 0, 0, out even);
                odd = default;
            }
            else
            {
                LaneNormals.Pair<TLane>(slot, seed, firstPath, (uint)(step >> 1), 0, out even, out odd);
            }

            if (negate)
            {
                // −Z is Z·(−1) bit for bit (both exact): negate once instead of multiplying every use by a sign.
                (even, odd) = (-even, -odd);
            }

            logReturn += _drift + (even * _diffusion);
            brownian += even * _sqrtDt;
            if (step + 1 < Steps)
            {
                logReturn += _drift + (odd * _diffusion);
                brownian += odd * _sqrtDt;
            }
        }

        stats.Final = spot * LaneElementary.Exp<TLane, TMask>(logReturn);
        stats.Brownian = brownian;
        return stats;
    }

    /// <summary>The walk of Asian payoffs: fixing sums (and their σ-sensitivities) only, bit for bit what <see cref="WalkObserved{TLane, TMask}"/> gives them.</summary>
    /// <remarks>
    /// The same operations in the same order as <see cref="Advance{TLane, TMask}"/> and
    /// <see cref="PathObserver.ObserveStep{TLane, TMask}"/> for these statistics, without what they do not use (the step
    /// record, discount, uniforms, barrier and extreme checks): e^L is formed at the fixings that need the spot and once
    /// at the end for S(T) (the same bits as the last step's spot), not at every step.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private PathStatistics<TLane> WalkFixings<TLane, TMask>(ulong seed, ulong firstPath, bool negate, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var fixingInterval = FixingInterval(requirements);
        var arithmetic = requirements.Has(PathStatisticKinds.ArithmeticSum);
        var logSum = requirements.Has(PathStatisticKinds.LogSum);
        var sensitivities = requirements.Has(PathStatisticKinds.Sensitivities);
        var stats = PathObserver.Start<TLane, TMask>(TLane.Constant(Spot));
        var sums = new FixingSums<TLane> { UntilFixing = fixingInterval };
        var slot = LaneNormals.SlotFor<TLane>(0);
        for (var step = 0; step < Steps; step += 2)
        {
            LaneNormals.Pair<TLane>(slot, seed, firstPath, (uint)(step >> 1), 0, out var even, out var odd);
            if (negate)
            {
                (even, odd) = (-even, -odd);
            }

            AdvanceFixings<TLane, TMask>(ref sums, even, step, fixingInterval, arithmetic, logSum, sensitivities);
            if (step + 1 < Steps)
            {
                AdvanceFixings<TLane, TMask>(ref sums, odd, step + 1, fixingInterval, arithmetic, logSum, sensitivities);
            }
        }

        stats.Final = LaneElementary.Exp<TLane, TMask>(sums.LogReturn) * Spot;
        stats.Brownian = sums.Brownian;
        stats.ArithmeticSum = sums.Arithmetic;
        stats.ArithmeticSumVega = sums.ArithmeticVega;
        stats.LogSum = sums.Log;
        stats.LogSumVega = sums.LogVega;
        return stats;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AdvanceFixings<TLane, TMask>(ref FixingSums<TLane> sums, TLane z, int step, int fixingInterval, bool arithmetic, bool logSum, bool sensitivities)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        sums.LogReturn += _drift + (z * _diffusion);
        sums.Brownian += z * _sqrtDt;
        if (--sums.UntilFixing != 0)
        {
            return;
        }

        sums.UntilFixing = fixingInterval;
        var sensitivity = sensitivities ? sums.Brownian - (_volatility * ((step + 1) * _dt)) : default;
        if (arithmetic)
        {
            var spot = LaneElementary.Exp<TLane, TMask>(sums.LogReturn) * Spot;
            sums.Arithmetic += spot;
            if (sensitivities)
            {
                sums.ArithmeticVega += spot * sensitivity;
            }
        }

        if (logSum)
        {
            sums.Log += sums.LogReturn;
            if (sensitivities)
            {
                sums.LogVega += sensitivity;
            }
        }
    }

    private PathStatistics<TLane> WalkObserved<TLane, TMask>(ulong seed, ulong firstPath, bool negate, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var fixingInterval = FixingInterval(requirements);
        var hasBarrier = requirements.Has(PathStatisticKinds.DownBarrier | PathStatisticKinds.UpBarrier);
        var logBarrier = hasBarrier ? DMath.Log(requirements.Barrier / Spot) : 0.0;
        var stats = PathObserver.Start<TLane, TMask>(TLane.Constant(Spot), requirements, logBarrier);
        var walk = new WalkState<TLane>
        {
            Sensitivities = requirements.Has(PathStatisticKinds.Sensitivities),
            Scores = requirements.Has(PathStatisticKinds.Scores),
            UntilFixing = fixingInterval,
            FixingInterval = fixingInterval,
        };
        walk.Step.InitialSpot = Spot;
        walk.Step.LogBarrier = logBarrier;
        walk.Step.Variance = _diffusion * _diffusion;
        walk.Step.VarianceVega = 2.0 * _volatility * _dt;
        walk.Step.Discount = 1.0;
        var uniforms = requirements.Has(PathStatisticKinds.Bridge) && requirements.Has(PathStatisticKinds.Minimum | PathStatisticKinds.Maximum);
        var sign = negate ? -1.0 : 1.0;
        var firstNormal = TLane.Constant(0.0);
        var slot = LaneNormals.SlotFor<TLane>(0);
        for (var step = 0; step < Steps; step += 2)
        {
            var stepPair = (uint)(step >> 1);
            LaneNormals.Pair<TLane>(slot, seed, firstPath, stepPair, 0, out var even, out var odd);
            var evenUniform = default(TLane);
            var oddUniform = default(TLane);
            if (uniforms)
            {
                LaneUniforms.Pair<TLane>(seed, firstPath, stepPair, BridgeUniformDimension, out evenUniform, out oddUniform);
            }

            even *= sign;
            if (step == 0)
            {
                firstNormal = even;
            }

            Advance<TLane, TMask>(ref stats, ref walk, even, evenUniform, step, requirements);
            if (step + 1 < Steps)
            {
                Advance<TLane, TMask>(ref stats, ref walk, odd * sign, oddUniform, step + 1, requirements);
            }
        }

        stats.Brownian = walk.Brownian;
        if (walk.Scores)
        {
            stats.DeltaScore = firstNormal * (1.0 / (Spot * _diffusion));
            stats.VegaScore = ((walk.NormalSquares - Steps) * (1.0 / _volatility)) - walk.Brownian;
        }

        return stats;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance<TLane, TMask>(ref PathStatistics<TLane> stats, ref WalkState<TLane> walk, TLane z, TLane uniform, int step, in PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        ref var s = ref walk.Step;
        s.PreviousLogReturn = s.LogReturn;
        s.PreviousSensitivity = s.Sensitivity;
        s.LogReturn += _drift + (z * _diffusion);
        walk.Brownian += z * _sqrtDt;
        if (walk.Sensitivities)
        {
            s.Sensitivity = walk.Brownian - (_volatility * ((step + 1) * _dt));
        }

        if (walk.Scores)
        {
            walk.NormalSquares += z * z;
        }

        s.Spot = LaneElementary.Exp<TLane, TMask>(s.LogReturn) * Spot;
        s.Uniform = uniform;
        s.Discount *= _stepDiscount;
        s.IsFixing = --walk.UntilFixing == 0;
        if (s.IsFixing)
        {
            walk.UntilFixing = walk.FixingInterval;
        }

        PathObserver.ObserveStep<TLane, TMask>(ref stats, s, requirements);
    }

    private int FixingInterval(in PathRequirements requirements)
    {
        var fixings = requirements.FixingCount;
        if (fixings == 0)
        {
            return 1;
        }

        if (fixings < 0 || Steps % fixings != 0)
        {
            ThrowFixingsDoNotDivideSteps(fixings, Steps);
        }

        return Steps / fixings;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFixingsDoNotDivideSteps(int fixings, int steps) =>
        throw new PricingInputException(
            "n_fixings",
            string.Create(CultureInfo.InvariantCulture, $"n_fixings must divide steps (the fixings are every (steps/n_fixings)-th grid date); got n_fixings={fixings}, steps={steps}"));

    /// <summary>The running state of <see cref="WalkFixings{TLane, TMask}"/>.</summary>
    private struct FixingSums<TLane>
        where TLane : unmanaged
    {
        public TLane LogReturn;
        public TLane Brownian;
        public TLane Arithmetic;
        public TLane ArithmeticVega;
        public TLane Log;
        public TLane LogVega;
        public int UntilFixing;
    }

    /// <summary>The running state of one walk besides the statistics.</summary>
    private struct WalkState<TLane>
        where TLane : unmanaged
    {
        public PathStep<TLane> Step;
        public TLane Brownian;
        public TLane NormalSquares;
        public int UntilFixing;
        public int FixingInterval;
        public bool Sensitivities;
        public bool Scores;
    }
}
