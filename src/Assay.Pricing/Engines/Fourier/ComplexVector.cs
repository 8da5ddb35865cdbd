using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;

namespace Assay.Pricing.Engines.Fourier;

/// <summary>Four complex numbers in two <see cref="Vector256{T}"/> registers, with the few operations the Heston integrand needs.</summary>
/// <remarks>
/// Each lane performs a fixed sequence of IEEE-754 operations and <see cref="DMath"/> vector kernels, so results do not
/// depend on the machine. Division multiplies by the conjugate over |b|² (no Smith scaling): the Heston integrand's
/// divisors have moduli between about 1e−3 and 1e7, far from overflow or underflow of |b|².
/// </remarks>
internal readonly struct ComplexVector
{
    /// <summary>The real parts.</summary>
    public readonly Vector256<double> Real;

    /// <summary>The imaginary parts.</summary>
    public readonly Vector256<double> Imaginary;

    /// <summary>Creates four complex numbers from their real and imaginary parts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ComplexVector(Vector256<double> real, Vector256<double> imaginary)
    {
        Real = real;
        Imaginary = imaginary;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator +(ComplexVector a, ComplexVector b) => new(a.Real + b.Real, a.Imaginary + b.Imaginary);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator -(ComplexVector a, ComplexVector b) => new(a.Real - b.Real, a.Imaginary - b.Imaginary);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator -(Vector256<double> a, ComplexVector b) => new(a - b.Real, -b.Imaginary);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator *(ComplexVector a, ComplexVector b) =>
        new((a.Real * b.Real) - (a.Imaginary * b.Imaginary), (a.Real * b.Imaginary) + (a.Imaginary * b.Real));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator *(Vector256<double> a, ComplexVector b) => new(a * b.Real, a * b.Imaginary);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator /(ComplexVector a, ComplexVector b)
    {
        var inverse = Vector256<double>.One / ((b.Real * b.Real) + (b.Imaginary * b.Imaginary));
        return new(
            ((a.Real * b.Real) + (a.Imaginary * b.Imaginary)) * inverse,
            ((a.Imaginary * b.Real) - (a.Real * b.Imaginary)) * inverse);
    }

    /// <summary>1/b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector Reciprocal(ComplexVector b)
    {
        var inverse = Vector256<double>.One / ((b.Real * b.Real) + (b.Imaginary * b.Imaginary));
        return new(b.Real * inverse, -b.Imaginary * inverse);
    }

    /// <summary>The principal square root in Kahan's cancellation-free form (as <see cref="ComplexD.Sqrt(ComplexD)"/>, with |z| = √(a² + b²)).</summary>
    public static ComplexVector Sqrt(ComplexVector z)
    {
        var a = z.Real;
        var b = z.Imaginary;
        var half = Vector256.Create(0.5);
        var modulus = Vector256.Sqrt((a * a) + (b * b));
        var t = Vector256.Sqrt((half * Vector256.Abs(a)) + (half * modulus));
        var twoT = t + t;
        var nonNegative = Vector256.GreaterThanOrEqual(a, Vector256<double>.Zero);
        var real = Vector256.ConditionalSelect(nonNegative, t, Vector256.Abs(b) / twoT);
        var imaginary = Vector256.ConditionalSelect(nonNegative, b / twoT, Vector256.ConditionalSelect(Vector256.Create(-0.0), b, t));
        var zero = Vector256.Equals(a, Vector256<double>.Zero) & Vector256.Equals(b, Vector256<double>.Zero);
        return new(Vector256.ConditionalSelect(zero, Vector256<double>.Zero, real), Vector256.ConditionalSelect(zero, b, imaginary));
    }

    /// <summary>e^z = e^a (cos b + i sin b).</summary>
    public static ComplexVector Exp(ComplexVector z)
    {
        var modulus = DMath.Exp(z.Real);
        var (sin, cos) = DMath.SinCos(z.Imaginary);
        return new(modulus * cos, modulus * sin);
    }

    /// <summary>ln(1 + z) on the principal branch, accurate for small |z| (the method of <see cref="ComplexD.Log1p(ComplexD)"/>).</summary>
    /// <remarks>
    /// For |Re z|, |Im z| &lt; ½ the modulus term is ½·log1p(2a + a² + b²); otherwise ln|1 + z| = ln(max) + ½·log1p((min/max)²).
    /// Only the branches some lane needs are computed; each lane's value depends on that lane alone.
    /// </remarks>
    public static ComplexVector Log1p(ComplexVector z)
    {
        var a = z.Real;
        var b = z.Imaginary;
        var onePlusA = Vector256<double>.One + a;
        var half = Vector256.Create(0.5);
        var near = Vector256.LessThan(Vector256.Abs(a), half) & Vector256.LessThan(Vector256.Abs(b), half);
        var nearMask = near.ExtractMostSignificantBits();
        Vector256<double> logModulus;
        if (nearMask == 0b1111)
        {
            logModulus = half * DMath.Log1p((a + a) + ((a * a) + (b * b)));
        }
        else
        {
            var x = Vector256.Abs(onePlusA);
            var y = Vector256.Abs(b);
            var larger = Vector256.Max(x, y);
            var smaller = Vector256.Min(x, y);
            var ratio = smaller / larger;
            var far = DMath.Log(larger) + (half * DMath.Log1p(ratio * ratio));
            logModulus = nearMask == 0 ? far : Vector256.ConditionalSelect(near, half * DMath.Log1p((a + a) + ((a * a) + (b * b))), far);
        }

        return new(logModulus, DMath.Atan2(b, onePlusA));
    }
}
