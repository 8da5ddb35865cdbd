using System.Runtime.Intrinsics;

namespace Assay.Numerics;

/// <summary>The standard normal distribution: density, cumulative distribution and its inverse.</summary>
/// <remarks>
/// PLACEHOLDER (issue 2, Numerics slice): built on the placeholder <see cref="ErrorFunction"/> with a bisection
/// inverse, correct but slow. It is replaced by kernels within 2 ulp built only from IEEE-754 operations.
/// </remarks>
public static partial class Normal
{
    /// <summary>φ(x) = e^(−x²/2)/√(2π).</summary>
    public static double Pdf(double x) => 0.3989422804014327 * DMath.Exp(-0.5 * x * x);

    /// <summary>Φ(x), accurate deep in both tails (Φ(−38) ≈ 2.9e−316, not 0).</summary>
    public static double Cdf(double x) => 0.5 * ErrorFunction.Erfc(-x * 0.70710678118654752);

    /// <summary>Φ⁻¹(p) for p in [0, 1]; ±∞ at the ends, NaN outside.</summary>
    public static double InverseCdf(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            return double.NaN;
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        double lo = -40, hi = 40;
        for (var i = 0; i < 200 && lo < hi; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi)
            {
                break;
            }

            if (Cdf(mid) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>Lane-wise φ.</summary>
    public static Vector256<double> Pdf(Vector256<double> x) => DMath.Map(x, Pdf);

    /// <summary>Lane-wise Φ.</summary>
    public static Vector256<double> Cdf(Vector256<double> x) => DMath.Map(x, Cdf);

    /// <summary>Lane-wise Φ⁻¹.</summary>
    public static Vector256<double> InverseCdf(Vector256<double> p) => DMath.Map(p, InverseCdf);

    /// <summary>Lane-wise φ.</summary>
    public static Vector512<double> Pdf(Vector512<double> x) => Vector512.Create(Pdf(x.GetLower()), Pdf(x.GetUpper()));

    /// <summary>Lane-wise Φ.</summary>
    public static Vector512<double> Cdf(Vector512<double> x) => Vector512.Create(Cdf(x.GetLower()), Cdf(x.GetUpper()));

    /// <summary>Lane-wise Φ⁻¹.</summary>
    public static Vector512<double> InverseCdf(Vector512<double> p) => Vector512.Create(InverseCdf(p.GetLower()), InverseCdf(p.GetUpper()));
}
