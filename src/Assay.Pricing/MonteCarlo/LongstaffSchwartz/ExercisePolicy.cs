using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.LongstaffSchwartz;

/// <summary>A fitted Longstaff–Schwartz exercise rule: regression coefficients of the continuation value at each exercise date.</summary>
/// <remarks>
/// <para>Dates are t_i = i·T/N, i = 1 … N, with N = <see cref="ExerciseDates"/> (the spec's steps); at t_N = T the option
/// is exercised whenever it is in the money. At a date 1 ≤ i &lt; N with a rule (<see cref="HasRule"/>), a path
/// exercises when θ(S − K) &gt; 0 and x ≤ x*_i, where x = S/K for a put and K/S for a call. β =
/// <see cref="Coefficients"/> are the least-squares fit c(x) = Σ_j β_j·x^j, over the in-the-money pilot paths, of the
/// future cash flow per unit of K (put) or of S(t_i) (call), discounted to t_i; in those units the intrinsic value is
/// 1 − x, and x*_i is the largest x in (0, 1) where 1 − x &gt; c(x) (<see cref="ExerciseBoundary"/> gives it in spot).
/// A date without a rule (too few in-the-money pilot paths, or 1 − x ≤ c(x) throughout) never exercises; neither does any
/// date of a contract that early exercise cannot pay for (a call with q ≤ 0 and r ≥ q, a put with r ≤ 0 and q ≥ r).</para>
/// <para>The policy is a pure function of the model, the contract, the steps, the seed and <see cref="PolicyPaths"/>;
/// <see cref="LongstaffSchwartzEngine.FitPolicy"/> recomputes it bit for bit.</para>
/// </remarks>
public sealed class ExercisePolicy
{
    private readonly double[] _coefficients;
    private readonly double[] _boundaries;
    private readonly bool[] _hasRule;
    private readonly long[] _inTheMoneyPaths;

    internal ExercisePolicy(
        ExerciseGrid grid, ulong seed, long policyPaths, int basisSize, double[] coefficients, double[] boundaries, bool[] hasRule, long[] inTheMoneyPaths,
        double continuationAtStart, bool exercisesAtStart)
    {
        Grid = grid;
        Seed = seed;
        PolicyPaths = policyPaths;
        BasisSize = basisSize;
        _coefficients = coefficients;
        _boundaries = boundaries;
        _hasRule = hasRule;
        _inTheMoneyPaths = inTheMoneyPaths;
        ContinuationAtStart = continuationAtStart;
        ExercisesAtStart = exercisesAtStart;
    }

    /// <summary>N: the exercise dates t_1 … t_N (t_N = T), one per time step of the spec.</summary>
    public int ExerciseDates => Grid.Steps;

    /// <summary>m: the number of basis functions 1, x, …, x^(m−1).</summary>
    public int BasisSize { get; }

    /// <summary>Number of pilot paths the rule was fitted on.</summary>
    public long PolicyPaths { get; }

    /// <summary>The task seed the pilot paths were drawn from.</summary>
    public ulong Seed { get; }

    /// <summary>Mean over the pilot paths of the cash flow under the fitted rule, discounted to 0 (the pilot's own, in-sample price).</summary>
    public double ContinuationAtStart { get; }

    /// <summary>Whether the rule exercises at t = 0: the intrinsic value θ(S(0) − K) exceeds <see cref="ContinuationAtStart"/>.</summary>
    public bool ExercisesAtStart { get; }

    internal ExerciseGrid Grid { get; }

    /// <summary>Whether date <paramref name="date"/> (1 … N − 1) has a fitted rule.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is not in 1 … N − 1.</exception>
    public bool HasRule(int date)
    {
        CheckDate(date);
        return _hasRule[date];
    }

    /// <summary>β_0 … β_(m−1) of date <paramref name="date"/> (1 … N − 1); zeros where <see cref="HasRule"/> is false.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is not in 1 … N − 1.</exception>
    public ReadOnlySpan<double> Coefficients(int date)
    {
        CheckDate(date);
        return CoefficientsOf(date);
    }

    /// <summary>Number of pilot paths in the money at date <paramref name="date"/> (1 … N − 1): the regression sample size.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is not in 1 … N − 1.</exception>
    public long InTheMoneyPaths(int date)
    {
        CheckDate(date);
        return _inTheMoneyPaths[date];
    }

    /// <summary>Whether a path standing at <paramref name="spot"/> on date <paramref name="date"/> (1 … N) exercises.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is not in 1 … N.</exception>
    public bool Exercises(int date, double spot)
    {
        if (date < 1 || date > ExerciseDates)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"date must be in [1, {ExerciseDates}].");
        }

        var lane = new ScalarLane(spot);
        var intrinsic = Grid.Intrinsic<ScalarLane, bool>(lane);
        if (date == ExerciseDates)
        {
            return intrinsic.Value > 0.0;
        }

        return _hasRule[date] && ExerciseRule.Exercises<ScalarLane, bool>(_boundaries[date], Grid.Moneyness<ScalarLane, bool>(lane), intrinsic);
    }

    /// <summary>The exercise boundary in spot at date <paramref name="date"/> (1 … N − 1): a put exercises at or below it, a call at or above it; NaN without a rule.</summary>
    /// <remarks>Computed from x*: S* = x*·K for a put and K/x* for a call (up to the rounding of the moneyness, which the decision itself uses).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is not in 1 … N − 1.</exception>
    public double ExerciseBoundary(int date)
    {
        CheckDate(date);
        if (!_hasRule[date])
        {
            return double.NaN;
        }

        return Grid.IsCall ? Grid.Strike / _boundaries[date] : _boundaries[date] * Grid.Strike;
    }

    internal bool RuleAt(int date) => _hasRule[date];

    internal double BoundaryAt(int date) => _boundaries[date];

    private ReadOnlySpan<double> CoefficientsOf(int date) => _coefficients.AsSpan(date * BasisSize, BasisSize);

    /// <summary>Whether this policy is the one <see cref="LongstaffSchwartzEngine.FitPolicy"/> computes for <paramref name="spec"/>.</summary>
    internal bool Matches(MonteCarloSpec spec) =>
        spec.Model is GbmModel model && model == Grid.Model && spec.Payoff == Grid.Payoff && spec.Settings.Steps == Grid.Steps
        && spec.Settings.Seed == Seed && LongstaffSchwartzEngine.PolicyPathsFor(spec.Settings.Paths) == PolicyPaths;

    private void CheckDate(int date)
    {
        if (date < 1 || date >= ExerciseDates)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"date must be in [1, {ExerciseDates - 1}] (the dates before expiry).");
        }
    }
}
