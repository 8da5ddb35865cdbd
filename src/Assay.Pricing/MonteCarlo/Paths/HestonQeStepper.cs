using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using Assay.Numerics;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>Heston paths by Andersen's (2008) quadratic-exponential scheme with the martingale-corrected log-spot step.</summary>
/// <remarks>
/// <para>Variance (Andersen 2008, §3.2.3–3.2.4): with m = θ + (v − θ)e^(−κΔ),
/// s² = vσ²e^(−κΔ)(1 − e^(−κΔ))/κ + θσ²(1 − e^(−κΔ))²/(2κ) and ψ = s²/m²: if ψ ≤ ψ_c = 1.5,
/// v' = a(b + Z_v)² with b² = 2/ψ − 1 + √(2/ψ)·√(2/ψ − 1), a = m/(1 + b²); otherwise v' = 0 when U ≤ p and
/// ln((1 − p)/(1 − U))/β else, with p = (ψ − 1)/(ψ + 1), β = (1 − p)/m. Z_v = Φ⁻¹(U) is the normal of the same
/// variate address (dimension 0).</para>
/// <para>Log-spot (his eq. 33, γ1 = γ2 = ½, plus the drift (r − q)Δ): ln S' = ln S + (r − q)Δ + K0* + K1·v + K2·v'
/// + √(K3·v + K4·v')·Z_s with K1 = γ1Δ(κρ/σ − ½) − ρ/σ, K2 = γ2Δ(κρ/σ − ½) + ρ/σ, K3 = γ1Δ(1 − ρ²), K4 = γ2Δ(1 − ρ²)
/// and the martingale correction of his §4.2: with A = K2 + K4/2, K0* = −Ab²a/(1 − 2Aa) + ½ln(1 − 2Aa) − (K1 + K3/2)v
/// in the quadratic branch and K0* = −ln(p + β(1 − p)/(β − A)) − (K1 + K3/2)v in the exponential one, so that
/// E[S'/S | v] = e^((r − q)Δ) exactly. The correction needs A &lt; 1/(2a) resp. A &lt; β, which always holds for
/// ρ ≤ 0 (then A ≤ 0); where it fails (large positive ρ with long steps) the step falls back to the uncorrected
/// K0 = −ρκθΔ/σ. Z_s is dimension 1.</para>
/// <para>Shadow path for the control variate: ln S̃' = ln S̃ + (r − q − σ̄²/2)Δ + σ̄√Δ·(ρZ_v + √(1 − ρ²)Z_s), an exact
/// GBM with σ̄² = E[∫v dt]/T, since ρZ_v + √(1 − ρ²)Z_s is standard normal and independent across steps.</para>
/// <para>Path-dependent payoffs walk through <see cref="StepObserver{TLane, TMask}"/> with the bridge variance
/// (v + v')Δ/2 per step; bridge extremes draw their uniform from dimension <see cref="BridgeUniformDimension"/>.</para>
/// </remarks>
internal readonly struct HestonQeStepper : IPathStepper
{
    /// <summary>Andersen's switching level ψ_c between the quadratic and the exponential variance step.</summary>
    private const double CriticalPsi = 1.5;

    /// <summary>Factor index of the uniforms that sample the bridge extremes (0 and 1 drive the variance and the spot).</summary>
    public const uint BridgeUniformDimension = 2;

    private readonly double _v0;
    private readonly double _decay;
    private readonly double _meanFromTheta;
    private readonly double _varianceFromV;
    private readonly double _varianceFromTheta;
    private readonly double _drift;
    private readonly double _k0;
    private readonly double _k1;
    private readonly double _k2;
    private readonly double _k3;
    private readonly double _halfK3;
    private readonly double _a;
    private readonly double _twoA;
    private readonly double _negativeA;
    private readonly double _rho;
    private readonly double _rhoBar;
    private readonly double _sqrtDt;
    private readonly double _halfDt;
    private readonly double _stepDiscount;
    private readonly double _shadowLogDrift;
    private readonly double _shadowDiffusion;
    private readonly bool _meanCanVanish;

    public HestonQeStepper(HestonModel model, int steps)
    {
        Spot = model.Spot;
        Steps = steps;
        var dt = model.ExpiryYears / steps;
        var kappa = model.Kappa;
        var theta = model.Theta;
        var sigma = model.SigmaV;
        var rho = model.Rho;
        _v0 = model.V0;
        _decay = DMath.Exp(-kappa * dt);
        var oneMinusDecay = -DMath.Expm1(-kappa * dt);
        _meanFromTheta = theta * oneMinusDecay;

        // m = θ(1 − e^(−κΔ)) + v·e^(−κΔ) > 0 whenever θ > 0 (v ≥ 0); only θ = 0 lets it vanish.
        _meanCanVanish = !(_meanFromTheta > 0.0);
        _varianceFromV = sigma * sigma * _decay * oneMinusDecay / kappa;
        _varianceFromTheta = theta * sigma * sigma * oneMinusDecay * oneMinusDecay / (2.0 * kappa);
        _drift = (model.Rate - model.DividendYield) * dt;
        var halfDtTerm = 0.5 * dt * ((kappa * rho / sigma) - 0.5);
        _k0 = -rho * kappa * theta * dt / sigma;
        _k1 = halfDtTerm - (rho / sigma);
        _k2 = halfDtTerm + (rho / sigma);
        _k3 = 0.5 * dt * (1.0 - (rho * rho));
        _halfK3 = 0.5 * _k3;
        _a = _k2 + (0.5 * _k3);
        _twoA = 2.0 * _a;
        _negativeA = -_a;
        _rho = rho;
        _rhoBar = Math.Sqrt(Math.Max(1.0 - (rho * rho), 0.0));
        _sqrtDt = Math.Sqrt(dt);
        _halfDt = 0.5 * dt;
        _stepDiscount = DMath.Exp(-model.Rate * dt);
        var shadowVolatility = model.ShadowVolatility;
        _shadowLogDrift = (model.Rate - model.DividendYield - (0.5 * shadowVolatility * shadowVolatility)) * model.ExpiryYears;
        _shadowDiffusion = shadowVolatility * _sqrtDt;
    }

    /// <summary>S(0).</summary>
    public double Spot { get; }

    /// <summary>Number of time steps.</summary>
    public int Steps { get; }

    /// <summary>Walks the paths firstPath + lane (Z → −Z and U → 1 − U when <paramref name="negate"/>) and collects the statistics.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathStatistics<TLane> Walk<TLane, TMask>(ulong seed, ulong firstPath, bool negate, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        return requirements.IsTerminal
            ? WalkTerminal<TLane, TMask>(seed, firstPath, negate)
            : WalkObserved<TLane, TMask>(seed, firstPath, negate, requirements);
    }

    /// <summary>The walk for payoffs of the terminal spot (and the shadow path): no per-step spot.</summary>
    /// <remarks>
    /// Not inlined on purpose: the batch loop inlines the walk twice (plain and antithetic) and the payoff and the
    /// sums around it, and a root method that large exhausts the JIT's inlining budget, which then leaves the lane
    /// operators of the second copy as calls (measured: several times slower). Compiled alone, the step is inlined
    /// whole; the call costs nothing next to the steps it makes.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private PathStatistics<TLane> WalkTerminal<TLane, TMask>(ulong seed, ulong firstPath, bool negate)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var spot = TLane.Constant(Spot);
        var stats = PathObserver.Start<TLane, TMask>(spot);
        var state = new State<TLane>(TLane.Constant(_v0), TLane.Constant(0.0), TLane.Constant(0.0));
        var varianceSlot = LaneNormals.SlotFor<TLane>(0);
        var spotSlot = LaneNormals.SlotFor<TLane>(1);
        for (var step = 0; step < Steps; step += 2)
        {
            var stepPair = (uint)(step >> 1);
            LaneNormals.PairWithUniforms<TLane>(varianceSlot, seed, firstPath, stepPair, 0, out var uEven, out var uOdd, out var zvEven, out var zvOdd);
            LaneNormals.Pair<TLane>(spotSlot, seed, firstPath, stepPair, 1, out var zsEven, out var zsOdd);
            if (negate)
            {
                (uEven, uOdd, zvEven, zvOdd, zsEven, zsOdd) = (1.0 - uEven, 1.0 - uOdd, -zvEven, -zvOdd, -zsEven, -zsOdd);
            }

            Advance<TLane, TMask>(ref state, uEven, zvEven, zsEven);
            if (step + 1 < Steps)
            {
                Advance<TLane, TMask>(ref state, uOdd, zvOdd, zsOdd);
            }
        }

        stats.Final = spot * TLane.Exp(state.LogReturn);
        stats.Brownian = state.SpotNormalSum * _sqrtDt;
        stats.Shadow = spot * TLane.Exp(_shadowLogDrift + (state.SpotNormalSum * _shadowDiffusion));
        return stats;
    }

    /// <summary>The walk for path-dependent payoffs: every step goes through <see cref="StepObserver{TLane, TMask}"/> with its variance (v + v')Δ/2.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private PathStatistics<TLane> WalkObserved<TLane, TMask>(ulong seed, ulong firstPath, bool negate, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var observer = new StepObserver<TLane, TMask>(requirements, Spot, Steps, _stepDiscount);
        var stats = observer.Start();
        var state = new State<TLane>(TLane.Constant(_v0), TLane.Constant(0.0), TLane.Constant(0.0));
        var varianceSlot = LaneNormals.SlotFor<TLane>(0);
        var spotSlot = LaneNormals.SlotFor<TLane>(1);
        for (var step = 0; step < Steps; step += 2)
        {
            var stepPair = (uint)(step >> 1);
            LaneNormals.PairWithUniforms<TLane>(varianceSlot, seed, firstPath, stepPair, 0, out var uEven, out var uOdd, out var zvEven, out var zvOdd);
            LaneNormals.Pair<TLane>(spotSlot, seed, firstPath, stepPair, 1, out var zsEven, out var zsOdd);
            var bridgeEven = default(TLane);
            var bridgeOdd = default(TLane);
            if (observer.NeedsUniforms)
            {
                LaneUniforms.Pair<TLane>(seed, firstPath, stepPair, BridgeUniformDimension, out bridgeEven, out bridgeOdd);
            }

            if (negate)
            {
                (uEven, uOdd, zvEven, zvOdd, zsEven, zsOdd) = (1.0 - uEven, 1.0 - uOdd, -zvEven, -zvOdd, -zsEven, -zsOdd);
            }

            var previous = state;
            Advance<TLane, TMask>(ref state, uEven, zvEven, zsEven);
            observer.Observe(ref stats, previous.LogReturn, state.LogReturn, (previous.Variance + state.Variance) * _halfDt, bridgeEven);
            if (step + 1 < Steps)
            {
                previous = state;
                Advance<TLane, TMask>(ref state, uOdd, zvOdd, zsOdd);
                observer.Observe(ref stats, previous.LogReturn, state.LogReturn, (previous.Variance + state.Variance) * _halfDt, bridgeOdd);
            }
        }

        stats.Final = TLane.Exp(state.LogReturn) * Spot;
        stats.Brownian = state.SpotNormalSum * _sqrtDt;
        stats.Shadow = TLane.Exp(_shadowLogDrift + (state.SpotNormalSum * _shadowDiffusion)) * Spot;
        return stats;
    }

    /// <summary>One QE step of the variance and the log-spot, and the shadow path's normal.</summary>
    /// <remarks>
    /// Arranged for speed without changing the scheme: ψ ≤ ψ_c is tested as s² ≤ ψ_c·m² (no division), 2/ψ is
    /// formed as 2m²/s², and the exponential branch shares one reciprocal 1/(s² + m²) for p = (s² − m²)/(s² + m²),
    /// 1 − p = 2m²/(s² + m²) and β = 2m/(s² + m²). The shadow path only sums its normals (see <see cref="State{TLane}"/>).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance<TLane, TMask>(ref State<TLane> state, TLane u, TLane zv, TLane zs)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var zero = TLane.Constant(0.0);
        var v = state.Variance;
        var m = _meanFromTheta + (v * _decay);
        var m2 = m * m;
        var s2 = (v * _varianceFromV) + _varianceFromTheta;
        var quadratic = TLane.LessThanOrEqual(s2, m2 * CriticalPsi);

        // Both branches are computed only where some lane needs them; Select keeps the lane-wise result, so skipping
        // a branch no lane takes changes no bit. Lanes with m = 0 (v = θ = 0) give NaN here and are fixed below.
        TLane vNext = zero, correction = zero, logArgument = zero, logWeight = zero;
        var valid = quadratic;
        if (TLane.Any(quadratic))
        {
            var twoOverPsi = (2.0 * m2) / s2;
            var b2 = twoOverPsi - 1.0 + TLane.Sqrt(twoOverPsi * (twoOverPsi - 1.0));
            var a = m / (1.0 + b2);
            var shifted = TLane.Sqrt(b2) + zv;
            var oneMinus2Aa = 1.0 - (_twoA * a);
            vNext = a * (shifted * shifted);
            correction = (_negativeA * b2 * a) / oneMinus2Aa;
            logArgument = oneMinus2Aa;
            logWeight = TLane.Constant(0.5);
            valid = TLane.And(quadratic, TLane.GreaterThan(oneMinus2Aa, zero));
        }

        if (!TLane.All(quadratic))
        {
            var reciprocal = 1.0 / (s2 + m2);
            var p = (s2 - m2) * reciprocal;
            var oneMinusP = (2.0 * m2) * reciprocal;
            var beta = (2.0 * m) * reciprocal;

            // Lanes with U ≤ p (and quadratic lanes) take no logarithm: when that is every lane, skip it (same bits).
            var atZero = TLane.LessThanOrEqual(u, p);
            var exponential = TLane.All(TLane.Or(quadratic, atZero))
                ? zero
                : TLane.Select(atZero, zero, LaneElementary.Log<TLane, TMask>(oneMinusP / (1.0 - u)) / beta);
            var betaMinusA = beta - _a;
            var exponentialValid = TLane.GreaterThan(betaMinusA, zero);
            vNext = TLane.Select(quadratic, vNext, exponential);
            correction = TLane.Select(quadratic, correction, zero);
            logArgument = TLane.Select(quadratic, logArgument, p + (beta * oneMinusP / betaMinusA));
            logWeight = TLane.Select(quadratic, logWeight, TLane.Constant(-1.0));
            valid = TLane.Or(valid, TLane.AndNot(exponentialValid, quadratic));
        }

        if (_meanCanVanish)
        {
            vNext = TLane.Select(TLane.GreaterThan(m, zero), vNext, zero);
        }

        // K0* + K1·v = correction + w·ln(argument) − (K3/2)·v where the martingale correction exists, else K0 + K1·v.
        TLane driftTerm;
        if (TLane.All(valid))
        {
            driftTerm = correction + (logWeight * LaneElementary.Log<TLane, TMask>(logArgument)) - (v * _halfK3);
        }
        else
        {
            var corrected = correction + (logWeight * LaneElementary.Log<TLane, TMask>(TLane.Select(valid, logArgument, TLane.Constant(1.0)))) - (v * _halfK3);
            driftTerm = TLane.Select(valid, corrected, _k0 + (v * _k1));
        }

        var logReturn = state.LogReturn + _drift + driftTerm + (vNext * _k2) + (TLane.Sqrt((v + vNext) * _k3) * zs);
        state = new State<TLane>(vNext, logReturn, state.SpotNormalSum + ((zv * _rho) + (zs * _rhoBar)));
    }

    /// <summary>The per-path state carried from step to step: v, ln(S/S(0)) and the sum of the spot's standard normals W_i.</summary>
    /// <remarks>
    /// The shadow's log-increments (r − q − σ̄²/2)Δ + σ̄√Δ·W_i sum to (r − q − σ̄²/2)T + σ̄√Δ·ΣW_i, so the walk carries
    /// ΣW_i alone (W_i = ρZ_v + √(1 − ρ²)Z_s, exactly standard normal) and forms the shadow S̃_T and W(T) = √Δ·ΣW_i at the end.
    /// </remarks>
    private readonly record struct State<TLane>(TLane Variance, TLane LogReturn, TLane SpotNormalSum)
        where TLane : unmanaged;

    /// <summary>Feeds the steps of a Heston walk (QE or Euler) to <see cref="PathObserver.ObserveStep{TLane, TMask}"/>, each with its own bridge variance.</summary>
    /// <remarks>
    /// <para>Conditionally on the variance path, a Heston log-spot whose variance is held at v̄ over a step is a Brownian
    /// motion with constant drift and variance v̄ per unit time there, so given the step's two grid values it is a
    /// Brownian bridge with variance V = v̄Δ (Glasserman 2004 §6.4; the ρ-part driven by the variance's own Brownian
    /// motion and the independent part add up to a bridge of the total variance). The steppers pass V per lane:
    /// (v + v')Δ/2 for QE (the trapezoid of Andersen's γ1 = γ2 = ½), v⁺Δ for full-truncation Euler, where it is
    /// exact for the discretised process.</para>
    /// <para><see cref="PathStep{TLane}"/> holds V as one double for all lanes (GBM's σ²Δt), so the per-lane variance
    /// enters without changing the observer: a continuous barrier is observed on the log-distances divided by √V
    /// (barrier at 0, V = 1: exp(−2δ₀δ₁/V) is unchanged), and a bridge extreme
    /// (a + b ± √((b − a)² − 2V·ln U))/2 is sampled here and recorded as a grid value. Fixings, grid extremes and
    /// grid barriers need no variance and take the step as it is. The σ-sensitivities and likelihood-ratio scores of
    /// GBM are not requested (the Heston payoffs do not estimate vega), so they stay zero.</para>
    /// </remarks>
    internal struct StepObserver<TLane, TMask>
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        private const PathStatisticKinds Fixings = PathStatisticKinds.ArithmeticSum | PathStatisticKinds.LogSum;
        private const PathStatisticKinds Barriers = PathStatisticKinds.DownBarrier | PathStatisticKinds.UpBarrier;
        private const PathStatisticKinds Extremes = PathStatisticKinds.Minimum | PathStatisticKinds.Maximum;

        private readonly PathRequirements _requirements;
        private readonly PathRequirements _fixings;
        private readonly PathRequirements _barrier;
        private readonly PathRequirements _minimum;
        private readonly PathRequirements _maximum;
        private readonly double _spot;
        private readonly double _logBarrier;
        private readonly double _stepDiscount;
        private readonly int _fixingInterval;
        private readonly bool _bridge;
        private PathStep<TLane> _step;
        private int _untilFixing;

        /// <summary>Prepares the observation of <paramref name="requirements"/> on a walk of <paramref name="steps"/> steps from S(0) = <paramref name="spot"/>.</summary>
        /// <exception cref="PricingInputException">The fixing count does not divide the steps (field <c>n_fixings</c>).</exception>
        public StepObserver(in PathRequirements requirements, double spot, int steps, double stepDiscount)
        {
            var kinds = requirements.Kinds & (Fixings | Barriers | Extremes | PathStatisticKinds.Bridge);
            _requirements = requirements with { Kinds = kinds };
            _fixings = new PathRequirements(kinds & Fixings, requirements.FixingCount);
            _barrier = new PathRequirements(kinds & (Barriers | PathStatisticKinds.Bridge), 0, requirements.Barrier);
            _minimum = new PathRequirements(kinds & PathStatisticKinds.Minimum);
            _maximum = new PathRequirements(kinds & PathStatisticKinds.Maximum);
            _bridge = (kinds & PathStatisticKinds.Bridge) != 0 && (kinds & (Barriers | Extremes)) != 0;
            _spot = spot;
            _logBarrier = (kinds & Barriers) != 0 ? DMath.Log(requirements.Barrier / spot) : 0.0;
            _stepDiscount = stepDiscount;
            _fixingInterval = FixingInterval(requirements.FixingCount, steps);
            _untilFixing = _fixingInterval;
            _step = default;
            _step.InitialSpot = spot;
            _step.Discount = 1.0;

            // Bridge barriers are observed on log-distances scaled to unit variance, so the barrier sits at 0.
            _step.LogBarrier = _bridge ? 0.0 : _logBarrier;
            _step.Variance = 1.0;
        }

        /// <summary>Whether <see cref="Observe"/> needs a bridge uniform per step (bridge-sampled extremes).</summary>
        public readonly bool NeedsUniforms => _bridge && (_requirements.Kinds & Extremes) != 0;

        /// <summary>The statistics at t = 0 (a barrier already hit if S(0) is on or beyond it).</summary>
        public readonly PathStatistics<TLane> Start() => PathObserver.Start<TLane, TMask>(TLane.Constant(_spot), _requirements, _logBarrier);

        /// <summary>Records one step from ln(S(t_(i−1))/S(0)) = <paramref name="previousLogReturn"/> to <paramref name="logReturn"/> with bridge variance <paramref name="bridgeVariance"/>.</summary>
        /// <param name="stats">The running statistics.</param>
        /// <param name="previousLogReturn">The log-return at the start of the step.</param>
        /// <param name="logReturn">The log-return at its end.</param>
        /// <param name="bridgeVariance">V ≥ 0, the variance of the log-spot over the step given the variance path.</param>
        /// <param name="uniform">The step's bridge uniform in (0, 1) (ignored unless <see cref="NeedsUniforms"/>).</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Observe(ref PathStatistics<TLane> stats, TLane previousLogReturn, TLane logReturn, TLane bridgeVariance, TLane uniform)
        {
            var spot = TLane.Exp(logReturn) * _spot;
            _step.Spot = spot;
            _step.LogReturn = logReturn;
            _step.PreviousLogReturn = previousLogReturn;
            _step.Discount *= _stepDiscount;
            _step.IsFixing = --_untilFixing == 0;
            if (_step.IsFixing)
            {
                _untilFixing = _fixingInterval;
            }

            if (!_bridge)
            {
                PathObserver.ObserveStep<TLane, TMask>(ref stats, _step, _requirements);
                return;
            }

            if (_fixings.Kinds != 0)
            {
                PathObserver.ObserveStep<TLane, TMask>(ref stats, _step, _fixings);
            }

            if (NeedsUniforms)
            {
                // The bridge extreme of the step, recorded as if it were a grid value.
                var logUniform = TLane.Log(uniform);
                var rise = logReturn - previousLogReturn;
                var root = TLane.Sqrt((rise * rise) - ((2.0 * bridgeVariance) * logUniform));
                var mid = previousLogReturn + logReturn;
                if (_minimum.Kinds != 0)
                {
                    _step.Spot = TLane.Exp((mid - root) * 0.5) * _spot;
                    PathObserver.ObserveStep<TLane, TMask>(ref stats, _step, _minimum);
                }

                if (_maximum.Kinds != 0)
                {
                    _step.Spot = TLane.Exp((mid + root) * 0.5) * _spot;
                    PathObserver.ObserveStep<TLane, TMask>(ref stats, _step, _maximum);
                }

                _step.Spot = spot;
            }

            if (_barrier.Kinds != 0)
            {
                // V = 0 (a zero variance over the step) gives infinite distances: no crossing on the safe side, as it should.
                var scale = 1.0 / TLane.Sqrt(bridgeVariance);
                _step.LogReturn = (logReturn - _logBarrier) * scale;
                _step.PreviousLogReturn = (previousLogReturn - _logBarrier) * scale;
                PathObserver.ObserveStep<TLane, TMask>(ref stats, _step, _barrier);
            }

            stats.Final = spot;
        }

        private static int FixingInterval(int fixings, int steps)
        {
            if (fixings == 0)
            {
                return 1;
            }

            if (fixings < 0 || steps % fixings != 0)
            {
                ThrowFixingsDoNotDivideSteps(fixings, steps);
            }

            return steps / fixings;
        }

        [DoesNotReturn]
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowFixingsDoNotDivideSteps(int fixings, int steps) =>
            throw new PricingInputException(
                "n_fixings",
                string.Create(CultureInfo.InvariantCulture, $"n_fixings must divide steps (the fixings are every (steps/n_fixings)-th grid date); got n_fixings={fixings}, steps={steps}"));
    }
}
