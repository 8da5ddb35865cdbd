namespace Assay.Pricing.Surfaces.Calibration;

/// <summary>Fits an SSVI surface with the power-law φ to all slices at once.</summary>
/// <remarks>
/// <list type="number">
/// <item>θᵢ starts as the at-the-money total variance w(0) of each slice's raw SVI fit, made non-decreasing by a running
/// maximum (calendar condition on θ).</item>
/// <item>(ρ, η, γ) start from the best point of a fixed 5 × 3 × 3 grid and are refined by Nelder–Mead in the box
/// |ρ| ≤ 0.999, η ∈ [1e−3, 2], γ ∈ [0.01, 0.5], with η capped at 2/(1 + |ρ|).</item>
/// <item>Each θᵢ, in increasing expiry, is refined by a golden-section search on [θᵢ₋₁, max(2θᵢ⁰, θᵢ₋₁)] with the
/// globals fixed, which keeps θ non-decreasing.</item>
/// <item>Steps 2 (from the previous result) and 3 are repeated <see cref="Rounds"/> times in total.</item>
/// </list>
/// </remarks>
internal static class SsviFitter
{
    /// <summary>Alternations of the global and per-slice steps.</summary>
    public const int Rounds = 2;

    /// <summary>Nelder–Mead iterations per run.</summary>
    public const int MaxIterations = 400;

    /// <summary>Golden-section steps per θ (the bracket shrinks by 0.618 per step).</summary>
    public const int GoldenSteps = 80;

    private const double EtaMin = 1e-3;

    private const double EtaMax = 2.0;

    private static readonly double[] GridRho = [-0.8, -0.4, 0.0, 0.4, 0.8];

    private static readonly double[] GridEta = [0.2, 0.5, 1.0];

    private static readonly double[] GridGamma = [0.1, 0.3, 0.5];

    /// <summary>The fit; returns the parameters, the θ per slice and the Nelder–Mead iterations taken.</summary>
    /// <param name="slices">The slices in increasing expiry.</param>
    /// <param name="initialThetas">θᵢ⁰ per slice, &gt; 0.</param>
    public static (SsviParameters Parameters, double[] Thetas, int Iterations) Fit(SliceData[] slices, double[] initialThetas)
    {
        var thetas = new double[slices.Length];
        for (var i = 0; i < slices.Length; i++)
        {
            thetas[i] = i == 0 ? initialThetas[0] : Math.Max(initialThetas[i], thetas[i - 1]);
        }

        Span<double> lower = [-SviLimits.RhoMax, EtaMin, SsviParameters.GammaMin];
        Span<double> upper = [SviLimits.RhoMax, EtaMax, SsviParameters.GammaMax];
        Span<double> x = stackalloc double[3];
        Span<double> point = stackalloc double[3];
        var objective = new SsviObjective(slices, thetas);
        var bestGrid = double.PositiveInfinity;
        foreach (var rho in GridRho)
        {
            foreach (var eta in GridEta)
            {
                foreach (var gamma in GridGamma)
                {
                    point[0] = rho;
                    point[1] = eta;
                    point[2] = gamma;
                    var f = objective.Evaluate(point);
                    if (f < bestGrid)
                    {
                        bestGrid = f;
                        point.CopyTo(x);
                    }
                }
            }
        }

        var iterations = 0;
        Span<double> found = stackalloc double[3];
        for (var round = 0; round < Rounds; round++)
        {
            objective = new SsviObjective(slices, thetas);
            var (_, used) = NelderMead.Minimize(ref objective, x, lower, upper, MaxIterations, found);
            iterations += used;
            found.CopyTo(x);
            var p = SsviObjective.Effective(x[0], x[1], x[2]);
            for (var i = 0; i < slices.Length; i++)
            {
                var lo = i == 0 ? Math.Min(thetas[0], initialThetas[0]) * 0.5 : thetas[i - 1];
                var hi = Math.Max(2.0 * initialThetas[i], lo);
                thetas[i] = GoldenSection(slices[i], p, lo, hi);
            }
        }

        return (SsviObjective.Effective(x[0], x[1], x[2]), thetas, iterations);
    }

    /// <summary>Minimises one slice's residual over θ ∈ [lo, hi] by golden-section search with a fixed step count.</summary>
    private static double GoldenSection(SliceData data, in SsviParameters p, double lo, double hi)
    {
        // (√5 − 1)/2, the golden-section ratio.
        const double Ratio = 0.6180339887498949;
        if (!(hi > lo))
        {
            return lo;
        }

        var a = lo;
        var b = hi;
        var c = b - (Ratio * (b - a));
        var d = a + (Ratio * (b - a));
        var fc = SsviObjective.SliceResidual(data, p, c);
        var fd = SsviObjective.SliceResidual(data, p, d);
        for (var step = 0; step < GoldenSteps; step++)
        {
            if (fc <= fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (Ratio * (b - a));
                fc = SsviObjective.SliceResidual(data, p, c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (Ratio * (b - a));
                fd = SsviObjective.SliceResidual(data, p, d);
            }
        }

        var mid = 0.5 * (a + b);
        var fm = SsviObjective.SliceResidual(data, p, mid);
        var fLo = SsviObjective.SliceResidual(data, p, lo);
        return fLo < fm ? lo : mid;
    }
}
