using System.Runtime.CompilerServices;
using Assay.Numerics;

namespace Assay.Pricing.Volatility;

/// <content>The asymptotic and small-t expansions of the normalised Black function and its Gaussian factor.</content>
public static partial class NormalisedBlack
{
    /// <summary>Upper limit on the number of terms of the asymptotic series (27 suffice at h + t = −10).</summary>
    private const int AsymptoticTermsMax = 32;

    /// <summary>The asymptotic series stops once a term is below this fraction of the sum.</summary>
    private const double AsymptoticTolerance = 1.0 / (1L << 56);

    /// <summary>Below this h² + t² the Gaussian factor uses the rounded exponent (error under half an ulp).</summary>
    private const double PlainExponentMax = 0.25;

    /// <summary>Dekker's splitting constant 2²⁷ + 1.</summary>
    private const double Splitter = 134217729.0;

    /// <summary>Region I: both h + t and h − t are below −10; asymptotic expansion of Y(h + t) − Y(h − t).</summary>
    /// <remarks>
    /// With u = h + t, v = h − t, U = 1/u, V = 1/v, the Mills-ratio series Y(z) ~ −Σₙ (−1)ⁿ (2n−1)!! z^−(2n+1)
    /// gives Y(u) − Y(v) = (2t/(u·v))·Σₙ (−1)ⁿ (2n−1)!!·W₂ₙ₊₁ with W_m = Σ_{j&lt;m} U^j V^(m−1−j)
    /// (from U^m − V^m = (U − V)·W_m and U − V = −2t/(u·v)). W obeys W_{m+1} = U·W_m + V^m, and since U and V
    /// have the same sign every operation adds like-signed numbers: there is no cancellation however small t is.
    /// This is our own closed form of the expansion of the paper's §3 (region I); the paper expands the same
    /// difference in q = h²/(u·v)² and e = (t/h)².
    /// </remarks>
    private static double AsymptoticExpansion(double s, double h, double t, double vega)
    {
        var u = h + t;
        var v = h - t;
        var invU = 1.0 / u;
        var invV = 1.0 / v;
        var w = 1.0;
        var powerV = invV;
        var coefficient = 1.0;
        var sum = 1.0;
        for (var n = 1; n <= AsymptoticTermsMax; n++)
        {
            w = (invU * w) + powerV;
            powerV *= invV;
            w = (invU * w) + powerV;
            powerV *= invV;
            coefficient *= -((2 * n) - 1);
            var term = coefficient * w;
            sum += term;
            if (Math.Abs(term) <= AsymptoticTolerance * sum)
            {
                break;
            }
        }

        return vega * (s / (u * v)) * sum;
    }

