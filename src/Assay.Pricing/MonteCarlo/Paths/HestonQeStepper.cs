using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;
using Assay.Numerics.RandomNumbers;
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
/// </remarks>
internal readonly struct HestonQeStepper : IPathStepper
{
    /// <summary>Andersen's switching level ψ_c between the quadratic and the exponential variance step.</summary>
    private const double CriticalPsi = 1.5;

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
    private readonly double _rho;
    private readonly double _rhoBar;
    private readonly double _sqrtDt;
    private readonly double _shadowDrift;
    private readonly double _shadowDiffusion;

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
        _rho = rho;
        _rhoBar = Math.Sqrt(Math.Max(1.0 - (rho * rho), 0.0));
        _sqrtDt = Math.Sqrt(dt);
        var shadowVolatility = model.ShadowVolatility;
        _shadowDrift = (model.Rate - model.DividendYield - (0.5 * shadowVolatility * shadowVolatility)) * dt;
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
        var spot = TLane.Constant(Spot);
        var stats = PathObserver.Start<TLane, TMask>(spot);
        var state = new State<TLane>(TLane.Constant(_v0), TLane.Constant(0.0), TLane.Constant(0.0), TLane.Constant(0.0));
        var everyStep = requirements != PathRequirements.Terminal;
        for (var step = 0; step < Steps; step += 2)
        {
            var stepPair = (uint)(step >> 1);
            VarianceDrivers(seed, firstPath, stepPair, out TLane uEven, out TLane uOdd, out TLane zvEven, out TLane zvOdd);
            LaneNormals.Pair<TLane>(seed, firstPath, stepPair, 1, out var zsEven, out var zsOdd);
            if (negate)
            {
                (uEven, uOdd, zvEven, zvOdd, zsEven, zsOdd) = (1.0 - uEven, 1.0 - uOdd, -zvEven, -zvOdd, -zsEven, -zsOdd);
            }

            Advance<TLane, TMask>(ref state, uEven, zvEven, zsEven);
            if (everyStep)
            {
                PathObserver.Observe<TLane, TMask>(ref stats, TLane.Exp(state.LogReturn) * Spot, state.LogReturn, requirements);
            }

            if (step + 1 < Steps)
            {
                Advance<TLane, TMask>(ref state, uOdd, zvOdd, zsOdd);
                if (everyStep)
                {
                    PathObserver.Observe<TLane, TMask>(ref stats, TLane.Exp(state.LogReturn) * Spot, state.LogReturn, requirements);
                }
            }
        }

        stats.Final = everyStep ? stats.Final : spot * TLane.Exp(state.LogReturn);
        stats.Brownian = state.Brownian;
        stats.Shadow = spot * TLane.Exp(state.ShadowLogReturn);
        return stats;
    }

    /// <summary>One QE step of the variance and the log-spot, and one exact step of the shadow GBM.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance<TLane, TMask>(ref State<TLane> state, TLane u, TLane zv, TLane zs)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var zero = TLane.Constant(0.0);
        var v = state.Variance;
        var m = _meanFromTheta + (v * _decay);
        var s2 = (v * _varianceFromV) + _varianceFromTheta;
        var psi = s2 / (m * m);
        var quadratic = TLane.LessThanOrEqual(psi, TLane.Constant(CriticalPsi));

        // Both branches are computed only where some lane needs them; Select keeps the lane-wise result, so skipping
        // a branch no lane takes changes no bit. Lanes with m = 0 (v = θ = 0) give NaN here and are fixed below.
        TLane vNext = zero, correction = zero, logArgument = zero, logWeight = zero;
        var valid = quadratic;
        if (TLane.Any(quadratic))
        {
            var twoOverPsi = 2.0 / psi;
            var b2 = twoOverPsi - 1.0 + TLane.Sqrt(twoOverPsi * (twoOverPsi - 1.0));
            var a = m / (1.0 + b2);
            var shifted = TLane.Sqrt(b2) + zv;
            var oneMinus2Aa = 1.0 - (2.0 * _a * a);
            vNext = a * (shifted * shifted);
            correction = (-_a * b2 * a) / oneMinus2Aa;
            logArgument = oneMinus2Aa;
            logWeight = TLane.Constant(0.5);
            valid = TLane.And(quadratic, TLane.GreaterThan(oneMinus2Aa, zero));
        }

        if (!TLane.All(quadratic))
        {
            var p = (psi - 1.0) / (psi + 1.0);
            var oneMinusP = 1.0 - p;
            var beta = oneMinusP / m;
            var exponential = TLane.Select(TLane.LessThanOrEqual(u, p), zero, TLane.Log(oneMinusP / (1.0 - u)) / beta);
            var betaMinusA = beta - _a;
            var exponentialValid = TLane.GreaterThan(betaMinusA, zero);
            vNext = TLane.Select(quadratic, vNext, exponential);
            correction = TLane.Select(quadratic, correction, zero);
            logArgument = TLane.Select(quadratic, logArgument, p + (beta * oneMinusP / betaMinusA));
            logWeight = TLane.Select(quadratic, logWeight, TLane.Constant(-1.0));
            valid = TLane.Or(valid, TLane.AndNot(exponentialValid, quadratic));
        }

        vNext = TLane.Select(TLane.GreaterThan(m, zero), vNext, zero);

        // K0* + K1·v = correction + w·ln(argument) − (K3/2)·v where the martingale correction exists, else K0 + K1·v.
        var corrected = correction + (logWeight * TLane.Log(TLane.Select(valid, logArgument, TLane.Constant(1.0)))) - (v * _halfK3);
        var uncorrected = _k0 + (v * _k1);
        var driftTerm = TLane.Select(valid, corrected, uncorrected);
        var logReturn = state.LogReturn + _drift + driftTerm + (vNext * _k2) + (TLane.Sqrt((v + vNext) * _k3) * zs);
        var spotNormal = (zv * _rho) + (zs * _rhoBar);
        state = new State<TLane>(
            vNext,
            logReturn,
            state.ShadowLogReturn + _shadowDrift + (spotNormal * _shadowDiffusion),
            state.Brownian + (spotNormal * _sqrtDt));
    }

    /// <summary>Uniforms U and normals Z_v = Φ⁻¹(U) of dimension 0 at steps 2·stepPair and 2·stepPair + 1 of paths firstPath + lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VarianceDrivers<TLane>(
        ulong seed, ulong firstPath, uint stepPair, out TLane uEven, out TLane uOdd, out TLane zEven, out TLane zOdd)
        where TLane : unmanaged
    {
        if (typeof(TLane) == typeof(Vector256Lane))
        {
            Variates.UniformPairs(seed, firstPath, stepPair, 0, out var e, out var o);
            uEven = As<Vector256Lane, TLane>(new Vector256Lane(e));
            uOdd = As<Vector256Lane, TLane>(new Vector256Lane(o));
            zEven = As<Vector256Lane, TLane>(new Vector256Lane(Normal.InverseCdf(e)));
            zOdd = As<Vector256Lane, TLane>(new Vector256Lane(Normal.InverseCdf(o)));
        }
        else if (typeof(TLane) == typeof(Vector512Lane))
        {
            Variates.UniformPairs(seed, firstPath, stepPair, 0, out var e0, out var o0);
            Variates.UniformPairs(seed, firstPath + 4, stepPair, 0, out var e1, out var o1);
            uEven = As<Vector512Lane, TLane>(new Vector512Lane(Vector512.Create(e0, e1)));
            uOdd = As<Vector512Lane, TLane>(new Vector512Lane(Vector512.Create(o0, o1)));
            zEven = As<Vector512Lane, TLane>(new Vector512Lane(Vector512.Create(Normal.InverseCdf(e0), Normal.InverseCdf(e1))));
            zOdd = As<Vector512Lane, TLane>(new Vector512Lane(Vector512.Create(Normal.InverseCdf(o0), Normal.InverseCdf(o1))));
        }
        else if (typeof(TLane) == typeof(ScalarLane))
        {
            var block = Philox4x32.Generate(Variates.Counter(firstPath, 2 * stepPair, 0), Philox4x32Key.FromSeed(seed));
            var e = Variates.ToUniform(block.Low64);
            var o = Variates.ToUniform(block.High64);
            uEven = As<ScalarLane, TLane>(new ScalarLane(e));
            uOdd = As<ScalarLane, TLane>(new ScalarLane(o));
            zEven = As<ScalarLane, TLane>(new ScalarLane(Normal.InverseCdf(e)));
            zOdd = As<ScalarLane, TLane>(new ScalarLane(Normal.InverseCdf(o)));
        }
        else
        {
            throw new NotSupportedException($"No variate source for lane type {typeof(TLane).Name}.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TTo As<TFrom, TTo>(TFrom value)
        where TFrom : unmanaged
        where TTo : unmanaged => Unsafe.As<TFrom, TTo>(ref value);

    /// <summary>The per-path state carried from step to step.</summary>
    private readonly record struct State<TLane>(TLane Variance, TLane LogReturn, TLane ShadowLogReturn, TLane Brownian)
        where TLane : unmanaged;
}
