using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.Intrinsics;
using Assay.Numerics.FixedPoint;
using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo.Paths;
using Assay.Pricing.MonteCarlo.Payoffs;

namespace Assay.Pricing.MonteCarlo;

/// <summary>Monte Carlo pricing cut into fixed batches of paths, each a pure function of (spec, batch index).</summary>
/// <remarks>
/// <para>Batch b holds paths b·<see cref="BatchPaths"/> … min((b + 1)·<see cref="BatchPaths"/>, paths) − 1. Path p
/// draws its normals from <c>Variates.Normal(seed, p, step, factor)</c> (with antithetic variates, paths 2j and
/// 2j + 1 use variate path j with signs + and −). A batch yields <see cref="BatchSums"/>: fixed-point sums of the
/// payoff, its square, the Greek estimators and the control variate. Batches can be computed in any order, on any
/// number of threads and with any lane width, and each can be recomputed alone by <see cref="EvaluateBatch"/>;
/// the merged totals, and every number derived from them, are the same bits.</para>
/// </remarks>
public static class MonteCarloEngine
{
    /// <summary>Paths per batch (the last batch may be shorter).</summary>
    public const int BatchPaths = 4096;

    /// <summary>Largest |sample| accepted into the sums, 2^23, so that squares stay within the fixed-point item bound 2^46.</summary>
    public const double MaxSampleMagnitude = 8388608.0;

    /// <summary>Runs every batch of <paramref name="spec"/> and returns the estimate with its batch sums.</summary>
    /// <param name="spec">Model, payoff and settings.</param>
    /// <param name="progress">Called after each finished batch with (batches done, batch count); may be called from worker threads.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="PricingInputException">An input is out of range, or a sample exceeds <see cref="MaxSampleMagnitude"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static MonteCarloResult Run(MonteCarloSpec spec, Action<long, long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var batchCount = spec.BatchCount;
        var batches = new BatchSums[batchCount];
        long done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = spec.Settings.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        try
        {
            Parallel.For(0L, batchCount, options, b =>
            {
                batches[b] = EvaluateValidated(spec, b, spec.Settings.VectorWidth);
                var finished = Interlocked.Increment(ref done);
                progress?.Invoke(finished, batchCount);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0 && e.InnerExceptions[0] is PricingInputException)
        {
            // A bad sample is an input problem: report the first one as itself, not wrapped.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var totals = BatchSums.Empty;
        foreach (var batch in batches)
        {
            totals = BatchSums.Merge(totals, batch);
        }

        return Summarise(spec, totals, batches);
    }

    /// <summary>The sums of one batch: exactly the bits <see cref="Run"/> computes for it.</summary>
    /// <param name="spec">Model, payoff and settings.</param>
    /// <param name="batchIndex">0 … <see cref="MonteCarloSpec.BatchCount"/> − 1.</param>
    /// <param name="vectorWidth">Lane width; every choice gives the same bits.</param>
    /// <exception cref="PricingInputException">An input is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchIndex"/> is not a batch of the spec.</exception>
    public static BatchSums EvaluateBatch(MonteCarloSpec spec, long batchIndex, BatchVectorWidth vectorWidth = BatchVectorWidth.Auto)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (batchIndex < 0 || batchIndex >= spec.BatchCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(batchIndex), batchIndex, $"batchIndex must be in [0, {spec.BatchCount - 1}] for {spec.Settings.Paths} paths.");
        }

        return EvaluateValidated(spec, batchIndex, vectorWidth);
    }

    /// <summary>The estimate that <paramref name="totals"/> (the merged sums of all batches of <paramref name="spec"/>) imply.</summary>
    public static MonteCarloResult Summarise(MonteCarloSpec spec, BatchSums totals, IReadOnlyList<BatchSums> batches)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(batches);
        var n = (double)totals.Samples;
        var (meanY, varY) = MeanAndVariance(totals.Payoff, totals.PayoffSquared, n);
        var (delta, varDelta) = MeanAndVariance(totals.Delta, totals.DeltaSquared, n);
        var (vega, varVega) = MeanAndVariance(totals.Vega, totals.VegaSquared, n);
        var price = meanY;
        var priceVariance = varY;
        var (hasControl, controlMean) = ControlOf(spec);
        if (hasControl)
        {
            var (meanC, varC) = MeanAndVariance(totals.Control, totals.ControlSquared, n);
            if (varC > 0.0)
            {
                var covariance = (totals.PayoffControl.ToDouble() - (n * meanY * meanC)) / (n - 1.0);
                var beta = covariance / varC;
                price = meanY - (beta * (meanC - controlMean));
                priceVariance = Math.Max(varY - (beta * covariance), 0.0);
            }
        }

