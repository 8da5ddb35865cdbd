namespace Assay.Pricing.Surfaces.Calibration;

/// <summary>Fits one raw SVI slice: quasi-explicit reduction to (m, σ), a fixed start grid and Nelder–Mead.</summary>
/// <remarks>
/// The (m, σ) box is m ∈ [k_min − span, k_max + span] (span = k_max − k_min of the quotes) and σ ∈ [<see
/// cref="SviLimits.SigmaMin"/>, <see cref="SviLimits.SigmaMax"/>]. The reduced objective is evaluated on a fixed
/// 11 × 8 grid (m evenly spaced, σ ∈ {0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6}); Nelder–Mead runs from the
/// <see cref="Starts"/> best grid points and the best result wins (the earlier start on a tie).
/// </remarks>
internal static class SviSliceFitter
{
    /// <summary>Nelder–Mead iterations per run (each start runs twice: once, then restarted).</summary>
    public const int MaxIterations = 300;

    /// <summary>How many grid points seed a Nelder–Mead search.</summary>
    public const int Starts = 3;

    /// <summary>Nelder–Mead iterations per penalty round of the no-arbitrage re-fit.</summary>
    public const int PenaltyMaxIterations = 600;

    private const int GridM = 11;

    private static readonly double[] GridSigma = [0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6];

    /// <summary>The penalty weights tried in turn by the no-arbitrage re-fit, until no violation is left.</summary>
    private static readonly double[] PenaltyWeights = [1.0, 1e2, 1e4, 1e6];

    /// <summary>The unconstrained (no arbitrage penalty) fit of one slice.</summary>
    public static (SviParameters Parameters, int Iterations) Fit(SliceData data)
    {
        var span = Math.Max(data.KMax - data.KMin, 1e-3);
        Span<double> lower = [data.KMin - span, SviLimits.SigmaMin];
        Span<double> upper = [data.KMax + span, SviLimits.SigmaMax];
        var objective = new SviReducedObjective(data);

        // Fixed grid, scanned m-major; keep the Starts best in order of value (earlier point first on ties).
        Span<double> startValue = stackalloc double[Starts];
        Span<double> startM = stackalloc double[Starts];
        Span<double> startSigma = stackalloc double[Starts];
        startValue.Fill(double.PositiveInfinity);
        Span<double> point = stackalloc double[2];
        for (var i = 0; i < GridM; i++)
        {
            point[0] = lower[0] + (i * ((upper[0] - lower[0]) / (GridM - 1)));
            foreach (var s in GridSigma)
            {
                point[1] = s;
                var f = objective.Evaluate(point);
                if (double.IsNaN(f))
                {
                    continue;
                }

                for (var r = 0; r < Starts; r++)
                {
                    if (f < startValue[r])
                    {
                        for (var q = Starts - 1; q > r; q--)
                        {
                            startValue[q] = startValue[q - 1];
                            startM[q] = startM[q - 1];
                            startSigma[q] = startSigma[q - 1];
                        }

                        startValue[r] = f;
                        startM[r] = point[0];
                        startSigma[r] = s;
                        break;
                    }
                }
            }
        }

        var bestValue = double.PositiveInfinity;
        Span<double> best = [startM[0], startSigma[0]];
        Span<double> found = stackalloc double[2];
        var iterations = 0;
        for (var r = 0; r < Starts; r++)
        {
            if (double.IsPositiveInfinity(startValue[r]))
            {
                continue;
            }

            Span<double> start = [startM[r], startSigma[r]];
            var (value, used) = NelderMead.Minimize(ref objective, start, lower, upper, MaxIterations, found);
            iterations += used;
            if (value < bestValue)
            {
                bestValue = value;
                found.CopyTo(best);
            }
        }

        Span<double> adc = stackalloc double[3];
        _ = objective.Solve(best[0], best[1], adc);
        return (FromReduced(adc[0], adc[1], adc[2], best[0], best[1]), iterations);
    }

    /// <summary>Re-fits a slice with penalties on butterfly and calendar violations on the grid, raising the penalty until none is left.</summary>
    /// <param name="data">The slice quotes.</param>
    /// <param name="start">The unconstrained fit.</param>
    /// <param name="previous">The already fitted earlier slice (for the calendar penalty), if any.</param>
    /// <param name="grid">The k grid of the checks.</param>
    public static (SviParameters Parameters, int Iterations) RefitWithoutArbitrage(SliceData data, SviParameters start, SviParameters? previous, ArbitrageGrid grid)
    {
        var span = Math.Max(data.KMax - data.KMin, 1e-3);
        var aMax = Math.Max(data.VMax, 1e-12);
        Span<double> lower = [-aMax, 0.0, -SviLimits.RhoMax, data.KMin - span, SviLimits.SigmaMin];
        Span<double> upper = [aMax, SviLimits.WingSlopeMax, SviLimits.RhoMax, data.KMax + span, SviLimits.SigmaMax];
        Span<double> x = [start.A, start.B, start.Rho, start.M, start.Sigma];
        Span<double> found = stackalloc double[5];
        var iterations = 0;
        var current = start;
        foreach (var lambda in PenaltyWeights)
        {
            if (SviPenaltyObjective.Violated(current, previous, grid))
            {
                var objective = new SviPenaltyObjective(data, grid, previous, lambda);
                var (_, used) = NelderMead.Minimize(ref objective, x, lower, upper, PenaltyMaxIterations, found);
                iterations += used;
                found.CopyTo(x);
                current = new SviParameters(x[0], x[1], x[2], x[3], x[4]);
            }
        }

        return (current, iterations);
    }

    /// <summary>(a, b, ρ, m, σ) from the reduced coefficients: b = c/σ, ρ = d/c (0 when c = 0).</summary>
    private static SviParameters FromReduced(double a, double d, double c, double m, double sigma)
    {
        var rho = c > 0 ? Math.Clamp(d / c, -SviLimits.RhoMax, SviLimits.RhoMax) : 0.0;
        return new SviParameters(a, c / sigma, rho, m, sigma);
    }
}
