using System.Runtime.ExceptionServices;
using Assay.Numerics.FixedPoint;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo;

/// <summary>Monte Carlo pricing cut into fixed batches of paths, each a pure function of (spec, batch index).</summary>
/// <remarks>
/// <para>Batch b holds paths b·<see cref="BatchPaths"/> … min((b + 1)·<see cref="BatchPaths"/>, paths) − 1. Path p
/// draws its normals from <c>Variates.NormalFast(seed, p, step, factor)</c> (with antithetic variates, paths 2j and
/// 2j + 1 use variate path j with signs + and −). A batch yields <see cref="BatchSums"/>: fixed-point sums of the
/// payoff, its square, the Greek estimators and the control variate. Batches can be computed in any order, on any
/// number of threads and with any lane width, and each can be recomputed alone by <see cref="EvaluateBatch"/>;
/// the merged totals, and every number derived from them, are the same bits.</para>
/// </remarks>
public static partial class MonteCarloEngine
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
        if (spec.Payoff.Kind == PayoffKind.American)
        {
            return LongstaffSchwartz.LongstaffSchwartzEngine.RunValidated(spec, progress, cancellationToken);
        }

        return RunBatches(spec, b => EvaluateValidated(spec, b, spec.Settings.VectorWidth), progress, cancellationToken);
    }

    /// <summary>Evaluates every batch of <paramref name="spec"/> in parallel, merges the sums and summarises them.</summary>
    internal static MonteCarloResult RunBatches(
        MonteCarloSpec spec, Func<long, BatchSums> evaluate, Action<long, long>? progress, CancellationToken cancellationToken)
    {
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
                batches[b] = evaluate(b);
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

        return spec.Payoff.Kind == PayoffKind.American
            ? LongstaffSchwartz.LongstaffSchwartzEngine.EvaluateBatchValidated(spec, batchIndex, vectorWidth)
            : EvaluateValidated(spec, batchIndex, vectorWidth);
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
        var (hasControl, controlMean) = spec.Payoff.Kind == PayoffKind.American ? AmericanControlOf(spec) : ControlOf(spec);
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
}
