using System.Runtime.CompilerServices;
using Assay.Numerics;

namespace Assay.Pricing.Batch;

/// <summary>A single double seen as a one-wide lane, so that the scalar path runs the vector kernels' code.</summary>
internal readonly struct ScalarLane : ILane<ScalarLane, bool>
{
    public readonly double Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ScalarLane(double value) => Value = value;

    public static int Width => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator ScalarLane(double value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator +(ScalarLane a, ScalarLane b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator -(ScalarLane a, ScalarLane b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator *(ScalarLane a, ScalarLane b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator /(ScalarLane a, ScalarLane b) => new(a.Value / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator -(ScalarLane a) => new(-a.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator +(ScalarLane a, double b) => new(a.Value + b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator -(ScalarLane a, double b) => new(a.Value - b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator *(ScalarLane a, double b) => new(a.Value * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator /(ScalarLane a, double b) => new(a.Value / b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator +(double a, ScalarLane b) => new(a + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator -(double a, ScalarLane b) => new(a - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator *(double a, ScalarLane b) => new(a * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator /(double a, ScalarLane b) => new(a / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Load(ReadOnlySpan<double> source, int index) => new(source[index]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLane value, Span<double> destination, int index) => destination[index] = value.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(ReadOnlySpan<int> source, int index) => source[index] == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Constant(double value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Abs(ScalarLane a) => new(Math.Abs(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Max(ScalarLane a, ScalarLane b) => new(a.Value > b.Value ? a.Value : b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Min(ScalarLane a, ScalarLane b) => new(a.Value < b.Value ? a.Value : b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThan(ScalarLane a, ScalarLane b) => a.Value < b.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThanOrEqual(ScalarLane a, ScalarLane b) => a.Value <= b.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThan(ScalarLane a, ScalarLane b) => a.Value > b.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThanOrEqual(ScalarLane a, ScalarLane b) => a.Value >= b.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(ScalarLane a, ScalarLane b) => a.Value == b.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool And(bool a, bool b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Or(bool a, bool b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AndNot(bool a, bool b) => a & !b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(bool mask) => mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(bool mask) => mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Select(bool mask, ScalarLane whenTrue, ScalarLane whenFalse) => mask ? whenTrue : whenFalse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Sqrt(ScalarLane x) => new(DMath.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Exp(ScalarLane x) => new(DMath.Exp(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Log(ScalarLane x) => new(DMath.Log(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Erfcx(ScalarLane x) => new(ErrorFunction.Erfcx(x.Value));
}
