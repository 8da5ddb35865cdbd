using System.Runtime.Intrinsics;

namespace Assay.Numerics;

/// <summary>Deterministic elementary functions: the same bits on every machine, thread count and SIMD width.</summary>
/// <remarks>
/// PLACEHOLDER (issue 2, Numerics slice): the bodies below delegate to the platform's libm so that the pricing
/// engines can be written against the final signatures. They are replaced by kernels built only from
/// IEEE-754 <c>+ - * /</c>, <c>sqrt</c> and bit manipulation; nothing in a consensus path may ship on these.
/// </remarks>
public static partial class DMath
{
    /// <summary>e^x.</summary>
    public static double Exp(double x) => Math.Exp(x);

    /// <summary>e^x − 1, accurate for small |x|.</summary>
    public static double Expm1(double x) => Math.Abs(x) < 1e-5 ? x + (0.5 * x * x) + (x * x * x / 6.0) : Math.Exp(x) - 1.0;

    /// <summary>Natural logarithm.</summary>
    public static double Log(double x) => Math.Log(x);

    /// <summary>ln(1 + x), accurate for small |x|.</summary>
    public static double Log1p(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>Correctly rounded square root (IEEE-754).</summary>
    public static double Sqrt(double x) => Math.Sqrt(x);

    /// <summary>Lane-wise e^x.</summary>
    public static Vector256<double> Exp(Vector256<double> x) => Map(x, Exp);

    /// <summary>Lane-wise e^x − 1.</summary>
    public static Vector256<double> Expm1(Vector256<double> x) => Map(x, Expm1);

    /// <summary>Lane-wise natural logarithm.</summary>
    public static Vector256<double> Log(Vector256<double> x) => Map(x, Log);

    /// <summary>Lane-wise ln(1 + x).</summary>
    public static Vector256<double> Log1p(Vector256<double> x) => Map(x, Log1p);

    /// <summary>Lane-wise correctly rounded square root.</summary>
    public static Vector256<double> Sqrt(Vector256<double> x) => Vector256.Sqrt(x);

    /// <summary>Lane-wise e^x.</summary>
    public static Vector512<double> Exp(Vector512<double> x) => Vector512.Create(Exp(x.GetLower()), Exp(x.GetUpper()));

    /// <summary>Lane-wise e^x − 1.</summary>
    public static Vector512<double> Expm1(Vector512<double> x) => Vector512.Create(Expm1(x.GetLower()), Expm1(x.GetUpper()));

    /// <summary>Lane-wise natural logarithm.</summary>
    public static Vector512<double> Log(Vector512<double> x) => Vector512.Create(Log(x.GetLower()), Log(x.GetUpper()));

    /// <summary>Lane-wise ln(1 + x).</summary>
    public static Vector512<double> Log1p(Vector512<double> x) => Vector512.Create(Log1p(x.GetLower()), Log1p(x.GetUpper()));

    /// <summary>Lane-wise correctly rounded square root.</summary>
    public static Vector512<double> Sqrt(Vector512<double> x) => Vector512.Sqrt(x);

    internal static Vector256<double> Map(Vector256<double> x, Func<double, double> f) =>
        Vector256.Create(f(x.GetElement(0)), f(x.GetElement(1)), f(x.GetElement(2)), f(x.GetElement(3)));
}
