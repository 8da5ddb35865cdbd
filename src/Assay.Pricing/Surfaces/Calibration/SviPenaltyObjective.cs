namespace Assay.Pricing.Surfaces.Calibration;

/// <summary>The no-arbitrage re-fit objective over raw (a, b, ρ, m, σ): relative residual plus λ × squared violations.</summary>
/// <remarks>
/// Terms, each squared and summed over the grid: max(<see cref="DensityMargin"/> − g(k), 0) (butterfly, aiming slightly
/// inside the admissible set so that the result passes the check), max((w_prev(k) − w(k))/v̄ + <see cref="CalendarMargin"/>, 0) (calendar
/// against the earlier slice, scaled by the root-mean-square quoted total variance v̄), and the slice's own bounds: max(b(1 + |ρ|) − 2, 0) (Lee)
/// and max(−(a + bσ√(1 − ρ²)), 0)/v̄ (non-negative minimum variance). The residual is Σwᵢ(w(kᵢ) − vᵢ)²/Σwᵢvᵢ².
/// </remarks>
internal readonly struct SviPenaltyObjective(SliceData data, ArbitrageGrid grid, SviParameters? previous, double lambda) : IObjective
{
    /// <summary>The re-fit aims for g(k) ≥ this margin.</summary>
    public const double DensityMargin = 1e-4;

    /// <summary>The re-fit aims for w(k) − w_prev(k) ≥ this margin × v̄.</summary>
    public const double CalendarMargin = 1e-6;

    public double Evaluate(ReadOnlySpan<double> x)
    {
        var p = new SviParameters(x[0], x[1], x[2], x[3], x[4]);
        var vBar = Math.Sqrt(data.WeightedSquares / Sum(data.Weights));
        var penalty = 0.0;
        var lee = (p.B * (1.0 + Math.Abs(p.Rho))) - SviLimits.WingSlopeMax;
        if (lee > 0)
        {
            penalty += lee * lee;
        }

        var minimum = p.MinimumTotalVariance;
        if (minimum < 0)
        {
            var e = minimum / vBar;
            penalty += 1.0 + (e * e);
        }

        for (var j = 0; j < grid.Points; j++)
        {
            var k = grid.At(j);
            var g = p.ButterflyDensity(k);
            if (double.IsNaN(g))
            {
                penalty += 1.0;
            }
            else if (g < DensityMargin)
            {
                var e = DensityMargin - g;
                penalty += e * e;
            }

            if (previous is { } earlier)
            {
                var dw = ((earlier.TotalVariance(k) - p.TotalVariance(k)) / vBar) + CalendarMargin;
                if (dw > 0)
                {
                    penalty += dw * dw;
                }
            }
        }

        return (data.Residual(p) / data.WeightedSquares) + (lambda * penalty);
    }

    /// <summary>Whether a slice still shows any violation the re-fit removes (butterfly or calendar on the grid).</summary>
    public static bool Violated(in SviParameters p, SviParameters? previous, ArbitrageGrid grid)
    {
        for (var j = 0; j < grid.Points; j++)
        {
            var k = grid.At(j);
            if (!(p.ButterflyDensity(k) >= -ArbitrageCheck.ButterflyTolerance))
            {
                return true;
            }

            if (previous is { } earlier && p.TotalVariance(k) - earlier.TotalVariance(k) < -ArbitrageCheck.CalendarTolerance)
            {
                return true;
            }
        }

        return false;
    }

    private static double Sum(double[] values)
    {
        var s = 0.0;
        foreach (var v in values)
        {
            s += v;
        }

        return s;
    }
}
