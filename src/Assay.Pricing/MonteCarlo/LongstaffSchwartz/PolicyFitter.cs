using System.Globalization;
using System.Runtime.CompilerServices;
using Assay.Numerics.FixedPoint;
using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.LongstaffSchwartz;

/// <summary>The regression pass: backward induction over pilot paths that walk backward in time, with exact normal equations.</summary>
/// <remarks>
/// <para>Pilot path j uses the variates of path <see cref="LongstaffSchwartzEngine.PolicyPathOffset"/> + j (same seed,
/// factor 0), an address range the pricing pass never reaches (paths ≤ 2^32), so the rule is fitted out of sample and
/// the priced value is a low-biased estimator.</para>
/// <para>Memory is four doubles per pilot path, whatever the number of dates: the first sweep walks each path forward to
/// ln S(T); each later sweep steps it back one date, L_i = L_(i+1) − ((r − q − σ²/2)Δt + σ√Δt·Z_i), regenerating Z_i from
/// its address (the counter-based generator makes any variate available in any order). The backward values differ from
/// a forward walk by rounding only, which does not matter: they are simply the pilot sample.</para>
/// <para>Sweep for date i (N − 1 down to 1): apply the rule of date i + 1 to the path's cash flow V (discounted to 0), step
/// back to S(t_i), and add the in-the-money paths to the normal equations of date i; then solve them. A last sweep
/// applies the rule of date 1 and averages V exactly (fixed point) for the decision at t = 0.</para>
/// </remarks>
internal static class PolicyFitter
{
    public static ExercisePolicy Fit<TLane, TMask>(ExerciseGrid grid, ulong seed, int pilotPaths, int basisSize)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var n = grid.Steps;
        var m = basisSize;
        var logs = new double[pilotPaths];
        var spots = new double[pilotPaths];
        var values = new double[pilotPaths];
        ForwardToExpiry<TLane, TMask>(grid, seed, logs, spots, values);

        var coefficients = new double[(n + 1) * m];
        var boundaries = new double[n + 1];
        var hasRule = new bool[n + 1];
        var inTheMoney = new long[n + 1];
        var equations = new NormalEquations(m);
        var discounts = grid.Discounts;
        var evenNormals = new double[pilotPaths];
        var evenStored = false;
        // Merton (1973): a call with q ≤ 0 and r ≥ q (a put with r ≤ 0 and q ≥ r) is never worth exercising early, where a
        // fitted rule could only lose value to regression noise; such contracts get no rule at all.
        var mayExercise = grid.IsCall ? !(grid.Model.DividendYield <= 0.0 && grid.Model.Rate >= grid.Model.DividendYield)
            : !(grid.Model.Rate <= 0.0 && grid.Model.DividendYield >= grid.Model.Rate);
        for (var date = mayExercise ? n - 1 : 0; date >= 1; date--)
        {
            equations.Clear();
            var next = date + 1;
            var applyRule = next < n && hasRule[next];
            var targetScale = 1.0 / (grid.IsCall ? discounts[date] : grid.Strike * discounts[date]);
            for (var p = 0; p < pilotPaths; p += TLane.Width)
            {
                var value = TLane.Load(values, p);
                if (applyRule)
                {
                    value = ApplyRule<TLane, TMask>(grid, boundaries[next], discounts[next], TLane.Load(spots, p), value);
                }

                TLane z;
                if (evenStored)
                {
                    z = TLane.Load(evenNormals, p);
                }
                else
                {
                    LaneNormals.Pair<TLane>(seed, LongstaffSchwartzEngine.PolicyPathOffset + (ulong)p, (uint)(date >> 1), 0, out var even, out var odd);
                    z = (date & 1) == 0 ? even : odd;
                    TLane.Store(even, evenNormals, p);
                }

                var log = TLane.Load(logs, p) - (grid.Drift + (z * grid.Diffusion));
                var spot = TLane.Exp(log) * grid.Spot;
                TLane.Store(log, logs, p);
                TLane.Store(spot, spots, p);
                TLane.Store(value, values, p);
                var target = grid.IsCall ? (value * targetScale) / spot : value * targetScale;
                AddInTheMoney<TLane, TMask>(grid, equations, spot, target);
            }

            // Z_(2q) and Z_(2q+1) come from one generator call: the odd date keeps the even normal for the next sweep.
            evenStored = (date & 1) == 1;
            inTheMoney[date] = equations.Count;
            var beta = coefficients.AsSpan(date * m, m);
            if (equations.Count >= LongstaffSchwartzEngine.MinInTheMoneyPaths && equations.TrySolve(beta))
            {
                boundaries[date] = ExerciseRule.Boundary(beta);
                hasRule[date] = boundaries[date] > 0.0;
            }
            else
            {
                beta.Clear();
            }
        }

