using System.Globalization;
using Assay.Numerics;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Closed-form value of floating-strike lookback options (Goldman, Sosin &amp; Gatto 1979).</summary>
/// <remarks>
/// Haug (2007) §4.15.1, written with η = +1 (call, m = running minimum) or −1 (put, m = running maximum),
/// s = σ√T, b = r − q, L = ln(S/m), β = 2b/σ², u = −L/s − s/2 and d1 = [L + (b + σ²/2)T]/s, d2 = d1 − s:
/// V = η[S·e^(−qT)·N(ηd1) − m·e^(−rT)·N(ηd2)] + S·e^(−rT)·h(β)/β,
/// h(β) = η[e^(−βL)·N(η(u + βs/2)) − e^(βs²/2)·N(η(u − βs/2))].
/// h(0) = 0, so h(β)/β is a removable singularity at r = q (Haug's 1/b factor). Where |β|·(|L| + s + s²) ≤ 0.01 the
/// engine evaluates h(β)/β = ∫₀¹ h′(βt) dt with 6-point Gauss–Legendre, which is exact to rounding there
/// (the integrand is analytic and varies on a scale ≥ 100× the interval) and gives the b → 0 limit
/// S·e^(−rT)·s·[φ(u) + u·N(u)] (call) at b = 0 exactly; elsewhere the direct formula loses at most a few hundred ulp of
/// the term to cancellation.
/// </remarks>
public static class FloatingLookbackOption
{
    // |β|·(|L| + s + s²) at or below which h(β)/β is integrated instead of divided.
    private const double SmallCarryThreshold = 0.01;

    // 6-point Gauss–Legendre on [0, 1]: nodes u and 1 − u share a weight (Abramowitz & Stegun Table 25.4, mapped to [0, 1]).
    private const double Node1 = 0.03376524289842398609;
    private const double Node2 = 0.16939530676686774317;
    private const double Node3 = 0.38069040695840154568;
    private const double Weight1 = 0.08566224618958517252;
    private const double Weight2 = 0.18038078652406930378;
    private const double Weight3 = 0.23395696728634552369;

    /// <summary>Present value of the floating lookback option described by <paramref name="p"/>.</summary>
    /// <exception cref="PricingInputException">An input is outside its allowed range (the message names the field).</exception>
    public static double Price(in FloatingLookbackParameters p)
    {
        Validate(p);
        var eta = p.Type == OptionType.Call ? 1.0 : -1.0;
        var variance = p.Volatility * p.Volatility;
        var stdDev = p.Volatility * DMath.Sqrt(p.ExpiryYears);
        var carry = p.Rate - p.DividendYield;
        var logSpotOverExtreme = DMath.Log(p.Spot / p.MinMax);
        var discount = DMath.Exp(-p.Rate * p.ExpiryYears);
        var d1 = (logSpotOverExtreme / stdDev) + ((carry * p.ExpiryYears) / stdDev) + (0.5 * stdDev);
        var d2 = d1 - stdDev;
        var standardPart = eta * ((p.Spot * DMath.Exp(-p.DividendYield * p.ExpiryYears) * Normal.Cdf(eta * d1))
            - (p.MinMax * discount * Normal.Cdf(eta * d2)));

        var beta = 2.0 * carry / variance;
        var u = (-logSpotOverExtreme / stdDev) - (0.5 * stdDev);
        var scale = Math.Abs(logSpotOverExtreme) + stdDev + (stdDev * stdDev);
        var hOverBeta = Math.Abs(beta) * scale <= SmallCarryThreshold
            ? IntegratedSlope(eta, beta, logSpotOverExtreme, stdDev, u)
            : H(eta, beta, logSpotOverExtreme, stdDev, u) / beta;
        return standardPart + (p.Spot * discount * hOverBeta);
    }

    private static double H(double eta, double beta, double logRatio, double stdDev, double u)
    {
        var halfShift = 0.5 * beta * stdDev;
        return eta * (ExoticBlackTerms.ExpTimesCdf(-beta * logRatio, eta * (u + halfShift))
            - ExoticBlackTerms.ExpTimesCdf(0.5 * beta * stdDev * stdDev, eta * (u - halfShift)));
    }

    // h(β)/β = ∫₀¹ h′(βt) dt; the pairs (t, 1 − t) share a weight.
    private static double IntegratedSlope(double eta, double beta, double logRatio, double stdDev, double u) =>
        (Weight1 * (HPrime(eta, beta * Node1, logRatio, stdDev, u) + HPrime(eta, beta * (1.0 - Node1), logRatio, stdDev, u)))
        + (Weight2 * (HPrime(eta, beta * Node2, logRatio, stdDev, u) + HPrime(eta, beta * (1.0 - Node2), logRatio, stdDev, u)))
        + (Weight3 * (HPrime(eta, beta * Node3, logRatio, stdDev, u) + HPrime(eta, beta * (1.0 - Node3), logRatio, stdDev, u)));

    // h′(t) = −ηL·e^(−tL)·N(η(u + ts/2)) − η(s²/2)·e^(ts²/2)·N(η(u − ts/2)) + (s/2)·[e^(−tL)·φ(u + ts/2) + e^(ts²/2)·φ(u − ts/2)].
    private static double HPrime(double eta, double t, double logRatio, double stdDev, double u)
    {
        var halfShift = 0.5 * t * stdDev;
        var up = u + halfShift;
        var down = u - halfShift;
        var growthL = DMath.Exp(-t * logRatio);
        var growthS = DMath.Exp(0.5 * t * stdDev * stdDev);
        var cdfTerms = (-eta * logRatio * growthL * Normal.Cdf(eta * up)) - (eta * 0.5 * stdDev * stdDev * growthS * Normal.Cdf(eta * down));
        var pdfTerms = 0.5 * stdDev * ((growthL * Normal.Pdf(up)) + (growthS * Normal.Pdf(down)));
        return cdfTerms + pdfTerms;
    }

    private static void Validate(in FloatingLookbackParameters p)
    {
        if (!Enum.IsDefined(p.Type))
        {
            InputGuard.Fail("type", "type must be Call or Put");
        }

        InputGuard.Positive(p.Spot, "S");
        InputGuard.Positive(p.MinMax, "minmax");
        InputGuard.Positive(p.ExpiryYears, "T");
        InputGuard.Finite(p.Rate, "r");
        InputGuard.Finite(p.DividendYield, "q");
        InputGuard.Positive(p.Volatility, "sigma");
        var consistent = p.Type == OptionType.Call ? p.MinMax <= p.Spot : p.MinMax >= p.Spot;
        if (!consistent)
        {
            var allowed = p.Type == OptionType.Call ? "the running minimum, <= S" : "the running maximum, >= S";
            InputGuard.Fail(
                "minmax",
                string.Create(CultureInfo.InvariantCulture, $"minmax must be {allowed} (got minmax={p.MinMax:R}, S={p.Spot:R})"));
        }
    }
}
