using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Pricing.Batch;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.MonteCarlo.LongstaffSchwartz;
using Assay.Pricing.MonteCarlo.Paths;
using Assay.Pricing.MonteCarlo.Payoffs;

namespace Assay.Pricing.MonteCarlo;

/// <content>The pricing pass of American options under a fixed Longstaff–Schwartz exercise policy (see <see cref="LongstaffSchwartzEngine"/>).</content>
public static partial class MonteCarloEngine
{
    /// <summary>The sums of one batch priced with <paramref name="policy"/>; the spec is validated and matches the policy.</summary>
    internal static BatchSums EvaluateAmericanBatch(MonteCarloSpec spec, ExercisePolicy policy, long batchIndex, BatchVectorWidth vectorWidth) =>
        BatchVectorWidths.Resolve(vectorWidth) switch
        {
            BatchVectorWidth.Vector512 => AmericanBatchRunner.Run<Vector512Lane, Vector512<double>>(policy, spec.Settings, batchIndex),
            BatchVectorWidth.Vector256 => AmericanBatchRunner.Run<Vector256Lane, Vector256<double>>(policy, spec.Settings, batchIndex),
            _ => AmericanBatchRunner.Run<ScalarLane, bool>(policy, spec.Settings, batchIndex),
        };

    /// <summary>Every batch of <paramref name="spec"/> priced with <paramref name="policy"/>, merged and summarised.</summary>
    internal static MonteCarloResult RunAmerican(MonteCarloSpec spec, ExercisePolicy policy, Action<long, long>? progress, CancellationToken cancellationToken) =>
        RunBatches(spec, b => EvaluateAmericanBatch(spec, policy, b, spec.Settings.VectorWidth), progress, cancellationToken);

    /// <summary>The control variate of an American sample: the European payoff on the same path, whose mean is the Black–Scholes price.</summary>
    private static (bool HasControl, double Mean) AmericanControlOf(MonteCarloSpec spec) => spec.Model switch
    {
        GbmModel gbm => (true, BlackScholesMerton.Price(new BlackScholesParameters(
            spec.Payoff.Type, gbm.Spot, spec.Payoff.Strike, gbm.ExpiryYears, gbm.Rate, gbm.DividendYield, gbm.Volatility))),
        _ => throw UnknownModel(spec.Model),
    };

