using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Assay.Numerics;

namespace Assay.Pricing.Batch;

/// <summary>A Vector256&lt;double&gt; of 4 independent lanes for the analytic kernels.</summary>
internal readonly struct Vector256Lane : ILane<Vector256Lane, Vector256<double>>
{
    /// <summary>Smallest positive normal double, 2^−1022.</summary>
    private const double MinNormal = 2.2250738585072014e-308;

    public readonly Vector256<double> Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256Lane(Vector256<double> value) => Value = value;

    public static int Width => 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator Vector256Lane(Vector256<double> value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator +(Vector256Lane a, Vector256Lane b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator -(Vector256Lane a, Vector256Lane b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator *(Vector256Lane a, Vector256Lane b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator /(Vector256Lane a, Vector256Lane b) => new(a.Value / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator -(Vector256Lane a) => new(-a.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator +(Vector256Lane a, double b) => new(a.Value + Vector256.Create(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator -(Vector256Lane a, double b) => new(a.Value - Vector256.Create(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator *(Vector256Lane a, double b) => new(a.Value * Vector256.Create(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator /(Vector256Lane a, double b) => new(a.Value / Vector256.Create(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator +(double a, Vector256Lane b) => new(Vector256.Create(a) + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator -(double a, Vector256Lane b) => new(Vector256.Create(a) - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator *(double a, Vector256Lane b) => new(Vector256.Create(a) * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane operator /(double a, Vector256Lane b) => new(Vector256.Create(a) / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Load(ReadOnlySpan<double> source, int index) => new(Vector256.Create(source.Slice(index, 4)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256Lane value, Span<double> destination, int index) => value.Value.CopyTo(destination.Slice(index, 4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> IsZero(ReadOnlySpan<int> source, int index)
    {
        var (lower, upper) = Vector128.Widen(Vector128.Create(source.Slice(index, 4)));
        return Vector256.Equals(Vector256.Create(lower, upper), Vector256<long>.Zero).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Constant(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Abs(Vector256Lane a) => new(Vector256.Abs(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Max(Vector256Lane a, Vector256Lane b) => new(Vector256.ConditionalSelect(Vector256.GreaterThan(a.Value, b.Value), a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Min(Vector256Lane a, Vector256Lane b) => new(Vector256.ConditionalSelect(Vector256.LessThan(a.Value, b.Value), a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LessThan(Vector256Lane a, Vector256Lane b) => Vector256.LessThan(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LessThanOrEqual(Vector256Lane a, Vector256Lane b) => Vector256.LessThanOrEqual(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterThan(Vector256Lane a, Vector256Lane b) => Vector256.GreaterThan(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterThanOrEqual(Vector256Lane a, Vector256Lane b) => Vector256.GreaterThanOrEqual(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Equal(Vector256Lane a, Vector256Lane b) => Vector256.Equals(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> And(Vector256<double> a, Vector256<double> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Or(Vector256<double> a, Vector256<double> b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> AndNot(Vector256<double> a, Vector256<double> b) => Vector256.AndNot(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vector256<double> mask) => Vector256.ExtractMostSignificantBits(mask) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(Vector256<double> mask) => Vector256.ExtractMostSignificantBits(mask) == 0xFu;

    /// <remarks>
    /// Every mask the kernels build comes from a compare (or And/Or/AndNot of compares), so each lane is all ones or
    /// all zeros and the sign-bit blend <c>vblendvpd</c> (one instruction) selects exactly what the bitwise
    /// and/andnot/or form (three instructions, which the JIT emits for a mask held in a local) would.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Select(Vector256<double> mask, Vector256Lane whenTrue, Vector256Lane whenFalse) =>
        Avx.IsSupported ? Avx.BlendVariable(whenFalse.Value, whenTrue.Value, mask) : Vector256.ConditionalSelect(mask, whenTrue.Value, whenFalse.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Sqrt(Vector256Lane x) => new(DMath.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Exp(Vector256Lane x) => new(DMath.Exp(x.Value));

    /// <remarks>
    /// When every lane is positive, normal and finite (one compare pair), <see cref="DMath.LogOfPositiveNormal"/> gives the
    /// same bits as <see cref="DMath.Log(Vector256{double})"/> without its subnormal scaling and range fix-ups.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Log(Vector256Lane x)
    {
        var normal = Vector256.GreaterThanOrEqual(x.Value, Vector256.Create(MinNormal))
            & Vector256.LessThan(x.Value, Vector256.Create(double.PositiveInfinity));
        return Vector256.ExtractMostSignificantBits(normal) == 0xFu ? new(DMath.LogOfPositiveNormal(x.Value)) : new(DMath.Log(x.Value));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Erfcx(Vector256Lane x) => new(ErrorFunction.Erfcx(x.Value));
}
