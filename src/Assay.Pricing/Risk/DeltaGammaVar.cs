using System.Globalization;
using Assay.Numerics;

namespace Assay.Pricing.Risk;

/// <summary>Parametric VaR: delta–gamma–theta P&amp;L, its first four cumulants in closed form, and a Cornish–Fisher quantile.</summary>
/// <remarks>
/// <para>Model: ΔP = Θ·τ + aᵀR + ½RᵀBR with R ~ N(0, Σ) the h-day log returns, a_i = S_i·Δ_i (cash delta),
/// B = diag(S_i²·Γ_i + S_i·Δ_i) (cross-gammas are zero because every position has one underlying), Θ the portfolio
/// theta per year and τ = h/365. The scenario methods revalue at S_i·e^(R_i), so to second order
/// ΔS_i = S_i·(R_i + R_i²/2) and ΔP ≈ Δ_i·ΔS_i + ½Γ_i·ΔS_i² = S_iΔ_i·R_i + ½(S_i²Γ_i + S_iΔ_i)·R_i²: the S_i·Δ_i part of B
/// is the convexity of the exponential, not of the options. Drift of R is taken as zero over the horizon.</para>
/// <para>Cumulants (Mina and Ulmer, "Delta-Gamma Four Ways", RiskMetrics Group, 1999; Zangari, "A VaR methodology for
/// portfolios that include options", RiskMetrics Monitor Q1 1996): with M = BΣ,
/// κ1 = Θτ + ½ tr M; κ2 = aᵀΣa + ½ tr M²; κ3 = 3 aᵀΣBΣa + tr M³; κ4 = 12 aᵀΣBΣBΣa + 3 tr M⁴.</para>
/// <para>Quantile (Cornish and Fisher 1937, to the order of κ3², κ4): with z = Φ⁻¹(1 − c), S = κ3/κ2^(3/2), K = κ4/κ2²,
/// w = z + (z² − 1)S/6 + (z³ − 3z)K/24 − (2z³ − 5z)S²/36, VaR = −(κ1 + √κ2·w).</para>
/// <para>Expected shortfall from the same approximation: the mean of the Cornish–Fisher quantile over the tail levels
/// u ∈ (0, 1 − c), ES = −(κ1 + √κ2·(1/(1 − c))·∫_{−∞}^{z} w(x)φ(x)dx), in closed form through
/// ∫_{−∞}^{z} xᵏφ = Φ(z), −φ(z), Φ(z) − zφ(z), −(z² + 2)φ(z) for k = 0…3 (Maillard, "A User's Guide to the Cornish
/// Fisher Expansion", SSRN 1997178, 2012, discusses this conditional VaR). For a normal P&amp;L (S = K = 0) these are
/// exactly VaR = −κ1 + z_c·√κ2 and ES = −κ1 + √κ2·φ(z)/(1 − c).</para>
/// <para>Limits: the expansion is a good approximation only for moderate skewness and kurtosis, and w is not monotone in
/// z far outside that domain (docs/risk-var.md).</para>
/// </remarks>
public static class DeltaGammaVar
{
    /// <summary>Runs the parametric method.</summary>
    /// <exception cref="PricingInputException">An input is out of range; the message names the field.</exception>
    public static VarResult Run(in ParametricVarParameters p)
    {
        TailRisk.ValidateConfidence(p.Confidence);
        RiskHorizon.Validate(p.HorizonDays);
        ArgumentNullException.ThrowIfNull(p.Covariance);
        if (p.Covariance.HorizonDays != p.HorizonDays)
        {
            InputGuard.Fail("horizon_days", string.Create(CultureInfo.InvariantCulture, $"horizon_days is {p.HorizonDays} but the covariance is of {p.Covariance.HorizonDays}-day returns"));
        }

        var valuation = PortfolioValuation.Create(p.Portfolio, p.Market, p.HorizonDays);
        var n = valuation.Factors.Count;
        var covariance = p.Covariance.Select(valuation.Factors);
        var delta = new double[n];
        var gamma = new double[n];
        var theta = valuation.Sensitivities(delta, gamma);
        var linear = new double[n];
        var quadratic = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var s = valuation.Spots[i];
            linear[i] = s * delta[i];
            quadratic[(i * n) + i] = (s * s * gamma[i]) + (s * delta[i]);
        }

        var moments = Moments(linear, quadratic, covariance, theta * valuation.HorizonYears);
        var tail = CornishFisher(moments, p.Confidence);
        if (!IsMonotoneTail(moments, p.Confidence) || !(tail.ExpectedShortfall >= tail.ValueAtRisk) || !double.IsFinite(tail.ExpectedShortfall))
        {
            InputGuard.Fail(
                "method",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the Cornish-Fisher expansion does not hold for this portfolio (skewness {moments.Skewness:G4}, excess kurtosis {moments.ExcessKurtosis:G4}: its quantile is not increasing at the VaR or its ES is below its VaR); use --method mc or --method historical"));
        }

        return new VarResult(VarMethod.Parametric, p.Confidence, p.HorizonDays, tail.ValueAtRisk, tail.ExpectedShortfall, 0, ReadOnlyMemory<double>.Empty);
    }