    /// <summary>The pricing walk: each path stops at the first date where the policy exercises (or at expiry).</summary>
    /// <remarks>
    /// Sample: Y = e^(−r·t_τ)·θ(S(t_τ) − K) at the stopping date τ (0 if the path never exercises and ends out of the money),
    /// pathwise Greeks along the stopped path with the rule held fixed, Δ = e^(−r·t_τ)·θ·S(t_τ)/S(0) and
    /// ν = e^(−r·t_τ)·θ·S(t_τ)·(W(t_τ) − σ·t_τ), and the control C = e^(−rT)·max(θ(S_T − K), 0), computed with exactly the
    /// European engine's expressions on exactly its path.
    /// </remarks>
    private static class AmericanBatchRunner
    {
        public static BatchSums Run<TLane, TMask>(ExercisePolicy policy, MonteCarloSettings settings, long batchIndex)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
        {
            var firstPath = batchIndex * BatchPaths;
            var pathCount = Math.Min(BatchPaths, settings.Paths - firstPath);
            var antithetic = settings.Antithetic;
            var samples = antithetic ? pathCount / 2 : pathCount;
            var firstVariatePath = (ulong)(antithetic ? firstPath / 2 : firstPath);
            var sums = new SampleSums();
            var k = 0L;
            for (; k + TLane.Width <= samples; k += TLane.Width)
            {
                var sample = Sample<TLane, TMask>(policy, settings.Seed, firstVariatePath + (ulong)k, antithetic);
                sums.Add<TLane, TMask>(sample, firstPath, k, hasControl: true);
            }

            for (; k < samples; k++)
            {
                var sample = Sample<ScalarLane, bool>(policy, settings.Seed, firstVariatePath + (ulong)k, antithetic);
                sums.Add<ScalarLane, bool>(sample, firstPath, k, hasControl: true);
            }

            return sums.ToBatchSums((ulong)samples);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static PathSample<TLane> Sample<TLane, TMask>(ExercisePolicy policy, ulong seed, ulong variatePath, bool antithetic)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
        {
            var sample = Walk<TLane, TMask>(policy, seed, variatePath, 1.0);
            if (!antithetic)
            {
                return sample;
            }

            var mirror = Walk<TLane, TMask>(policy, seed, variatePath, -1.0);
            sample.Payoff = (sample.Payoff + mirror.Payoff) * 0.5;
            sample.Delta = (sample.Delta + mirror.Delta) * 0.5;
            sample.Vega = (sample.Vega + mirror.Vega) * 0.5;
            sample.Control = (sample.Control + mirror.Control) * 0.5;
            return sample;
        }

        private static PathSample<TLane> Walk<TLane, TMask>(ExercisePolicy policy, ulong seed, ulong firstPath, double sign)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
        {
            var grid = policy.Grid;
            var n = grid.Steps;
            var zero = TLane.Constant(0.0);
            var payoff = zero;
            var delta = zero;
            var vega = zero;
            var alive = TLane.Equal(zero, zero);
            if (policy.ExercisesAtStart)
            {
                // Exercised now: Y = θ(S(0) − K), ∂Y/∂S(0) = θ, ∂Y/∂σ = 0; the walk below still supplies the control.
                payoff = TLane.Constant((grid.Spot - grid.Strike) * grid.Theta);
                delta = TLane.Constant(grid.Theta);
                alive = TLane.AndNot(alive, alive);
            }

            var logReturn = zero;
            var brownian = zero;
            var spot = zero;
            for (var step = 0; step < n; step += 2)
            {
                LaneNormals.Pair<TLane>(seed, firstPath, (uint)(step >> 1), 0, out var even, out var odd);
                Advance<TLane, TMask>(policy, step + 1, even * sign, ref logReturn, ref brownian, ref spot, ref alive, ref payoff, ref delta, ref vega);
                if (step + 1 < n)
                {
                    Advance<TLane, TMask>(policy, step + 2, odd * sign, ref logReturn, ref brownian, ref spot, ref alive, ref payoff, ref delta, ref vega);
                }
            }

            // Expiry: the European payoff with EuropeanPayoff's expressions, taken by the paths still alive and kept as the control.
            var discount = grid.Discounts[n];
            var intrinsic = grid.Intrinsic<TLane, TMask>(spot);
            var inTheMoney = TLane.GreaterThan(intrinsic, zero);
            var weight = discount * grid.Theta;
            var european = TLane.Select(inTheMoney, intrinsic * discount, zero);
            var takes = TLane.And(alive, inTheMoney);
            PathSample<TLane> sample;
            sample.Payoff = TLane.Select(alive, european, payoff);
            sample.Delta = TLane.Select(takes, spot * (weight / grid.Spot), delta);
            sample.Vega = TLane.Select(takes, (spot * (brownian - (grid.Volatility * grid.Times[n]))) * weight, vega);
            sample.Control = european;
            return sample;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Advance<TLane, TMask>(
            ExercisePolicy policy, int date, TLane z, ref TLane logReturn, ref TLane brownian, ref TLane spot, ref TMask alive,
            ref TLane payoff, ref TLane delta, ref TLane vega)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
        {
            var grid = policy.Grid;
            logReturn += grid.Drift + (z * grid.Diffusion);
            brownian += z * grid.SqrtDt;
            spot = TLane.Exp(logReturn) * grid.Spot;
            if (date >= grid.Steps || !policy.RuleAt(date) || !TLane.Any(alive))
            {
                return;
            }

            var intrinsic = grid.Intrinsic<TLane, TMask>(spot);
            var exercise = TLane.And(alive, ExerciseRule.Exercises<TLane, TMask>(policy.BoundaryAt(date), grid.Moneyness<TLane, TMask>(spot), intrinsic));
            if (!TLane.Any(exercise))
            {
                return;
            }

            var discount = grid.Discounts[date];
            var weight = discount * grid.Theta;
            payoff = TLane.Select(exercise, intrinsic * discount, payoff);
            delta = TLane.Select(exercise, spot * (weight / grid.Spot), delta);
            vega = TLane.Select(exercise, (spot * (brownian - (grid.Volatility * grid.Times[date]))) * weight, vega);
            alive = TLane.AndNot(alive, exercise);
        }
    }
}
