using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Numerics;

/// <summary>The complementary error function and its scaled form, deterministic and accurate in the tails.</summary>
/// <remarks>
/// Built only from IEEE-754 <c>+ − × ÷</c>, comparisons, blends and exact bit manipulation, so every machine
/// returns the same bits; the <see cref="Vector256{T}"/> and <see cref="Vector512{T}"/> overloads perform the
/// scalar operation sequence per lane and return the same bits as the scalar overloads. Measured error is within
/// 1 ulp of the correctly rounded value (see docs/numerics-normal.md). NaN in gives the same NaN out.
/// </remarks>
public static partial class ErrorFunction
{
    /// <summary>erfc(x) = 1 − erf(x).</summary>
    /// <remarks>2 for x → −∞; 0 for x above about 27.23 (the result underflows).</remarks>
    public static double Erfc(double x) => ErfcScalar(x);

    /// <summary>erfcx(x) = e^(x²)·erfc(x), finite and accurate for large positive x.</summary>
    /// <remarks>About 1/(x√π) for large x; +∞ below about −26.63 (the result overflows).</remarks>
    public static double Erfcx(double x) => ErfcxScalar(x);

    /// <summary>Lane-wise erfc.</summary>
    /// <remarks>Inlined into the caller: the common path is short and branches out of line for rare lanes.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Erfc(Vector256<double> x) => ErfcVector(x);

    /// <summary>Lane-wise erfcx.</summary>
    /// <remarks>Inlined into the caller: the common path is short and branches out of line for rare lanes.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> Erfcx(Vector256<double> x) => ErfcxVector(x);

    /// <summary>Lane-wise erfc.</summary>
    /// <remarks>Evaluated as two <see cref="Vector256{T}"/> halves (the same bits as the scalar kernel), inlined into the caller.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Erfc(Vector512<double> x) =>
        Vector512.Create(ErfcVector(x.GetLower()), ErfcVector(x.GetUpper()));

    /// <summary>Lane-wise erfcx.</summary>
    /// <remarks>Evaluated as two <see cref="Vector256{T}"/> halves (the same bits as the scalar kernel), inlined into the caller.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Erfcx(Vector512<double> x) =>
        Vector512.Create(ErfcxVector(x.GetLower()), ErfcxVector(x.GetUpper()));
}
