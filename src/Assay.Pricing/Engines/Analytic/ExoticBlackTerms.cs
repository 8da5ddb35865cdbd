using Assay.Numerics;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>A building block shared by the analytic exotic engines.</summary>
/// <remarks>
/// The product <c>e^a·N(x)</c> must not overflow when a barrier power is huge and the probability tiny.
/// Inputs are validated by the calling engine; vanilla values come from <see cref="BlackScholesMerton"/>.
/// </remarks>
internal static class ExoticBlackTerms
{
    private const double InvSqrt2 = 0.70710678118654752440;

    /// <summary>e^<paramref name="logFactor"/> · N(<paramref name="x"/>), finite whenever the product is.</summary>
    /// <remarks>
    /// For x &lt; 0 it uses N(x) = ½·erfcx(z)·e^(−z²) with z = −x/√2 (the same rounded z that <see cref="Normal.Cdf(double)"/>
    /// uses) and folds e^(−z²) into the exponent, so a factor such as (H/S)^(2μ) = e^1000 times a probability
    /// of e^−1100 gives e^−100 instead of ∞·0 = NaN.
    /// </remarks>
    internal static double ExpTimesCdf(double logFactor, double x)
    {
        if (x >= 0)
        {
            return DMath.Exp(logFactor) * Normal.Cdf(x);
        }

        var z = -x * InvSqrt2;
        return 0.5 * ErrorFunction.Erfcx(z) * DMath.Exp(logFactor - (z * z));
    }
}
