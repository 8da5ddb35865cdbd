using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Numerics;

/// <summary>The standard normal distribution: density, cumulative distribution and its inverse.</summary>
/// <remarks>
/// Built only from IEEE-754 <c>+ − × ÷</c>, <c>sqrt</c>, comparisons, blends, exact bit manipulation and
/// <see cref="DMath.Log(double)"/>/<see cref="DMath.Log1p(double)"/> (Φ⁻¹ only), so every machine returns the same bits; the
/// <see cref="Vector256{T}"/> and <see cref="Vector512{T}"/> overloads perform the scalar operation sequence per
/// lane and return the same bits as the scalar overloads. Measured error is within 1 ulp of the correctly
/// rounded value (see docs/numerics-normal.md). NaN in gives the same NaN out (Φ⁻¹: NaN).
/// </remarks>
public static partial class Normal
{
    /// <summary>φ(x) = e^(−x²/2)/√(2π).</summary>
    public static double Pdf(double x) => PdfScalar(x);

    /// <summary>Φ(x), accurate deep in both tails (Φ(−38) ≈ 2.9e−316, not 0).</summary>
    /// <remarks>Evaluated in x directly (not as erfc(−x/√2)), so no rounding of x/√2 enters; 1 above about 8.3.</remarks>
    public static double Cdf(double x) => CdfScalar(x);

    /// <summary>Φ⁻¹(p) for p in [0, 1]; ±∞ at the ends, NaN outside.</summary>
    /// <remarks>Accurate for every double p, including subnormal p and p within a few ulp of 1.</remarks>
    public static double InverseCdf(double p) => InverseCdfScalar(p);

    /// <summary>Lane-wise φ.</summary>
    /// <remarks>Inlined into the caller: the common path is short and branches out of line for rare lanes.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Pdf(Vector256<double> x) => PdfVector(x);

    /// <summary>Lane-wise Φ.</summary>
    /// <remarks>Inlined into the caller: the common path is short and branches out of line for rare lanes.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Cdf(Vector256<double> x) => CdfVector(x);

    /// <summary>Lane-wise Φ⁻¹.</summary>
    public static Vector256<double> InverseCdf(Vector256<double> p) => InverseCdfVector(p);

    /// <summary>Lane-wise φ.</summary>
    /// <remarks>Evaluated as two <see cref="Vector256{T}"/> halves (the same bits as the scalar kernel), inlined into the caller.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Pdf(Vector512<double> x) =>
        Vector512.Create(PdfVector(x.GetLower()), PdfVector(x.GetUpper()));

    /// <summary>Lane-wise Φ.</summary>
    /// <remarks>Evaluated as two <see cref="Vector256{T}"/> halves (the same bits as the scalar kernel), inlined into the caller.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Cdf(Vector512<double> x) =>
        Vector512.Create(CdfVector(x.GetLower()), CdfVector(x.GetUpper()));

    /// <summary>Lane-wise Φ⁻¹.</summary>
    /// <remarks>Evaluated as two <see cref="Vector256{T}"/> halves (the same bits as the scalar kernel).</remarks>
    public static Vector512<double> InverseCdf(Vector512<double> p) =>
        Vector512.Create(InverseCdfVector(p.GetLower()), InverseCdfVector(p.GetUpper()));
}
