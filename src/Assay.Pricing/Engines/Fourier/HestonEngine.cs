using System.Globalization;
using Assay.Numerics;
using Assay.Pricing.Instruments;
using Assay.Pricing.Models;

namespace Assay.Pricing.Engines.Fourier;

/// <summary>Semi-analytic European option prices under the Heston model by one Fourier integral with a Black–Scholes control variate.</summary>
/// <remarks>
/// Price = Black(F, K, w) − D·(√(FK)/π)·∫₀^∞ Re[e^{iuk}(φ(u − i/2) − e^{−w(u² + ¼)/2})]/(u² + ¼) du (Lewis 2001;
/// control variate after Andersen &amp; Piterbarg 2010, §8.4), with φ in the "little trap" form (Albrecher et al. 2007)
/// and w = θT + (v0 − θ)(1 − e^{−κT})/κ, the expected integrated variance. The same correction serves calls and
/// puts because both models satisfy put–call parity. As σ_v → 0 the variance path is deterministic with integral w,
/// the integrand vanishes and the price tends to Black–Scholes with total variance w. The integral is truncated at a U
/// bounded from |φ| and computed by Gauss–Legendre rules of increasing order (four nodes per Vector256 evaluation)
/// until two consecutive rules agree, so the error estimate is at most <see cref="AbsoluteToleranceOfSpot"/>·S; if that
/// fails, globally adaptive Gauss–Kronrod (G10/K21) on u = L·t/(1 − t), L = 1/√w, is the fallback. See
/// <c>docs/pricing-heston.md</c>.
/// </remarks>
public static class HestonEngine
{
    /// <summary>The bound on <see cref="HestonResult.ErrorEstimate"/> as a fraction of spot, 1e−9 (the accuracy claim is 1e−8·S).</summary>
    /// <remarks>
    /// It is the sum of the truncation tolerance <see cref="TailToleranceOfSpot"/> and the largest accepted difference
    /// between two consecutive Gauss–Legendre rules, 9e−10·S. The accepted (larger) rule is far more accurate than that
    /// difference once the rules converge: over the reference grids the measured error is below 1e−10·S.
    /// </remarks>
    public const double AbsoluteToleranceOfSpot = 1e-9;

    /// <summary>The bound on the neglected tail of the integral as a fraction of spot, 1e−10.</summary>
    public const double TailToleranceOfSpot = 1e-10;

    /// <summary>The target of the adaptive Gauss–Kronrod fallback as a fraction of spot, 1e−10.</summary>
    /// <remarks>
    /// QUADPACK's error estimate can undershoot on oscillatory integrands: at a 1e−9 target one reference row was off by
    /// 6.9e−9·S, at 1e−10 the worst error over the reference grid is 3e−11·S.
    /// </remarks>
    public const double FallbackToleranceOfSpot = 1e-10;

    /// <summary>Largest allowed time to expiry in years.</summary>
    public const double MaxExpiryYears = 50.0;

    /// <summary>Smallest allowed time to expiry in years (about 53 minutes).</summary>
    public const double MinExpiryYears = 1e-4;

    /// <summary>Largest allowed |r| and |q|.</summary>
    public const double MaxAbsoluteRate = 1.0;

    /// <summary>Largest allowed v0 and θ (a 200% volatility).</summary>
    public const double MaxVariance = 4.0;

    /// <summary>Largest allowed κ, per year.</summary>
    public const double MaxKappa = 100.0;

    /// <summary>Largest allowed σ_v.</summary>
    public const double MaxSigmaV = 5.0;

    /// <summary>Allowed K/S range is [1/<see cref="MaxMoneynessRatio"/>, <see cref="MaxMoneynessRatio"/>].</summary>
    public const double MaxMoneynessRatio = 1000.0;

    private const double InversePi = 0.3183098861837907;

    /// <summary>The option value.</summary>
    /// <exception cref="PricingInputException">An input is outside its allowed range (see <see cref="HestonParameters"/>).</exception>
    public static double Price(in HestonParameters p) => Evaluate(p).Price;

