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

    /// <summary>Work items per thread below which <see cref="RunBatches"/> cuts batches into smaller path ranges.</summary>
    private const int WorkItemsPerThread = 8;

    /// <summary>Most ranges a batch is cut into (ranges of 1,024 paths).</summary>
    private const int MaxPiecesPerBatch = 4;

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

        var width = spec.Settings.VectorWidth;
        return RunBatches(
            spec,
            b => EvaluateValidated(spec, b, width),
            progress,
            cancellationToken,
            (firstPath, pathCount) => EvaluateValidated(spec, BatchRunner.RangeToken(firstPath, pathCount), width));
    }

    /// <summary>Evaluates every batch of <paramref name="spec"/> in parallel, merges the sums and summarises them.</summary>
    /// <remarks>
    /// With <paramref name="evaluateRange"/> (the sums of a path range, <see cref="EvaluateRange"/>), batches are cut into
    /// <see cref="PiecesPerBatch"/> ranges when there are too few of them to keep the threads busy to the end (a 252-step
    /// Heston batch takes about 25 ms, and with two batches per thread one late start or preemption left a core idle for
    /// a whole batch). The sums are exact fixed point, so the merged pieces are the batch's sums bit for bit.
    /// </remarks>
    internal static MonteCarloResult RunBatches(
        MonteCarloSpec spec,
        Func<long, BatchSums> evaluate,
        Action<long, long>? progress,
        CancellationToken cancellationToken,
        Func<long, int, BatchSums>? evaluateRange = null)
    {
        var batchCount = spec.BatchCount;
        var batches = new BatchSums[batchCount];
        long done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = spec.Settings.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        var pieces = evaluateRange is null ? 1 : PiecesPerBatch(batchCount, spec.Settings.MaxDegreeOfParallelism);
        try
        {
            if (pieces == 1)
            {
                Parallel.For(0L, batchCount, options, b =>
                {
                    batches[b] = evaluate(b);
                    var finished = Interlocked.Increment(ref done);
                    progress?.Invoke(finished, batchCount);
                });
            }
            else
            {
                var pieceSums = new BatchSums[batchCount * pieces];
                var remaining = new int[batchCount];
                Array.Fill(remaining, pieces);
                var pieceLength = BatchPaths / pieces;
                var paths = spec.Settings.Paths;
                Parallel.For(0L, batchCount * pieces, options, i =>
                {
                    var b = i / pieces;
                    var piece = (int)(i % pieces);
                    var (first, count) = BatchRunner.PathsOf(b, paths);
                    var start = (long)piece * pieceLength;
                    if (start < count)
                    {
                        pieceSums[i] = evaluateRange!(first + start, (int)Math.Min(pieceLength, count - start));
                    }

                    // The last piece of a batch to finish merges them all (in piece order; the sums are exact anyway).
                    if (Interlocked.Decrement(ref remaining[b]) == 0)
                    {
                        var sums = pieceSums[b * pieces];
                        for (var j = 1; j < pieces && (long)j * pieceLength < count; j++)
                        {
                            sums = BatchSums.Merge(sums, pieceSums[(b * pieces) + j]);
                        }

                        batches[b] = sums;
                        var finished = Interlocked.Increment(ref done);
                        progress?.Invoke(finished, batchCount);
                    }
                });
            }
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

    /// <summary>Ranges per batch for <see cref="RunBatches"/>: 1 on one thread or with at least <see cref="WorkItemsPerThread"/> batches per thread, else 2 or 4.</summary>
    internal static int PiecesPerBatch(long batchCount, int maxDegreeOfParallelism)
    {
        // The requested count, not capped at the cores: cutting more than needed costs little, and the cut is then
        // exercised by two-thread runs on any machine.
        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        if (threads <= 1 || batchCount >= (long)WorkItemsPerThread * threads)
        {
            return 1;
        }

        return batchCount * 2 >= (long)WorkItemsPerThread * threads ? 2 : MaxPiecesPerBatch;
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

    /// <summary>The sums of the paths <paramref name="firstPath"/> … <paramref name="firstPath"/> + <paramref name="pathCount"/> − 1 alone.</summary>
    /// <remarks>
    /// <para>Every path's sample is a pure function of (spec, path index) and the sums are exact fixed point, so the
    /// merged sums of any partition of the paths into ranges equal the merged batch sums of <see cref="Run"/> bit for
    /// bit. A range may start anywhere and have any length up to <see cref="BatchPaths"/> (the bound that keeps the
    /// per-lane fixed-point sums exact); the last range may be ragged. With antithetic variates both
    /// <paramref name="firstPath"/> and <paramref name="pathCount"/> must be even (a sample is a pair). American options
    /// are refused: their exercise policy is a regression over whole batches, not a per-path function.</para>
    /// </remarks>
    /// <param name="spec">Model, payoff and settings.</param>
    /// <param name="firstPath">First path, 0 … paths − 1.</param>
    /// <param name="pathCount">Paths in the range, 1 … min(<see cref="BatchPaths"/>, paths − <paramref name="firstPath"/>).</param>
    /// <param name="vectorWidth">Lane width; every choice gives the same bits.</param>
    /// <exception cref="PricingInputException">An input is out of range, or the payoff is American.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the spec's paths, is longer than <see cref="BatchPaths"/>, or splits an antithetic pair.</exception>
    public static BatchSums EvaluateRange(MonteCarloSpec spec, long firstPath, int pathCount, BatchVectorWidth vectorWidth = BatchVectorWidth.Auto)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var paths = spec.Settings.Paths;
        if (firstPath < 0 || firstPath >= paths)
        {
            throw new ArgumentOutOfRangeException(nameof(firstPath), firstPath, $"firstPath must be in [0, {paths - 1}].");
        }

        if (pathCount < 1 || pathCount > BatchPaths || pathCount > paths - firstPath)
        {
            throw new ArgumentOutOfRangeException(
                nameof(pathCount), pathCount, $"pathCount must be in [1, {Math.Min(BatchPaths, paths - firstPath)}] for a range starting at path {firstPath} of {paths}.");
        }

        if (spec.Settings.Antithetic && (firstPath % 2 != 0 || pathCount % 2 != 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(firstPath), firstPath, $"with antithetic variates firstPath and pathCount must be even (a sample is a pair); got {firstPath} and {pathCount}.");
        }

        if (spec.Payoff.Kind == PayoffKind.American)
        {
            InputGuard.Fail("payoff", "American options cannot be evaluated by path range: the exercise policy is fitted over whole batches");
        }

        return EvaluateValidated(spec, BatchRunner.RangeToken(firstPath, pathCount), vectorWidth);
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
