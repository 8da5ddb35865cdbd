using System.Runtime.Intrinsics;

namespace Assay.Numerics;

/// <summary>The complementary error function and its scaled form, deterministic and accurate in the tails.</summary>
/// <remarks>
/// PLACEHOLDER (issue 2, Numerics slice): a slow series / continued-fraction evaluation good to about 1e-14
/// relative, so that pricing can be developed against the final signatures. It is replaced by a kernel within
/// 2 ulp that is built only from IEEE-754 operations.
/// </remarks>
public static partial class ErrorFunction
{
    /// <summary>erfc(x) = 1 − erf(x).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < -2.0)
        {
            return 2.0 - Erfc(-x);
        }

        if (x <= 2.0)
        {
            return 1.0 - ErfSeries(x);
        }

        return DMath.Exp(-x * x) * ErfcxContinuedFraction(x);
    }

    /// <summary>erfcx(x) = e^(x²)·erfc(x), finite and accurate for large positive x.</summary>
    public static double Erfcx(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        return x > 2.0 ? ErfcxContinuedFraction(x) : DMath.Exp(x * x) * Erfc(x);
    }

    /// <summary>Lane-wise erfc.</summary>
    public static Vector256<double> Erfc(Vector256<double> x) => DMath.Map(x, Erfc);

    /// <summary>Lane-wise erfcx.</summary>
    public static Vector256<double> Erfcx(Vector256<double> x) => DMath.Map(x, Erfcx);

    /// <summary>Lane-wise erfc.</summary>
    public static Vector512<double> Erfc(Vector512<double> x) => Vector512.Create(Erfc(x.GetLower()), Erfc(x.GetUpper()));

    /// <summary>Lane-wise erfcx.</summary>
    public static Vector512<double> Erfcx(Vector512<double> x) => Vector512.Create(Erfcx(x.GetLower()), Erfcx(x.GetUpper()));

    private static double ErfSeries(double x)
    {
        // erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
        var x2 = x * x;
        var term = x;
        var sum = x;
        for (var n = 1; n < 200; n++)
        {
            term *= -x2 / n;
            var add = term / ((2 * n) + 1);
            sum += add;
            if (Math.Abs(add) < 1e-18 * Math.Abs(sum))
            {
                break;
            }
        }

        return 1.1283791670955126 * sum;
    }

    private static double ErfcxContinuedFraction(double x)
    {
        // erfcx(x) = (1/sqrt(pi)) / (x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), evaluated by modified Lentz.
        const double Tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var n = 1; n < 5000; n++)
        {
            var a = n * 0.5;
            d = x + (a * d);
            d = d == 0 ? Tiny : d;
            c = x + (a / c);
            c = c == 0 ? Tiny : c;
            d = 1.0 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-17)
            {
                break;
            }
        }

        return 0.56418958354775628 / f;
    }
}
