namespace Assay.Pricing.Surfaces;

/// <summary>Raw SVI parameters of one expiry slice: w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)).</summary>
/// <remarks>
/// Gatheral (2004), "A parsimonious arbitrage-free implied volatility parameterization", Global Derivatives.
/// w is the total implied variance σ_BS²·T and k = ln(K/F) the log forward moneyness. The slice is well formed
/// when b ≥ 0, |ρ| &lt; 1, σ &gt; 0 and a + bσ√(1 − ρ²) ≥ 0 (the minimum of w is not negative); see
/// <see cref="Validate"/>. Field names in errors: a, b, rho, m, sigma.
/// </remarks>
/// <param name="A">Level a (total variance units).</param>
/// <param name="B">Wing slope scale b ≥ 0.</param>
/// <param name="Rho">Skew ρ, |ρ| &lt; 1.</param>
/// <param name="M">Horizontal shift m (log-moneyness units).</param>
/// <param name="Sigma">Curvature at the money σ &gt; 0 (log-moneyness units).</param>
public readonly record struct SviParameters(double A, double B, double Rho, double M, double Sigma)
{
    /// <summary>The total implied variance w(k).</summary>
    /// <param name="logMoneyness">k = ln(K/F).</param>
    public double TotalVariance(double logMoneyness)
    {
        var x = logMoneyness - M;
        return A + (B * ((Rho * x) + Math.Sqrt((x * x) + (Sigma * Sigma))));
    }

    /// <summary>The first derivative w'(k) = b(ρ + (k − m)/√((k − m)² + σ²)).</summary>
    /// <param name="logMoneyness">k = ln(K/F).</param>
    public double Slope(double logMoneyness)
    {
        var x = logMoneyness - M;
        return B * (Rho + (x / Math.Sqrt((x * x) + (Sigma * Sigma))));
    }

    /// <summary>The second derivative w''(k) = bσ²/((k − m)² + σ²)^(3/2).</summary>
    /// <param name="logMoneyness">k = ln(K/F).</param>
    public double Curvature(double logMoneyness)
    {
        var x = logMoneyness - M;
        var r2 = (x * x) + (Sigma * Sigma);
        return B * Sigma * Sigma / (r2 * Math.Sqrt(r2));
    }

    /// <summary>The minimum of w over k, a + bσ√(1 − ρ²).</summary>
    public double MinimumTotalVariance => A + (B * Sigma * Math.Sqrt(1.0 - (Rho * Rho)));

    /// <summary>Gatheral–Jacquier's density function g(k); a negative value is butterfly arbitrage.</summary>
    /// <remarks>
    /// g(k) = (1 − kw'/(2w))² − (w'²/4)(1/w + 1/4) + w''/2 (Gatheral and Jacquier 2014, "Arbitrage-free SVI volatility
    /// surfaces", Quantitative Finance 14(1), §2.2): the risk-neutral density is g(k)/√(2πw)·exp(−d₂²/2), so the
    /// slice is free of butterfly arbitrage exactly when g ≥ 0 (and w &gt; 0). NaN when w ≤ 0.
    /// </remarks>
    /// <param name="logMoneyness">k = ln(K/F).</param>
    public double ButterflyDensity(double logMoneyness)
    {
        var w = TotalVariance(logMoneyness);
        if (!(w > 0))
        {
            return double.NaN;
        }

        var w1 = Slope(logMoneyness);
        var w2 = Curvature(logMoneyness);
        var first = 1.0 - (logMoneyness * w1 / (2.0 * w));
        return (first * first) - (w1 * w1 / 4.0 * ((1.0 / w) + 0.25)) + (w2 / 2.0);
    }

    /// <summary>Throws <see cref="PricingInputException"/> naming the first parameter out of range.</summary>
    public void Validate()
    {
        InputGuard.Finite(A, "a");
        InputGuard.NonNegative(B, "b");
        InputGuard.InRange(Rho, "rho", -SviLimits.RhoMax, SviLimits.RhoMax);
        InputGuard.Finite(M, "m");
        InputGuard.Positive(Sigma, "sigma");
        if (!(MinimumTotalVariance >= 0))
        {
            InputGuard.Fail("a", FormattableString.Invariant(
                $"a must be >= -b*sigma*sqrt(1-rho^2) = {-(B * Sigma * Math.Sqrt(1.0 - (Rho * Rho))):R} so that the total variance is not negative (got {A:R})"));
        }
    }
}
