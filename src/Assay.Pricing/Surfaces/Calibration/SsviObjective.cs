namespace Assay.Pricing.Surfaces.Calibration;

/// <summary>The SSVI objective over the global (ρ, η, γ) with the slices' θ fixed: Σ_slices Σᵢ wᵢ((w(kᵢ, θ) − vᵢ)/T)².</summary>
/// <remarks>
/// Residuals are divided by T (implied-variance units) so that long expiries, whose total variances are larger, do not
/// dominate. η is capped at 2/(1 + |ρ|) inside the objective (the no-arbitrage condition of §4.4), so every point
/// the optimiser visits is an arbitrage-free surface; <see cref="Effective"/> applies the same cap to the result.
/// </remarks>
internal readonly struct SsviObjective(SliceData[] slices, double[] thetas) : IObjective
{
    public double Evaluate(ReadOnlySpan<double> x)
    {
        var p = Effective(x[0], x[1], x[2]);
        var sum = 0.0;
        for (var s = 0; s < slices.Length; s++)
        {
            sum += SliceResidual(slices[s], p, thetas[s]);
        }

        return sum;
    }

    /// <summary>The parameters with η capped at 2/(1 + |ρ|).</summary>
    public static SsviParameters Effective(double rho, double eta, double gamma) =>
        new(rho, Math.Min(eta, 2.0 / (1.0 + Math.Abs(rho))), gamma);

    /// <summary>One slice's term of the objective.</summary>
    public static double SliceResidual(SliceData data, in SsviParameters p, double theta)
    {
        var svi = p.ToSvi(theta);
        var scale = 1.0 / (data.ExpiryYears * data.ExpiryYears);
        return data.Residual(svi) * scale;
    }
}