    /// <summary>The option value with the quadrature's error estimate and work count.</summary>
    /// <exception cref="PricingInputException">An input is outside its allowed range (see <see cref="HestonParameters"/>).</exception>
    public static HestonResult Evaluate(in HestonParameters p)
    {
        Validate(p);
        var t = p.ExpiryYears;
        var discount = DMath.Exp(-p.Rate * t);
        var forward = p.Spot * DMath.Exp((p.Rate - p.DividendYield) * t);
        var logMoneyness = DMath.Log(p.Spot / p.Strike) + ((p.Rate - p.DividendYield) * t);
        var totalVariance = ExpectedIntegratedVariance(p.V0, p.Kappa, p.Theta, t);
        var black = Black(p.Type, forward, p.Strike, logMoneyness, totalVariance, discount);
        if (totalVariance == 0.0)
        {
            // v0 = θ = 0: the variance stays at zero, the forward is certain and the price is the discounted intrinsic value.
            return new HestonResult(black, 0.0, 0);
        }

        var prefactor = discount * DMath.Sqrt(forward * p.Strike) * InversePi;
        var scale = 1.0 / DMath.Sqrt(totalVariance);
        var integrand = new HestonLewisIntegrand(
            logMoneyness, t, p.V0, p.Kappa, p.Theta, p.SigmaV, p.Rho, totalVariance, scale);
        var toIntegral = p.Spot / prefactor;
        if (TruncatedGaussLegendre.TryIntegrate(
            integrand, logMoneyness, totalVariance, TailToleranceOfSpot * toIntegral,
            (AbsoluteToleranceOfSpot - TailToleranceOfSpot) * toIntegral, out var integral, out var error, out var evaluations))
        {
            return new HestonResult(black - (prefactor * integral), prefactor * error, evaluations);
        }

        // Slowly decaying or strongly oscillating integrands (|ρ| → 1, tiny w, extreme σ_v): adaptive quadrature on the
        // whole half line, mapped to [0, 1).
        var fallback = AdaptiveGaussKronrod.Integrate(
            integrand, 0.0, 1.0, FallbackToleranceOfSpot * toIntegral, out var fallbackError, out var fallbackEvaluations);
        return new HestonResult(black - (prefactor * fallback), prefactor * fallbackError, evaluations + fallbackEvaluations);
    }

    /// <summary>E[∫₀^T v dt] = θT + (v0 − θ)(1 − e^{−κT})/κ.</summary>
    internal static double ExpectedIntegratedVariance(double v0, double kappa, double theta, double expiryYears) =>
        (theta * expiryYears) + ((v0 - theta) * (-DMath.Expm1(-kappa * expiryYears) / kappa));

    /// <summary>The Black (1976) price on the forward with total variance <paramref name="totalVariance"/> (σ²T).</summary>
    private static double Black(
        OptionType type, double forward, double strike, double logMoneyness, double totalVariance, double discount)
    {
        if (totalVariance == 0.0)
        {
            var intrinsic = type == OptionType.Call ? forward - strike : strike - forward;
            return discount * Math.Max(intrinsic, 0.0);
        }

        var stdDev = DMath.Sqrt(totalVariance);
        var d1 = (logMoneyness / stdDev) + (0.5 * stdDev);
        var d2 = d1 - stdDev;
        return type == OptionType.Call
            ? discount * ((forward * Normal.Cdf(d1)) - (strike * Normal.Cdf(d2)))
            : discount * ((strike * Normal.Cdf(-d2)) - (forward * Normal.Cdf(-d1)));
    }

    private static void Validate(in HestonParameters p)
    {
        if (p.Type is not (OptionType.Call or OptionType.Put))
        {
            InputGuard.Fail("type", "type must be Call or Put");
        }

        InputGuard.Positive(p.Spot, "S");
        InputGuard.Positive(p.Strike, "K");
        var moneyness = p.Strike / p.Spot;
        if (!(moneyness >= 1.0 / MaxMoneynessRatio && moneyness <= MaxMoneynessRatio))
        {
            InputGuard.Fail(
                "K",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"K must be within [S/{MaxMoneynessRatio:R}, {MaxMoneynessRatio:R}*S] (got K={p.Strike:R}, S={p.Spot:R})"));
        }

        InputGuard.InRange(p.ExpiryYears, "T", MinExpiryYears, MaxExpiryYears);
        InputGuard.InRange(p.Rate, "r", -MaxAbsoluteRate, MaxAbsoluteRate);
        InputGuard.InRange(p.DividendYield, "q", -MaxAbsoluteRate, MaxAbsoluteRate);
        InputGuard.InRange(p.V0, "v0", 0.0, MaxVariance);
        InputGuard.Positive(p.Kappa, "kappa");
        InputGuard.InRange(p.Kappa, "kappa", 0.0, MaxKappa);
        InputGuard.InRange(p.Theta, "theta", 0.0, MaxVariance);
        InputGuard.Positive(p.SigmaV, "sigma_v");
        InputGuard.InRange(p.SigmaV, "sigma_v", 0.0, MaxSigmaV);
        InputGuard.InRange(p.Rho, "rho", -1.0, 1.0);
    }
}
