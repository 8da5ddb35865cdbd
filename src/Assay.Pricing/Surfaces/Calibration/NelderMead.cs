namespace Assay.Pricing.Surfaces.Calibration;

/// <summary>A deterministic box-constrained Nelder–Mead simplex search with fixed coefficients and iteration caps.</summary>
/// <remarks>
/// Nelder and Mead (1965), Computer Journal 7(4), with the standard coefficients reflection 1, expansion 2,
/// contraction 1/2, shrink 1/2 (Lagarias, Reeds, Wright and Wright 1998, SIAM J. Optim. 9(1), §2). Every trial point is
/// clamped into the box. Ties are broken by vertex index, so the path depends only on the objective's bits. The search
/// stops when the simplex spans less than <see cref="RelativeSize"/> of the box in every coordinate, when the spread of
/// values is below <see cref="RelativeSpread"/> of the best value, or at the iteration cap; it is then restarted once
/// from the best vertex with a fresh simplex, which frees a simplex that collapsed onto a face of the box.
/// </remarks>
internal static class NelderMead
{
    /// <summary>The most coordinates supported.</summary>
    public const int MaxDimension = 8;

    /// <summary>Stop when every coordinate of the simplex spans less than this fraction of the box.</summary>
    private const double RelativeSize = 1e-10;

    /// <summary>Stop when (worst − best) ≤ this × |best|.</summary>
    private const double RelativeSpread = 1e-14;

    /// <summary>The initial simplex steps, as fractions of the box: the first run, then the restart.</summary>
    private const double FirstStep = 0.05;

    private const double RestartStep = 0.01;

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>; the best point is written to <paramref name="best"/>.</summary>
    /// <returns>The best value and the iterations taken (both runs).</returns>
    public static (double Value, int Iterations) Minimize<T>(
        ref T objective,
        ReadOnlySpan<double> start,
        ReadOnlySpan<double> lower,
        ReadOnlySpan<double> upper,
        int maxIterations,
        Span<double> best)
        where T : struct, IObjective
    {
        var (_, first) = Run(ref objective, start, lower, upper, FirstStep, maxIterations, best);
        Span<double> restartFrom = stackalloc double[start.Length];
        best.CopyTo(restartFrom);
        var (value, second) = Run(ref objective, restartFrom, lower, upper, RestartStep, maxIterations, best);
        return (value, first + second);
    }