        var paths = spec.Settings.Paths;
        return new MonteCarloResult(
            price,
            Math.Sqrt(priceVariance / n),
            meanY,
            Math.Sqrt(varY / n),
            delta,
            Math.Sqrt(varDelta / n),
            vega,
            Math.Sqrt(varVega / n),
            paths,
            (long)totals.Samples,
            totals,
            batches);
    }

    private static (double Mean, double Variance) MeanAndVariance(FixedPointAccumulator sum, FixedPointAccumulator sumOfSquares, double n)
    {
        var mean = sum.ToDouble() / n;
        var variance = (sumOfSquares.ToDouble() - (n * mean * mean)) / (n - 1.0);
        return (mean, Math.Max(variance, 0.0));
    }

    private static (bool HasControl, double Mean) ControlOf(MonteCarloSpec spec) => spec.Model switch
    {
        GbmModel gbm => Dispatch<(bool, double), ControlQuery>(spec.Payoff, GbmTerms.From(gbm), default),
        _ => throw UnknownModel(spec.Model),
    };

    private static BatchSums EvaluateValidated(MonteCarloSpec spec, long batchIndex, BatchVectorWidth vectorWidth) => spec.Model switch
    {
        GbmModel gbm => Dispatch<BatchSums, BatchOf<GbmStepper>>(
            spec.Payoff, GbmTerms.From(gbm), new BatchOf<GbmStepper>(new GbmStepper(gbm, spec.Settings.Steps), spec.Settings, batchIndex, vectorWidth)),
        _ => throw UnknownModel(spec.Model),
    };

    /// <summary>Builds the payoff struct of <paramref name="payoff"/> (Greek estimators from <paramref name="terms"/>) and hands it to <paramref name="action"/>.</summary>
    private static TResult Dispatch<TResult, TAction>(PayoffSpec payoff, GbmTerms terms, TAction action)
        where TAction : IPayoffAction<TResult>
    {
        var isCall = payoff.Type == OptionType.Call;
        return payoff.Kind switch
        {
            PayoffKind.European => action.Invoke(new EuropeanPayoff(isCall, payoff.Strike, terms)),
            PayoffKind.Digital => action.Invoke(new CashDigitalPayoff(isCall, payoff.Strike, terms)),
            _ => throw new PricingInputException("payoff", $"payoff {payoff.Kind} is not supported by the Monte Carlo engine"),
        };
    }

    private static NotSupportedException UnknownModel(PathModel model) => new($"No Monte Carlo engine for model {model.GetType().Name}.");

    private static BatchVectorWidth Resolve(BatchVectorWidth requested) => requested switch
    {
        BatchVectorWidth.Auto when Vector512.IsHardwareAccelerated => BatchVectorWidth.Vector512,
        BatchVectorWidth.Auto when Vector256.IsHardwareAccelerated => BatchVectorWidth.Vector256,
        BatchVectorWidth.Auto => BatchVectorWidth.Scalar,
        _ => requested,
    };

    /// <summary>Something done with a payoff struct, so that the payoff switch is written once.</summary>
    private interface IPayoffAction<out TResult>
    {
        TResult Invoke<TPayoff>(TPayoff payoff)
            where TPayoff : struct, IPathPayoff;
    }

    private readonly struct ControlQuery : IPayoffAction<(bool, double)>
    {
        public (bool, double) Invoke<TPayoff>(TPayoff payoff)
            where TPayoff : struct, IPathPayoff => (payoff.HasControl, payoff.ControlMean);
    }

    private readonly struct BatchOf<TStepper>(TStepper stepper, MonteCarloSettings settings, long batchIndex, BatchVectorWidth width) : IPayoffAction<BatchSums>
        where TStepper : struct, IPathStepper
    {
        public BatchSums Invoke<TPayoff>(TPayoff payoff)
            where TPayoff : struct, IPathPayoff => Resolve(width) switch
            {
                BatchVectorWidth.Vector512 => BatchRunner.Run<Vector512Lane, Vector512<double>, TStepper, TPayoff>(stepper, payoff, settings, batchIndex),
                BatchVectorWidth.Vector256 => BatchRunner.Run<Vector256Lane, Vector256<double>, TStepper, TPayoff>(stepper, payoff, settings, batchIndex),
                _ => BatchRunner.Run<ScalarLane, bool, TStepper, TPayoff>(stepper, payoff, settings, batchIndex),
            };
    }

    /// <summary>The batch loop: walk lanes of paths, evaluate the payoff, add every lane's sample to exact sums.</summary>
    private static class BatchRunner
    {
        public static BatchSums Run<TLane, TMask, TStepper, TPayoff>(TStepper stepper, TPayoff payoff, MonteCarloSettings settings, long batchIndex)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
            where TStepper : struct, IPathStepper
            where TPayoff : struct, IPathPayoff
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
                var sample = Sample<TLane, TMask, TStepper, TPayoff>(stepper, payoff, settings, firstVariatePath + (ulong)k, antithetic);
                sums.Add<TLane, TMask>(sample, firstPath, k);
            }

            for (; k < samples; k++)
            {
                var sample = Sample<ScalarLane, bool, TStepper, TPayoff>(stepper, payoff, settings, firstVariatePath + (ulong)k, antithetic);
                sums.Add<ScalarLane, bool>(sample, firstPath, k);
            }

            return sums.ToBatchSums((ulong)samples);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static PathSample<TLane> Sample<TLane, TMask, TStepper, TPayoff>(
            in TStepper stepper, in TPayoff payoff, in MonteCarloSettings settings, ulong variatePath, bool antithetic)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
            where TStepper : struct, IPathStepper
            where TPayoff : struct, IPathPayoff
        {
            var requirements = payoff.Requirements;
            var path = stepper.Walk<TLane, TMask>(settings.Seed, variatePath, negate: false, requirements);
            var sample = payoff.Evaluate<TLane, TMask>(path);
            if (!antithetic)
            {
                return sample;
            }

            var mirror = payoff.Evaluate<TLane, TMask>(stepper.Walk<TLane, TMask>(settings.Seed, variatePath, negate: true, requirements));
            sample.Payoff = (sample.Payoff + mirror.Payoff) * 0.5;
            sample.Delta = (sample.Delta + mirror.Delta) * 0.5;
            sample.Vega = (sample.Vega + mirror.Vega) * 0.5;
            sample.Control = (sample.Control + mirror.Control) * 0.5;
            return sample;
        }
    }

    /// <summary>Exact Int128 sums of fixed-point images (round-half-even at <see cref="BatchSums.Scale"/>).</summary>
    private struct SampleSums
    {
        private Int128 _payoff;
        private Int128 _payoffSquared;
        private Int128 _delta;
        private Int128 _deltaSquared;
        private Int128 _vega;
        private Int128 _vegaSquared;
        private Int128 _control;
        private Int128 _controlSquared;
        private Int128 _payoffControl;

        public void Add<TLane, TMask>(in PathSample<TLane> sample, long firstPath, long sampleIndex)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
        {
            Span<double> y = stackalloc double[TLane.Width];
            Span<double> d = stackalloc double[TLane.Width];
            Span<double> v = stackalloc double[TLane.Width];
            Span<double> c = stackalloc double[TLane.Width];
            TLane.Store(sample.Payoff, y, 0);
            TLane.Store(sample.Delta, d, 0);
            TLane.Store(sample.Vega, v, 0);
            TLane.Store(sample.Control, c, 0);
            var scale = BatchSums.Scale;
            for (var lane = 0; lane < TLane.Width; lane++)
            {
                if (!(Math.Abs(y[lane]) <= MaxSampleMagnitude && Math.Abs(d[lane]) <= MaxSampleMagnitude
                    && Math.Abs(v[lane]) <= MaxSampleMagnitude && Math.Abs(c[lane]) <= MaxSampleMagnitude))
                {
                    ThrowSampleOutOfRange(firstPath, sampleIndex + lane, y[lane], d[lane], v[lane], c[lane]);
                }

                _payoff += FixedPointAccumulator.ToScaled(y[lane], scale);
                _payoffSquared += FixedPointAccumulator.ToScaled(y[lane] * y[lane], scale);
                _delta += FixedPointAccumulator.ToScaled(d[lane], scale);
                _deltaSquared += FixedPointAccumulator.ToScaled(d[lane] * d[lane], scale);
                _vega += FixedPointAccumulator.ToScaled(v[lane], scale);
                _vegaSquared += FixedPointAccumulator.ToScaled(v[lane] * v[lane], scale);
                _control += FixedPointAccumulator.ToScaled(c[lane], scale);
                _controlSquared += FixedPointAccumulator.ToScaled(c[lane] * c[lane], scale);
                _payoffControl += FixedPointAccumulator.ToScaled(y[lane] * c[lane], scale);
            }
        }

        public readonly BatchSums ToBatchSums(ulong count)
        {
            var scale = BatchSums.Scale;
            return new BatchSums(
                FixedPointAccumulator.FromScaledSum(scale, _payoff, count),
                FixedPointAccumulator.FromScaledSum(scale, _payoffSquared, count),
                FixedPointAccumulator.FromScaledSum(scale, _delta, count),
                FixedPointAccumulator.FromScaledSum(scale, _deltaSquared, count),
                FixedPointAccumulator.FromScaledSum(scale, _vega, count),
                FixedPointAccumulator.FromScaledSum(scale, _vegaSquared, count),
                FixedPointAccumulator.FromScaledSum(scale, _control, count),
                FixedPointAccumulator.FromScaledSum(scale, _controlSquared, count),
                FixedPointAccumulator.FromScaledSum(scale, _payoffControl, count));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowSampleOutOfRange(long firstPath, long sample, double y, double d, double v, double c) =>
            throw new PricingInputException(
                "payoff",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"sample {sample} of the batch starting at path {firstPath} is out of the fixed-point range |x| <= 2^23 = {MaxSampleMagnitude}: payoff {y:R}, delta {d:R}, vega {v:R}, control {c:R}; scale the contract down (e.g. price per unit of a smaller notional)"));
    }
}
