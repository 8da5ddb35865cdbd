using System.Runtime.Intrinsics;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.LongstaffSchwartz;

/// <summary>American options by least-squares Monte Carlo (Longstaff and Schwartz, 2001), in two verifiable passes.</summary>
/// <remarks>
/// <para>Exercise dates are the grid dates t_i = i·T/steps, i = 1 … steps (a Bermudan approximation of the American option,
/// which it approaches from below as steps grows), plus t = 0. GBM only.</para>
/// <para>Pass 1 (<see cref="FitPolicy"/>): backward induction on <see cref="PolicyPathsFor"/>(paths) pilot paths drawn from
/// the variate paths <see cref="PolicyPathOffset"/> + j of the task seed; at each date the discounted future cash flows
/// of the in-the-money pilot paths are regressed on 1, x, …, x^(<see cref="BasisSize"/> − 1) with x = S/K (put) or K/S
/// (call), through normal equations summed exactly in fixed point and solved by Cholesky in a fixed order; a path
/// exercises when its x is at or below the largest x where the intrinsic value exceeds the fit (see
/// <see cref="ExercisePolicy"/>). Pass 2: the engine's batches price the option with that fixed rule; a batch is a pure
/// function of (spec, batch index). Because the rule is fitted on other paths, the price is a low-biased estimator of
/// the Bermudan value (Glasserman 2004, §8.6).</para>
/// <para>Samples: the discounted exercise value at the stopping date, the pathwise delta and vega along the stopped path
/// with the rule held fixed, and the European payoff on the same path as a control variate with the Black–Scholes
/// price as its mean.</para>
/// </remarks>
public static class LongstaffSchwartzEngine
{
    /// <summary>m: basis functions 1, x, x², x³ per exercise date (as many as the constant and three weighted Laguerre polynomials of Longstaff and Schwartz).</summary>
    public const int BasisSize = 4;

    /// <summary>Fewest pilot paths fitted on (and the count used below it).</summary>
    public const int MinPolicyPaths = 8192;

    /// <summary>Most pilot paths fitted on (and the count used above it).</summary>
    public const int MaxPolicyPaths = 65536;

    /// <summary>A date with fewer in-the-money pilot paths has no rule and never exercises.</summary>
    public const int MinInTheMoneyPaths = 32;

    /// <summary>Largest number of exercise dates (time steps) for an American payoff.</summary>
    public const int MaxExerciseDates = 5000;

    /// <summary>Pilot path j draws the variates of path 2^63 + j, beyond every path a pricing pass can use (≤ 2^32).</summary>
    public const ulong PolicyPathOffset = 1UL << 63;

    /// <summary>The number of pilot paths for a run of <paramref name="paths"/> paths: clamped to [<see cref="MinPolicyPaths"/>, <see cref="MaxPolicyPaths"/>] and rounded up to a multiple of 8.</summary>
    public static int PolicyPathsFor(long paths) => (int)((Math.Clamp(paths, MinPolicyPaths, MaxPolicyPaths) + 7) / 8 * 8);

    // The last policy fitted, so that MonteCarloEngine.EvaluateBatch on successive batches of one spec fits once. The
    // cached object is immutable and equal to what a refit would give, so the cache cannot change any result.
    private static ExercisePolicy? _lastPolicy;

