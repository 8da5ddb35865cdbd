using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Numerics;

/// <summary>Deterministic elementary functions: the same bits on every machine, thread count and SIMD width.</summary>
/// <remarks>
/// Every kernel is built only from IEEE-754 double <c>+ - * /</c>, <c>sqrt</c>, exact bit manipulation,
/// comparisons and blends, in a fixed order and without fused multiply-add, so its result does not depend
/// on the platform's libm. The <see cref="Vector256{T}"/> and <see cref="Vector512{T}"/> overloads perform,
/// lane by lane, exactly the operation sequence of the scalar overload and return the same bits (any NaN
/// input gives a NaN, whose payload is not specified). Accuracy: at most 1 ulp from the correctly rounded
/// result over the whole domain, subnormal results included (docs/numerics-elementary.md gives the method
/// and the measured errors).
/// </remarks>
public static partial class DMath
{
    // ln 2 = Ln2Hi + Ln2Lo: Ln2Hi keeps 32 significant bits, so k * Ln2Hi is exact for every exponent k that
    // occurs, and Ln2Lo is the remainder rounded to double (tests/data/numerics/elementary/derive_coefficients.py).
    private const double Ln2Hi = 0.6931471803691238;      // 0x3FE62E42FEE00000
    private const double Ln2Lo = 1.9082149292705877e-10;  // 0x3DEA39EF35793C76
    private const double InvLn2 = 1.4426950408889634;     // 0x3FF71547652B82FE

    // Adding 1.5 * 2^52 rounds any |v| < 2^51 to the nearest integer (ties to even) in the low mantissa bits,
    // identically in scalar and vector code; subtracting it again yields that integer as a double.
    private const double Shifter = 6755399441055744.0;

    // Shifter + 1023: after adding an integer n in [-1022, 1023], the low 12 bits of the sum's bit pattern are
    // n + 1023, the biased exponent of 2^n, so shifting the pattern left by 52 bits yields 2^n exactly.
    private const double ExponentShifter = 6755399441056767.0;

    /// <summary>Correctly rounded square root (IEEE-754).</summary>
    /// <param name="x">Argument; negative values and NaN give NaN, <c>-0</c> gives <c>-0</c>.</param>
    /// <returns>√x rounded to nearest, which every IEEE-754 platform computes identically.</returns>
    public static double Sqrt(double x) => Math.Sqrt(x);

    /// <summary>Lane-wise correctly rounded square root.</summary>
    /// <param name="x">Arguments.</param>
    /// <returns>√x per lane, identical to <see cref="Sqrt(double)"/>.</returns>
    public static Vector256<double> Sqrt(Vector256<double> x) => Vector256.Sqrt(x);

    /// <summary>Lane-wise correctly rounded square root.</summary>
    /// <param name="x">Arguments.</param>
    /// <returns>√x per lane, identical to <see cref="Sqrt(double)"/>.</returns>
    public static Vector512<double> Sqrt(Vector512<double> x) => Vector512.Sqrt(x);

    internal static Vector256<double> Map(Vector256<double> x, Func<double, double> f) =>
        Vector256.Create(f(x.GetElement(0)), f(x.GetElement(1)), f(x.GetElement(2)), f(x.GetElement(3)));

    // 2^n for an integer-valued n in [-1022, 1023], passed as n + ExponentShifter.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PowerOfTwo(double shifted) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(shifted) << 52);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PowerOfTwo(Vector256<double> shifted) =>
        Vector256.ShiftLeft(shifted.AsInt64(), 52).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> PowerOfTwo(Vector512<double> shifted) =>
        Vector512.ShiftLeft(shifted.AsInt64(), 52).AsDouble();

    // y * 2^k for an integer-valued k in [-1076, 1024], rounded once. k is split as k1 + k2 with both halves in
    // [-538, 512]; for every y the callers pass (any y when k = 0, else 0.1 < |y| < 2^59) the product y * 2^k1 is
    // normal and exact, so the only rounding is the final multiplication, which also forms subnormals and +inf.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ScaleByPowerOfTwo(double y, double k)
    {
        var s1 = (k * 0.5) + ExponentShifter;
        var k1 = s1 - ExponentShifter;
        var s2 = (k - k1) + ExponentShifter;
        return (y * PowerOfTwo(s1)) * PowerOfTwo(s2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ScaleByPowerOfTwo(Vector256<double> y, Vector256<double> k)
    {
        var shifter = Vector256.Create(ExponentShifter);
        var s1 = (k * 0.5) + shifter;
        var k1 = s1 - shifter;
        var s2 = (k - k1) + shifter;
        return (y * PowerOfTwo(s1)) * PowerOfTwo(s2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ScaleByPowerOfTwo(Vector512<double> y, Vector512<double> k)
    {
        var shifter = Vector512.Create(ExponentShifter);
        var s1 = (k * 0.5) + shifter;
        var k1 = s1 - shifter;
        var s2 = (k - k1) + shifter;
        return (y * PowerOfTwo(s1)) * PowerOfTwo(s2);
    }
}
