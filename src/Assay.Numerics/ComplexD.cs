using System.Globalization;
using System.Runtime.CompilerServices;

namespace Assay.Numerics;

/// <summary>A deterministic complex number of two doubles, computed only with IEEE-754 operations and <see cref="DMath"/> kernels.</summary>
/// <remarks>
/// A replacement for <c>System.Numerics.Complex</c>, whose transcendental functions call the platform's libm.
/// Arithmetic is written out in a fixed operation order without fused multiply–add, so every machine gets the same
/// bits. Division uses Smith's algorithm (Smith, "Algorithm 116: Complex division", CACM 5(8), 1962), the modulus
/// scales by the larger component, <see cref="Log(ComplexD)"/> is the principal branch (argument in (−π, π]) and
/// <see cref="Sqrt(ComplexD)"/> the principal root (real part ≥ 0) in the cancellation-free form of Kahan,
/// "Branch cuts for complex elementary functions" (1987). Functions are specified for finite arguments; results
/// for infinite components follow from the real operations and are not otherwise guaranteed.
/// </remarks>
/// <param name="Real">The real part.</param>
/// <param name="Imaginary">The imaginary part.</param>
public readonly record struct ComplexD(double Real, double Imaginary)
{
    /// <summary>0 + 0i.</summary>
    public static ComplexD Zero => default;

    /// <summary>1 + 0i.</summary>
    public static ComplexD One => new(1.0, 0.0);

    /// <summary>0 + 1i.</summary>
    public static ComplexD ImaginaryOne => new(0.0, 1.0);

    /// <summary>The sum of two complex numbers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator +(ComplexD a, ComplexD b) => new(a.Real + b.Real, a.Imaginary + b.Imaginary);

    /// <summary>The sum of a complex number and a real number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator +(ComplexD a, double b) => new(a.Real + b, a.Imaginary);

    /// <summary>The sum of a real number and a complex number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator +(double a, ComplexD b) => new(a + b.Real, b.Imaginary);

    /// <summary>The difference of two complex numbers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator -(ComplexD a, ComplexD b) => new(a.Real - b.Real, a.Imaginary - b.Imaginary);

    /// <summary>A complex number minus a real number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator -(ComplexD a, double b) => new(a.Real - b, a.Imaginary);

    /// <summary>A real number minus a complex number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator -(double a, ComplexD b) => new(a - b.Real, -b.Imaginary);

    /// <summary>The negation of a complex number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator -(ComplexD a) => new(-a.Real, -a.Imaginary);

    /// <summary>The product of two complex numbers, (ac − bd) + (ad + bc)i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator *(ComplexD a, ComplexD b) =>
        new((a.Real * b.Real) - (a.Imaginary * b.Imaginary), (a.Real * b.Imaginary) + (a.Imaginary * b.Real));

    /// <summary>A complex number scaled by a real number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator *(ComplexD a, double b) => new(a.Real * b, a.Imaginary * b);

    /// <summary>A real number times a complex number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator *(double a, ComplexD b) => new(a * b.Real, a * b.Imaginary);

    /// <summary>The quotient of two complex numbers by Smith's algorithm, which avoids overflow in c² + d².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator /(ComplexD a, ComplexD b)
    {
        var c = b.Real;
        var d = b.Imaginary;
        if (Math.Abs(c) >= Math.Abs(d))
        {
            var ratio = d / c;
            var denominator = c + (d * ratio);
            return new((a.Real + (a.Imaginary * ratio)) / denominator, (a.Imaginary - (a.Real * ratio)) / denominator);
        }
        else
        {
            var ratio = c / d;
            var denominator = (c * ratio) + d;
            return new(((a.Real * ratio) + a.Imaginary) / denominator, ((a.Imaginary * ratio) - a.Real) / denominator);
        }
    }

    /// <summary>A complex number divided by a real number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator /(ComplexD a, double b) => new(a.Real / b, a.Imaginary / b);

    /// <summary>A real number divided by a complex number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexD operator /(double a, ComplexD b) => new ComplexD(a, 0.0) / b;

    /// <summary>The complex conjugate, a − bi.</summary>
    public static ComplexD Conjugate(ComplexD z) => new(z.Real, -z.Imaginary);

    /// <summary>The modulus |z| = √(a² + b²), computed without intermediate overflow or underflow.</summary>
    public static double Abs(ComplexD z)
    {
        var a = Math.Abs(z.Real);
        var b = Math.Abs(z.Imaginary);
        if (a < b)
        {
            (a, b) = (b, a);
        }

        if (a == 0.0 || double.IsInfinity(a))
        {
            return a;
        }

        var ratio = b / a;
        return a * Math.Sqrt(1.0 + (ratio * ratio));
    }

    /// <summary>e^z = e^a (cos b + i sin b).</summary>
    public static ComplexD Exp(ComplexD z)
    {
        var modulus = DMath.Exp(z.Real);
        var (sin, cos) = DMath.SinCos(z.Imaginary);
        return new(modulus * cos, modulus * sin);
    }

    /// <summary>The principal natural logarithm ln|z| + i·arg z, arg z in (−π, π].</summary>
    /// <remarks>ln|z| = ln(max) + ½·ln(1 + (min/max)²), which cannot overflow; log(0) = −∞ + i·arg.</remarks>
    public static ComplexD Log(ComplexD z) => new(LogAbs(z), DMath.Atan2(z.Imaginary, z.Real));

    /// <summary>ln(1 + z) on the principal branch, accurate for small |z|.</summary>
    /// <remarks>For |Re z|, |Im z| &lt; ½ the modulus term is ½·ln(1 + (2a + a² + b²)), free of the cancellation in 1 + z.</remarks>
    public static ComplexD Log1p(ComplexD z)
    {
        var a = z.Real;
        var b = z.Imaginary;
        if (Math.Abs(a) < 0.5 && Math.Abs(b) < 0.5)
        {
            return new(0.5 * DMath.Log1p((2.0 * a) + ((a * a) + (b * b))), DMath.Atan2(b, 1.0 + a));
        }

        return Log(new ComplexD(1.0 + a, b));
    }

    /// <summary>The principal square root (real part ≥ 0, imaginary part with the sign of Im z).</summary>
    /// <remarks>
    /// t = √((|a| + |z|)/2); for a ≥ 0 the root is t + i·b/(2t), otherwise |b|/(2t) + i·sign(b)·t, so no
    /// subtraction cancels. √(±0 ± 0i) = +0 ± 0i.
    /// </remarks>
    public static ComplexD Sqrt(ComplexD z)
    {
        var a = z.Real;
        var b = z.Imaginary;
        if (a == 0.0 && b == 0.0)
        {
            return new(0.0, b);
        }

        var t = Math.Sqrt((0.5 * Math.Abs(a)) + (0.5 * Abs(z)));
        return a >= 0.0
            ? new(t, b / (2.0 * t))
            : new(Math.Abs(b) / (2.0 * t), Math.CopySign(t, b));
    }

    /// <summary>Formats as "(re, im)" with round-trip doubles in the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"({Real:R}, {Imaginary:R})");

    private static double LogAbs(ComplexD z)
    {
        var a = Math.Abs(z.Real);
        var b = Math.Abs(z.Imaginary);
        if (a < b)
        {
            (a, b) = (b, a);
        }

        if (a == 0.0)
        {
            return double.NegativeInfinity;
        }

        if (double.IsInfinity(a))
        {
            return a;
        }

        var ratio = b / a;
        return DMath.Log(a) + (0.5 * DMath.Log1p(ratio * ratio));
    }
}