    private static (double Value, int Iterations) Run<T>(
        ref T objective,
        ReadOnlySpan<double> start,
        ReadOnlySpan<double> lower,
        ReadOnlySpan<double> upper,
        double step,
        int maxIterations,
        Span<double> best)
        where T : struct, IObjective
    {
        var n = start.Length;
        var vertices = n + 1;
        Span<double> x = stackalloc double[MaxDimension * (MaxDimension + 1)];
        Span<double> f = stackalloc double[MaxDimension + 1];
        Span<int> order = stackalloc int[MaxDimension + 1];
        Span<double> centroid = stackalloc double[MaxDimension];
        Span<double> reflected = stackalloc double[MaxDimension];
        Span<double> trial = stackalloc double[MaxDimension];
        centroid = centroid[..n];
        reflected = reflected[..n];
        trial = trial[..n];

        for (var j = 0; j < n; j++)
        {
            x[j] = Math.Clamp(start[j], lower[j], upper[j]);
        }

        for (var i = 1; i < vertices; i++)
        {
            var v = x.Slice(i * n, n);
            x[..n].CopyTo(v);
            var j = i - 1;
            var delta = step * (upper[j] - lower[j]);
            v[j] = v[j] + delta <= upper[j] ? v[j] + delta : v[j] - delta;
        }

        for (var i = 0; i < vertices; i++)
        {
            f[i] = Eval(ref objective, x.Slice(i * n, n));
            order[i] = i;
        }

        var iterations = 0;
        while (true)
        {
            Sort(f, order[..vertices]);
            var bestIndex = order[0];
            var worstIndex = order[n];
            var secondWorst = f[order[n - 1]];
            if (iterations >= maxIterations || Converged(x, f, order, n, lower, upper))
            {
                break;
            }

            iterations++;
            centroid.Clear();
            for (var r = 0; r < n; r++)
            {
                var v = x.Slice(order[r] * n, n);
                for (var j = 0; j < n; j++)
                {
                    centroid[j] += v[j];
                }
            }

            for (var j = 0; j < n; j++)
            {
                centroid[j] /= n;
            }

            var worst = x.Slice(worstIndex * n, n);
            Along(centroid, worst, -1.0, lower, upper, reflected);
            var fr = Eval(ref objective, reflected);
            if (fr < f[bestIndex])
            {
                Along(centroid, worst, -2.0, lower, upper, trial);
                var fe = Eval(ref objective, trial);
                if (fe < fr)
                {
                    Replace(x, f, worstIndex, n, trial, fe);
                }
                else
                {
                    Replace(x, f, worstIndex, n, reflected, fr);
                }

                continue;
            }

            if (fr < secondWorst)
            {
                Replace(x, f, worstIndex, n, reflected, fr);
                continue;
            }

            if (fr < f[worstIndex])
            {
                // Outside contraction, towards the reflected point.
                Along(centroid, worst, -0.5, lower, upper, trial);
                var fc = Eval(ref objective, trial);
                if (fc <= fr)
                {
                    Replace(x, f, worstIndex, n, trial, fc);
                    continue;
                }
            }
            else
            {
                // Inside contraction, towards the worst point.
                Along(centroid, worst, 0.5, lower, upper, trial);
                var fc = Eval(ref objective, trial);
                if (fc < f[worstIndex])
                {
                    Replace(x, f, worstIndex, n, trial, fc);
                    continue;
                }
            }

            // Shrink every vertex halfway towards the best.
            var b = x.Slice(bestIndex * n, n);
            for (var i = 0; i < vertices; i++)
            {
                if (i == bestIndex)
                {
                    continue;
                }

                var v = x.Slice(i * n, n);
                for (var j = 0; j < n; j++)
                {
                    v[j] = b[j] + (0.5 * (v[j] - b[j]));
                }

                f[i] = Eval(ref objective, v);
            }
        }

        x.Slice(order[0] * n, n).CopyTo(best);
        return (f[order[0]], iterations);
    }

    /// <summary>trial = clamp(centroid + t·(point − centroid)).</summary>
    private static void Along(ReadOnlySpan<double> centroid, ReadOnlySpan<double> point, double t, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, Span<double> trial)
    {
        for (var j = 0; j < centroid.Length; j++)
        {
            trial[j] = Math.Clamp(centroid[j] + (t * (point[j] - centroid[j])), lower[j], upper[j]);
        }
    }

    private static void Replace(Span<double> x, Span<double> f, int index, int n, ReadOnlySpan<double> point, double value)
    {
        point.CopyTo(x.Slice(index * n, n));
        f[index] = value;
    }

    private static double Eval<T>(ref T objective, ReadOnlySpan<double> x)
        where T : struct, IObjective
    {
        var value = objective.Evaluate(x);
        return double.IsNaN(value) ? double.PositiveInfinity : value;
    }

    private static bool Converged(ReadOnlySpan<double> x, ReadOnlySpan<double> f, ReadOnlySpan<int> order, int n, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        var fBest = f[order[0]];
        var fWorst = f[order[n]];
        if (fWorst - fBest <= RelativeSpread * Math.Abs(fBest))
        {
            return true;
        }

        for (var j = 0; j < n; j++)
        {
            var lo = double.PositiveInfinity;
            var hi = double.NegativeInfinity;
            for (var i = 0; i <= n; i++)
            {
                lo = Math.Min(lo, x[(i * n) + j]);
                hi = Math.Max(hi, x[(i * n) + j]);
            }

            if (hi - lo > RelativeSize * (upper[j] - lower[j]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Insertion sort of vertex indices by value; equal values keep the lower index first.</summary>
    private static void Sort(ReadOnlySpan<double> f, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        for (var i = 1; i < order.Length; i++)
        {
            var item = order[i];
            var j = i - 1;
            while (j >= 0 && f[order[j]] > f[item])
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = item;
        }
    }
}
