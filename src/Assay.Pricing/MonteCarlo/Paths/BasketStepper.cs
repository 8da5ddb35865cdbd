using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>Correlated exact log steps of n assets; the observed path is the basket value B(t) = Σ w_i·S_i(t).</summary>
/// <remarks>
/// Per step: z_k = Normal(seed, path, step, k) for k &lt; n, ε_i = Σ_(k ≤ i) L_ik·z_k (k ascending),
/// L_i += (r − q_i − σ_i²/2)Δt + σ_i√Δt·ε_i, S_i = S_i(0)·e^(L_i). <see cref="PathStatistics{TLane}.Brownian"/> receives
/// ∂B(T)/∂σ for a parallel shift of every σ_i divided by B(T) (so that the European pathwise vega formula reads
/// B(T)·(that) directly): Σ w_i·S_i(T)·(W_i(T) − σ_i·T) / B(T), with W_i(T) = Σ √Δt·ε_i.
/// </remarks>
internal readonly struct BasketStepper : IPathStepper
{
    private readonly double[] _factor;
    private readonly double[] _spots;
    private readonly double[] _weights;
    private readonly double[] _drifts;
    private readonly double[] _diffusions;
    private readonly double[] _volatilityTimes;
    private readonly double _sqrtDt;
    private readonly int _steps;

    public BasketStepper(BasketModel model, int steps)
    {
        var n = model.Count;
        _factor = model.CorrelationFactor();
        _spots = [.. model.Spots];
        _weights = [.. model.Weights];
        _steps = steps;
        var dt = model.ExpiryYears / steps;
        _sqrtDt = Math.Sqrt(dt);
        _drifts = new double[n];
        _diffusions = new double[n];
        _volatilityTimes = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sigma = model.Volatilities[i];
            _drifts[i] = (model.Rate - model.DividendYields[i] - (0.5 * sigma * sigma)) * dt;
            _diffusions[i] = sigma * _sqrtDt;
            _volatilityTimes[i] = sigma * model.ExpiryYears;
        }

        InitialValue = model.InitialValue;
    }

    /// <summary>B(0).</summary>
    public double InitialValue { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathStatistics<TLane> Walk<TLane, TMask>(ulong seed, ulong firstPath, bool negate, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var n = _spots.Length;
        Span<TLane> logReturns = stackalloc TLane[n];
        Span<TLane> brownians = stackalloc TLane[n];
        Span<TLane> evens = stackalloc TLane[n];
        Span<TLane> odds = stackalloc TLane[n];
        var zero = TLane.Constant(0.0);
        logReturns.Fill(zero);
        brownians.Fill(zero);
        var initial = TLane.Constant(InitialValue);
        var stats = PathObserver.Start<TLane, TMask>(initial);
        var sign = negate ? -1.0 : 1.0;
        for (var step = 0; step < _steps; step += 2)
        {
            for (var k = 0; k < n; k++)
            {
                LaneNormals.Pair<TLane>(seed, firstPath, (uint)(step >> 1), (uint)k, out evens[k], out odds[k]);
            }

            Advance<TLane, TMask>(ref stats, logReturns, brownians, evens, sign, initial, requirements);
            if (step + 1 < _steps)
            {
                Advance<TLane, TMask>(ref stats, logReturns, brownians, odds, sign, initial, requirements);
            }
        }

        var final = zero;
        var vegaSum = zero;
        for (var i = 0; i < n; i++)
        {
            var weighted = (TLane.Exp(logReturns[i]) * _spots[i]) * _weights[i];
            final += weighted;
            vegaSum += weighted * (brownians[i] - _volatilityTimes[i]);
        }

        stats.Final = final;
        stats.Brownian = vegaSum / final;
        return stats;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance<TLane, TMask>(
        ref PathStatistics<TLane> stats, Span<TLane> logReturns, Span<TLane> brownians, ReadOnlySpan<TLane> normals, double sign,
        TLane initial, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var n = logReturns.Length;
        var basket = TLane.Constant(0.0);
        for (var i = 0; i < n; i++)
        {
            var epsilon = TLane.Constant(0.0);
            var row = _factor.AsSpan(i * n, i + 1);
            for (var k = 0; k <= i; k++)
            {
                epsilon += normals[k] * (row[k] * sign);
            }

            logReturns[i] += _drifts[i] + (epsilon * _diffusions[i]);
            brownians[i] += epsilon * _sqrtDt;
            if (requirements != PathRequirements.Terminal)
            {
                basket += (TLane.Exp(logReturns[i]) * _spots[i]) * _weights[i];
            }
        }

        if (requirements != PathRequirements.Terminal)
        {
            PathObserver.Observe<TLane, TMask>(ref stats, basket, TLane.Log(basket / initial), requirements);
        }
    }
}
