using Assay.Numerics;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Closed-form value of geometric-average-price Asian options, continuous (Kemna &amp; Vorst 1990) or discrete.</summary>
/// <remarks>
/// Under Black–Scholes–Merton ln S_t = ln S + (b − σ²/2)t + σW_t with b = r − q, so the log of a geometric average
/// G is Gaussian and the option is a Black formula on G:
/// V = e^(−rT)·φ·[F_G·N(φd1) − K·N(φd2)], F_G = E[G] = S·e^((b − σ²/2)·t̄ + v/2), d1 = [ln(F_G/K) + v/2]/√v, d2 = d1 − √v.
/// Continuous averaging over [0, T]: t̄ = T/2, v = σ²T/3 (Kemna &amp; Vorst 1990; Haug 2007 §4.20.1, b_A = (b − σ²/6)/2,
/// σ_A = σ/√3). Discrete fixings at t_i = i·T/N: t̄ = (1/N)Σt_i = T(N+1)/(2N) and
/// v = (σ²/N²)ΣΣ min(t_i, t_j) = σ²T(N+1)(2N+1)/(6N²), which tends to the continuous values as N → ∞.
/// </remarks>
public static class GeometricAsianOption
{
    /// <summary>Largest accepted fixing count N.</summary>
    public const int MaxFixingCount = 100_000;

    /// <summary>Present value of the geometric Asian option described by <paramref name="p"/>.</summary>
    /// <exception cref="PricingInputException">An input is outside its allowed range (the message names the field).</exception>
    public static double Price(in GeometricAsianParameters p)
    {
        Validate(p);
        double meanTimeYears;
        double varianceFactor;
        if (p.Averaging == AsianAveraging.Continuous)
        {
            meanTimeYears = 0.5 * p.ExpiryYears;
            varianceFactor = 1.0 / 3.0;
        }
        else
        {
            double n = p.FixingCount;
            meanTimeYears = p.ExpiryYears * (n + 1.0) / (2.0 * n);
            varianceFactor = (n + 1.0) * ((2.0 * n) + 1.0) / (6.0 * n * n);
        }

        var variance = p.Volatility * p.Volatility * p.ExpiryYears * varianceFactor;
        var stdDev = DMath.Sqrt(variance);
        var logForwardOverSpot = ((p.Rate - p.DividendYield - (0.5 * p.Volatility * p.Volatility)) * meanTimeYears) + (0.5 * variance);
        var d1 = ((DMath.Log(p.Spot / p.Strike) + logForwardOverSpot) / stdDev) + (0.5 * stdDev);
        var d2 = d1 - stdDev;
        var phi = p.Type == OptionType.Call ? 1.0 : -1.0;
        var forward = p.Spot * DMath.Exp(logForwardOverSpot);
        return DMath.Exp(-p.Rate * p.ExpiryYears) * phi * ((forward * Normal.Cdf(phi * d1)) - (p.Strike * Normal.Cdf(phi * d2)));
    }

    private static void Validate(in GeometricAsianParameters p)
    {
        if (!Enum.IsDefined(p.Type))
        {
            InputGuard.Fail("type", "type must be Call or Put");
        }

        if (!Enum.IsDefined(p.Averaging))
        {
            InputGuard.Fail("averaging", "averaging must be Continuous or Discrete");
        }

        InputGuard.Positive(p.Spot, "S");
        InputGuard.Positive(p.Strike, "K");
        InputGuard.Positive(p.ExpiryYears, "T");
        InputGuard.Finite(p.Rate, "r");
        InputGuard.Finite(p.DividendYield, "q");
        InputGuard.Positive(p.Volatility, "sigma");
        if (p.Averaging == AsianAveraging.Discrete)
        {
            InputGuard.InRange(p.FixingCount, "n_fixings", 1, MaxFixingCount);
        }
    }
}
