using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;

namespace Assay.Pricing.Batch;

/// <summary>A Vector512&lt;double&gt; of 8 independent lanes for the analytic kernels.</summary>
internal readonly struct Vector512Lane : ILane<Vector512Lane, Vector512<double>>
{
    public readonly Vector512<double> Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512Lane(Vector512<double> value) => Value = value;

    public static int Width => 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator Vector512Lane(Vector512<double> value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator +(Vector512Lane a, Vector512Lane b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator -(Vector512Lane a, Vector512Lane b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator *(Vector512Lane a, Vector512Lane b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator /(Vector512Lane a, Vector512Lane b) => new(a.Value / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator -(Vector512Lane a) => new(-a.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator +(Vector512Lane a, double b) => new(a.Value + Vector512.Create(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator -(Vector512Lane a, double b) => new(a.Value - Vector512.Create(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator *(Vector512Lane a, double b) => new(a.Value * Vector512.Create(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator /(Vector512Lane a, double b) => new(a.Value / Vector512.Create(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator +(double a, Vector512Lane b) => new(Vector512.Create(a) + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator -(double a, Vector512Lane b) => new(Vector512.Create(a) - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator *(double a, Vector512Lane b) => new(Vector512.Create(a) * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane operator /(double a, Vector512Lane b) => new(Vector512.Create(a) / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Load(ReadOnlySpan<double> source, int index) => new(Vector512.Create(source.Slice(index, 8)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512Lane value, Span<double> destination, int index) => value.Value.CopyTo(destination.Slice(index, 8));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> IsZero(ReadOnlySpan<int> source, int index)
    {
        var (lower, upper) = Vector256.Widen(Vector256.Create(source.Slice(index, 8)));
        return Vector512.Equals(Vector512.Create(lower, upper), Vector512<long>.Zero).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Constant(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Abs(Vector512Lane a) => new(Vector512.Abs(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Max(Vector512Lane a, Vector512Lane b) => new(Vector512.ConditionalSelect(Vector512.GreaterThan(a.Value, b.Value), a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Min(Vector512Lane a, Vector512Lane b) => new(Vector512.ConditionalSelect(Vector512.LessThan(a.Value, b.Value), a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LessThan(Vector512Lane a, Vector512Lane b) => Vector512.LessThan(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LessThanOrEqual(Vector512Lane a, Vector512Lane b) => Vector512.LessThanOrEqual(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> GreaterThan(Vector512Lane a, Vector512Lane b) => Vector512.GreaterThan(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> GreaterThanOrEqual(Vector512Lane a, Vector512Lane b) => Vector512.GreaterThanOrEqual(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Equal(Vector512Lane a, Vector512Lane b) => Vector512.Equals(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> And(Vector512<double> a, Vector512<double> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Or(Vector512<double> a, Vector512<double> b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> AndNot(Vector512<double> a, Vector512<double> b) => Vector512.AndNot(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vector512<double> mask) => Vector512.ExtractMostSignificantBits(mask) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(Vector512<double> mask) => Vector512.ExtractMostSignificantBits(mask) == 0xFFu;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Select(Vector512<double> mask, Vector512Lane whenTrue, Vector512Lane whenFalse) => Vector512.ConditionalSelect(mask, whenTrue.Value, whenFalse.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Sqrt(Vector512Lane x) => new(DMath.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Exp(Vector512Lane x) => new(DMath.Exp(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Log(Vector512Lane x) => new(DMath.Log(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Erfcx(Vector512Lane x) => new(ErrorFunction.Erfcx(x.Value));
}
