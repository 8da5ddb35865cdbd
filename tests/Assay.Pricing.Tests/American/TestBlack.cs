using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.American;

/// <summary>An independent Black–Scholes–Merton European price for the tests (platform math, not the engine's kernels).</summary>
internal static class TestBlack
{
    public static double Price(OptionType type, double s, double k, double t, double r, double q, double sigma)
    {
        var sd = sigma * Math.Sqrt(t);
        var d1 = (Math.Log(s / k) + ((r - q + (0.5 * sigma * sigma)) * t)) / sd;
        var d2 = d1 - sd;
        return type == OptionType.Call
            ? (s * Math.Exp(-q * t) * Cdf(d1)) - (k * Math.Exp(-r * t) * Cdf(d2))
            : (k * Math.Exp(-r * t) * Cdf(-d2)) - (s * Math.Exp(-q * t) * Cdf(-d1));
    }

    /// <summary>Analytic European delta, gamma and theta (−∂V/∂T).</summary>
    public static (double Delta, double Gamma, double Theta) Greeks(OptionType type, double s, double k, double t, double r, double q, double sigma)
    {
        var sd = sigma * Math.Sqrt(t);
        var d1 = (Math.Log(s / k) + ((r - q + (0.5 * sigma * sigma)) * t)) / sd;
        var d2 = d1 - sd;
        var pdf = Math.Exp(-0.5 * d1 * d1) / Math.Sqrt(2 * Math.PI);
        var gamma = Math.Exp(-q * t) * pdf / (s * sd);
        var decay = -s * Math.Exp(-q * t) * pdf * sigma / (2 * Math.Sqrt(t));
        return type == OptionType.Call
            ? (Math.Exp(-q * t) * Cdf(d1), gamma, decay + (q * s * Math.Exp(-q * t) * Cdf(d1)) - (r * k * Math.Exp(-r * t) * Cdf(d2)))
            : (-Math.Exp(-q * t) * Cdf(-d1), gamma, decay - (q * s * Math.Exp(-q * t) * Cdf(-d1)) + (r * k * Math.Exp(-r * t) * Cdf(-d2)));
    }

    /// <summary>Φ(x) from a continued fraction / series erfc good to about 1e-15 relative.</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2.0));

    private static double Erfc(double x)
    {
        if (x < 0)
        {
            return 2.0 - Erfc(-x);
        }

        if (x < 3.0)
        {
            // erf series.
            double sum = x, term = x;
            for (var n = 1; n < 300; n++)
            {
                term *= -x * x / n;
                var add = term / ((2 * n) + 1);
                sum += add;
                if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
                {
                    break;
                }
            }

            return 1.0 - (2.0 / Math.Sqrt(Math.PI) * sum);
        }

        // Continued fraction erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated bottom-up.
        var f = x;
        for (var n = 60; n >= 1; n--)
        {
            f = x + (n * 0.5 / f);
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}