    /// <summary>The first four cumulants of ΔP = drift + aᵀR + ½RᵀBR for R ~ N(0, Σ).</summary>
    /// <param name="linear">a, one entry per factor.</param>
    /// <param name="quadratic">B, symmetric, row-major, n × n.</param>
    /// <param name="covariance">Σ, symmetric positive semi-definite, row-major, n × n.</param>
    /// <param name="drift">A constant added to ΔP (the time decay Θτ).</param>
    /// <exception cref="ArgumentException">The lengths do not match or an entry is not finite.</exception>
    public static DeltaGammaMoments Moments(ReadOnlySpan<double> linear, ReadOnlySpan<double> quadratic, ReadOnlySpan<double> covariance, double drift)
    {
        var n = linear.Length;
        if (quadratic.Length != n * n || covariance.Length != n * n)
        {
            throw new ArgumentException($"with {n} factors, quadratic and covariance need {n * n} entries each (got {quadratic.Length} and {covariance.Length})", nameof(quadratic));
        }

        if (!AllFinite(linear) || !AllFinite(quadratic) || !AllFinite(covariance) || !double.IsFinite(drift))
        {
            throw new ArgumentException("every entry of linear, quadratic, covariance and drift must be finite", nameof(linear));
        }

        var m = new double[n * n];
        MatrixProduct(quadratic, covariance, m, n);
        var m2 = new double[n * n];
        MatrixProduct(m, m, m2, n);
        var v = new double[n];
        MatrixVector(covariance, linear, v, n);
        var w = new double[n];
        MatrixVector(quadratic, v, w, n);
        var sigmaW = new double[n];
        MatrixVector(covariance, w, sigmaW, n);

        var aSigmaA = Dot(linear, v);
        var aSigmaBSigmaA = Dot(v, w);
        var aSigmaBSigmaBSigmaA = Dot(w, sigmaW);
        var traceM = 0.0;
        for (var i = 0; i < n; i++)
        {
            traceM += m[(i * n) + i];
        }

        var traceM2 = TraceOfProduct(m, m, n);
        var traceM3 = TraceOfProduct(m2, m, n);
        var traceM4 = TraceOfProduct(m2, m2, n);
        return new DeltaGammaMoments(
            drift + (0.5 * traceM),
            aSigmaA + (0.5 * traceM2),
            (3.0 * aSigmaBSigmaA) + traceM3,
            (12.0 * aSigmaBSigmaBSigmaA) + (3.0 * traceM4));
    }

    /// <summary>Cornish–Fisher VaR and ES at <paramref name="confidence"/> of a P&amp;L with the given cumulants (see the type remarks).</summary>
    /// <exception cref="PricingInputException">Field <c>confidence</c> out of (0.5, 1).</exception>
    public static TailEstimate CornishFisher(in DeltaGammaMoments moments, double confidence)
    {
        TailRisk.ValidateConfidence(confidence);
        var alpha = 1.0 - confidence;
        var z = Normal.InverseCdf(alpha);
        var sigma = moments.StandardDeviation;
        var s = moments.Skewness;
        var k = moments.ExcessKurtosis;
        var z2 = z * z;
        var z3 = z2 * z;
        var w = z + ((z2 - 1.0) * s / 6.0) + ((z3 - (3.0 * z)) * k / 24.0) - (((2.0 * z3) - (5.0 * z)) * s * s / 36.0);

        // ∫_{−∞}^{z} xᵏ φ(x) dx for k = 0..3, with Φ(z) = α.
        var pdf = Normal.Pdf(z);
        var i0 = alpha;
        var i1 = -pdf;
        var i2 = alpha - (z * pdf);
        var i3 = -(z2 + 2.0) * pdf;
        var tailMean = (i1 + ((i2 - i0) * s / 6.0) + ((i3 - (3.0 * i1)) * k / 24.0) - (((2.0 * i3) - (5.0 * i1)) * s * s / 36.0)) / alpha;

        return new TailEstimate(-(moments.Mean + (sigma * w)), -(moments.Mean + (sigma * tailMean)), 0);
    }

    /// <summary>Whether the Cornish–Fisher map w(x) is increasing at the quantile z itself (it must be, for w(z) to be a quantile).</summary>
    /// <remarks>Far in the tail w(x) turns back for most skewed P&amp;Ls (Maillard 2012, §4); that region carries little of the
    /// tail weight, so only the VaR point itself and ES ≥ VaR are required, and docs/risk-var.md points to the Monte Carlo
    /// method as the reference.</remarks>
    private static bool IsMonotoneTail(in DeltaGammaMoments moments, double confidence)
    {
        var z = Normal.InverseCdf(1.0 - confidence);
        var s = moments.Skewness;
        var k = moments.ExcessKurtosis;
        var slope = 1.0 + (z * s / 3.0) + (((3.0 * z * z) - 3.0) * k / 24.0) - (((6.0 * z * z) - 5.0) * s * s / 36.0);
        return slope > 0.0;
    }

    private static void MatrixProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> result, int n)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += x[(i * n) + k] * y[(k * n) + j];
                }

                result[(i * n) + j] = sum;
            }
        }
    }

    private static void MatrixVector(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> result, int n)
    {
        for (var i = 0; i < n; i++)
        {
            result[i] = Dot(x.Slice(i * n, n), v);
        }
    }

    private static double TraceOfProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int n)
    {
        var trace = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < n; k++)
            {
                trace += x[(i * n) + k] * y[(k * n) + i];
            }
        }

        return trace;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