        var continuation = StartValue<TLane, TMask>(grid, n > 1 && hasRule[1] ? boundaries[1] : 0.0, spots, values);
        var intrinsicAtStart = (grid.Spot - grid.Strike) * grid.Theta;
        return new ExercisePolicy(grid, seed, pilotPaths, m, coefficients, boundaries, hasRule, inTheMoney, continuation, intrinsicAtStart > continuation);
    }

    private static void ForwardToExpiry<TLane, TMask>(ExerciseGrid grid, ulong seed, double[] logs, double[] spots, double[] values)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var n = grid.Steps;
        var expiryDiscount = grid.Discounts[n];
        for (var p = 0; p < logs.Length; p += TLane.Width)
        {
            var log = TLane.Constant(0.0);
            for (var step = 0; step < n; step += 2)
            {
                LaneNormals.Pair<TLane>(seed, LongstaffSchwartzEngine.PolicyPathOffset + (ulong)p, (uint)(step >> 1), 0, out var even, out var odd);
                log += grid.Drift + (even * grid.Diffusion);
                if (step + 1 < n)
                {
                    log += grid.Drift + (odd * grid.Diffusion);
                }
            }

            var spot = TLane.Exp(log) * grid.Spot;
            var intrinsic = grid.Intrinsic<TLane, TMask>(spot);
            var zero = TLane.Constant(0.0);
            TLane.Store(log, logs, p);
            TLane.Store(spot, spots, p);
            TLane.Store(TLane.Select(TLane.GreaterThan(intrinsic, zero), intrinsic * expiryDiscount, zero), values, p);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLane ApplyRule<TLane, TMask>(ExerciseGrid grid, double boundary, double discount, TLane spot, TLane value)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var intrinsic = grid.Intrinsic<TLane, TMask>(spot);
        var exercise = ExerciseRule.Exercises<TLane, TMask>(boundary, grid.Moneyness<TLane, TMask>(spot), intrinsic);
        return TLane.Select(exercise, intrinsic * discount, value);
    }

    private static void AddInTheMoney<TLane, TMask>(ExerciseGrid grid, NormalEquations equations, TLane spot, TLane target)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var intrinsic = grid.Intrinsic<TLane, TMask>(spot);
        var inTheMoney = TLane.GreaterThan(intrinsic, TLane.Constant(0.0));
        if (!TLane.Any(inTheMoney))
        {
            return;
        }

        Span<double> x = stackalloc double[TLane.Width];
        Span<double> y = stackalloc double[TLane.Width];
        Span<double> flag = stackalloc double[TLane.Width];
        TLane.Store(grid.Moneyness<TLane, TMask>(spot), x, 0);
        TLane.Store(target, y, 0);
        TLane.Store(TLane.Select(inTheMoney, TLane.Constant(1.0), TLane.Constant(0.0)), flag, 0);
        for (var lane = 0; lane < TLane.Width; lane++)
        {
            if (flag[lane] != 0.0)
            {
                equations.Add(x[lane], y[lane]);
            }
        }
    }

    private static double StartValue<TLane, TMask>(ExerciseGrid grid, double boundary, double[] spots, double[] values)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var scale = FixedPointScale.Medium;
        var sum = Int128.Zero;
        Span<double> lanes = stackalloc double[TLane.Width];
        var discount = grid.Steps > 1 ? grid.Discounts[1] : 0.0;
        for (var p = 0; p < values.Length; p += TLane.Width)
        {
            var value = TLane.Load(values, p);
            if (boundary > 0.0)
            {
                value = ApplyRule<TLane, TMask>(grid, boundary, discount, TLane.Load(spots, p), value);
            }

            TLane.Store(value, lanes, 0);
            for (var lane = 0; lane < TLane.Width; lane++)
            {
                if (!(Math.Abs(lanes[lane]) <= NormalEquations.MaxTarget))
                {
                    InputGuard.Fail("payoff", string.Create(CultureInfo.InvariantCulture, $"a pilot cash flow {lanes[lane]:R} is out of the fixed-point range |x| <= 2^46"));
                }

                sum += FixedPointAccumulator.ToScaled(lanes[lane], scale);
            }
        }

        return FixedPointAccumulator.FromScaledSum(scale, sum, (ulong)values.Length).ToDouble() / values.Length;
    }
}