    /// <summary>Fits the exercise policy, then prices every batch with it.</summary>
    /// <param name="spec">A GBM model, an <see cref="PayoffKind.American"/> payoff and settings (steps ≤ <see cref="MaxExerciseDates"/>).</param>
    /// <param name="progress">Called after each finished pricing batch with (batches done, batch count).</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="PricingInputException">An input is out of range or the spec is not an American payoff on a GBM model.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static LongstaffSchwartzResult Run(MonteCarloSpec spec, Action<long, long>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(spec);
        var policy = Fit(spec, spec.Settings.VectorWidth);
        cancellationToken.ThrowIfCancellationRequested();
        return new LongstaffSchwartzResult(MonteCarloEngine.RunAmerican(spec, policy, progress, cancellationToken), policy);
    }

    /// <summary>The exercise policy of <paramref name="spec"/> (pass 1): a pure function of model, contract, steps, seed and path count.</summary>
    /// <exception cref="PricingInputException">An input is out of range or the spec is not an American payoff on a GBM model.</exception>
    public static ExercisePolicy FitPolicy(MonteCarloSpec spec, BatchVectorWidth vectorWidth = BatchVectorWidth.Auto)
    {
        Validate(spec);
        return Fit(spec, vectorWidth);
    }

    /// <summary>The sums of one pricing batch under <paramref name="policy"/>: exactly the bits <see cref="Run"/> computes for it.</summary>
    /// <param name="spec">The spec the policy was fitted for.</param>
    /// <param name="policy">The result of <see cref="FitPolicy"/> for <paramref name="spec"/>.</param>
    /// <param name="batchIndex">0 … <see cref="MonteCarloSpec.BatchCount"/> − 1.</param>
    /// <param name="vectorWidth">Lane width; every choice gives the same bits.</param>
    /// <exception cref="PricingInputException">An input is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="policy"/> was not fitted for <paramref name="spec"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchIndex"/> is not a batch of the spec.</exception>
    public static BatchSums EvaluateBatch(MonteCarloSpec spec, ExercisePolicy policy, long batchIndex, BatchVectorWidth vectorWidth = BatchVectorWidth.Auto)
    {
        Validate(spec);
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.Matches(spec))
        {
            throw new ArgumentException("The policy was fitted for another model, contract, step count, seed or pilot size than this spec.", nameof(policy));
        }

        CheckBatchIndex(spec, batchIndex);
        return MonteCarloEngine.EvaluateAmericanBatch(spec, policy, batchIndex, vectorWidth);
    }

    /// <summary>The route of <see cref="MonteCarloEngine.Run"/> for American payoffs (the spec is validated).</summary>
    internal static MonteCarloResult RunValidated(MonteCarloSpec spec, Action<long, long>? progress, CancellationToken cancellationToken) =>
        Run(spec, progress, cancellationToken).Estimate;

    /// <summary>The route of <see cref="MonteCarloEngine.EvaluateBatch"/> for American payoffs (the spec and index are validated).</summary>
    internal static BatchSums EvaluateBatchValidated(MonteCarloSpec spec, long batchIndex, BatchVectorWidth vectorWidth)
    {
        Validate(spec);
        var cached = Volatile.Read(ref _lastPolicy);
        var policy = cached is not null && cached.Matches(spec) ? cached : Fit(spec, vectorWidth);
        Volatile.Write(ref _lastPolicy, policy);
        return MonteCarloEngine.EvaluateAmericanBatch(spec, policy, batchIndex, vectorWidth);
    }

    private static void Validate(MonteCarloSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (spec.Payoff.Kind != PayoffKind.American)
        {
            InputGuard.Fail("payoff", $"the Longstaff-Schwartz engine prices payoff American only (got {spec.Payoff.Kind})");
        }

        if (spec.Model is not GbmModel)
        {
            InputGuard.Fail("payoff", $"payoff American is supported for GbmModel only (got {spec.Model.GetType().Name})");
        }

        if (spec.Settings.Steps > MaxExerciseDates)
        {
            InputGuard.Fail("steps", $"steps (the exercise dates of an American payoff) must be between 1 and {MaxExerciseDates}; got {spec.Settings.Steps}");
        }
    }

    private static void CheckBatchIndex(MonteCarloSpec spec, long batchIndex)
    {
        if (batchIndex < 0 || batchIndex >= spec.BatchCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(batchIndex), batchIndex, $"batchIndex must be in [0, {spec.BatchCount - 1}] for {spec.Settings.Paths} paths.");
        }
    }

    private static ExercisePolicy Fit(MonteCarloSpec spec, BatchVectorWidth vectorWidth)
    {
        var grid = new ExerciseGrid((GbmModel)spec.Model, spec.Payoff, spec.Settings.Steps);
        var seed = spec.Settings.Seed;
        var pilot = PolicyPathsFor(spec.Settings.Paths);
        return vectorWidth switch
        {
            BatchVectorWidth.Vector512 => PolicyFitter.Fit<Vector512Lane, Vector512<double>>(grid, seed, pilot, BasisSize),
            BatchVectorWidth.Scalar => PolicyFitter.Fit<ScalarLane, bool>(grid, seed, pilot, BasisSize),
            BatchVectorWidth.Vector256 => PolicyFitter.Fit<Vector256Lane, Vector256<double>>(grid, seed, pilot, BasisSize),
            _ when Vector512.IsHardwareAccelerated => PolicyFitter.Fit<Vector512Lane, Vector512<double>>(grid, seed, pilot, BasisSize),
            _ when Vector256.IsHardwareAccelerated => PolicyFitter.Fit<Vector256Lane, Vector256<double>>(grid, seed, pilot, BasisSize),
            _ => PolicyFitter.Fit<ScalarLane, bool>(grid, seed, pilot, BasisSize),
        };
    }
}