    /// <summary>Region II: t &lt; 0.2; Taylor expansion of Y(h + t) − Y(h − t) in t around h (terms up to t¹³).</summary>
    /// <remarks>
    /// b = e^(−(h²+t²)/2)·(2t/√(2π))·[a + Σₖ (αₖ(h²) + βₖ(h²)·a)·t^(2k)/(2k+1)!] with a = 1 + h·Y(h); the
    /// polynomials come from Y' = 1 + zY and are derived exactly by tests/data/pricing/iv/derive_small_t_coefficients.py.
    /// The truncation error is below 1e−16 relative for t &lt; 0.2 and −10.2 ≤ h ≤ 0 (checked with mpmath).
    /// <paramref name="millsY"/> is Y(h) = <see cref="MillsY"/>(h).
    /// </remarks>
    private static double SmallTExpansion(double s, double h, double t, double vega, double millsY)
    {
        var a = 1.0 + (h * millsY);
        var w = t * t;
        var z = h * h;

        var c1 = (-1.0 / 6.0) + (a * ((1.0 / 2.0) + (z * (1.0 / 6.0))));
        var c2 = (-7.0 / 120.0) + (z * (-1.0 / 120.0))
            + (a * ((1.0 / 8.0) + (z * ((1.0 / 12.0) + (z * (1.0 / 120.0))))));
        var c3 = (-19.0 / 1680.0) + (z * ((-1.0 / 280.0) + (z * (-1.0 / 5040.0))))
            + (a * ((1.0 / 48.0) + (z * ((1.0 / 48.0) + (z * ((1.0 / 240.0) + (z * (1.0 / 5040.0))))))));
        var c4 = (-187.0 / 120960.0) + (z * ((-19.0 / 24192.0) + (z * ((-11.0 / 120960.0) + (z * (-1.0 / 362880.0))))))
            + (a * ((1.0 / 384.0) + (z * ((1.0 / 288.0) + (z * ((1.0 / 960.0) + (z * ((1.0 / 10080.0) + (z * (1.0 / 362880.0))))))))));
        var c5 = (-437.0 / 2661120.0)
            + (z * ((-13.0 / 110880.0) + (z * ((-1.0 / 47520.0) + (z * ((-13.0 / 9979200.0) + (z * (-1.0 / 39916800.0))))))))
            + (a * ((1.0 / 3840.0) + (z * ((1.0 / 2304.0) + (z * ((1.0 / 5760.0)
                + (z * ((1.0 / 40320.0) + (z * ((1.0 / 725760.0) + (z * (1.0 / 39916800.0))))))))))));
        var c6 = (-1979.0 / 138378240.0)
            + (z * ((-263.0 / 19768320.0) + (z * ((-97.0 / 29652480.0)
                + (z * ((-107.0 / 345945600.0) + (z * ((-1.0 / 83026944.0) + (z * (-1.0 / 6227020800.0))))))))))
            + (a * ((1.0 / 46080.0) + (z * ((1.0 / 23040.0) + (z * ((1.0 / 46080.0) + (z * ((1.0 / 241920.0)
                + (z * ((1.0 / 2903040.0) + (z * ((1.0 / 79833600.0) + (z * (1.0 / 6227020800.0))))))))))))));

        var series = a + (w * (c1 + (w * (c2 + (w * (c3 + (w * (c4 + (w * (c5 + (w * c6)))))))))));
        return vega * s * series;
    }

    /// <summary>e^(−(h² + t²)/2) with h = x/s and t = s/2, the exponent carried in double-double arithmetic where it matters.</summary>
    /// <remarks>
    /// The exponent reaches ~750 for values near the underflow limit; rounding it to a double would cost up to
    /// 750·2⁻⁵³ ≈ 1e−13 relative, so its residual is recovered with exact products (Dekker) and applied as a
    /// first-order correction. Below <see cref="PlainExponentMax"/> the rounded exponent is used as it is: its
    /// error (about (h² + t²)·2⁻⁵³ relative) is then under half an ulp. Only called with |h| ≤ 39 and s ≤ 80, so
    /// the splits cannot overflow.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double GaussianFactor(double x, double s, double h, double t)
    {
        var plain = (h * h) + (t * t);
        return plain < PlainExponentMax ? DMath.Exp(-0.5 * plain) : GaussianFactorDoubleDouble(x, s, h);
    }

    private static double GaussianFactorDoubleDouble(double x, double s, double h)
    {
        var sum = ExponentDoubleDouble(x, s, h, out var sumLow);
        return DMath.Exp(-0.5 * sum) * (1.0 - (0.5 * sumLow));
    }

    /// <summary>h² + t² = sum + sumLow (t = s/2) with the residual of h = x/s, h² and s² recovered by exact products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ExponentDoubleDouble(double x, double s, double h, out double sumLow)
    {
        var (productHigh, productLow) = TwoProduct(h, s);
        var hLow = ((x - productHigh) - productLow) / s;
        var (hSquare, hSquareLow) = TwoProduct(h, h);
        hSquareLow += 2.0 * h * hLow;
        var (sSquare, sSquareLow) = TwoProduct(s, s);
        var tSquare = 0.25 * sSquare;
        var sum = hSquare + tSquare;
        sumLow = (hSquare - (sum - (sum - hSquare))) + (tSquare - (sum - hSquare));
        sumLow += hSquareLow + (0.25 * sSquareLow);
        return sum;
    }

    /// <summary>The exact product a·b = high + low (Dekker 1971), without fused multiply–add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double High, double Low) TwoProduct(double a, double b)
    {
        var product = a * b;
        var ca = Splitter * a;
        var aHigh = ca - (ca - a);
        var aLow = a - aHigh;
        var cb = Splitter * b;
        var bHigh = cb - (cb - b);
        var bLow = b - bHigh;
        var low = (((aHigh * bHigh) - product) + (aHigh * bLow) + (aLow * bHigh)) + (aLow * bLow);
        return (product, low);
    }
}
