using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Assay.Numerics;

// Batch forms: the vector kernels over whole vectors, the scalar kernel on the tail, all bit-identical.
public static partial class DMath
{
    /// <summary>A lane-wise kernel in its three widths, for <see cref="Map{TKernel}"/>.</summary>
    private interface IElementwise
    {
        static abstract double Apply(double x);

        static abstract Vector256<double> Apply(Vector256<double> x);

        static abstract Vector512<double> Apply(Vector512<double> x);
    }

    /// <summary>Writes e^x[i] to result[i] for every element of <paramref name="x"/>.</summary>
    /// <param name="x">Exponents.</param>
    /// <param name="result">Destination, at least as long as <paramref name="x"/>; either the same memory as <paramref name="x"/> or not overlapping it.</param>
    /// <remarks>Each element is bit-identical to <see cref="Exp(double)"/> of that element, whatever the SIMD width used.</remarks>
    /// <exception cref="ArgumentException"><paramref name="result"/> is shorter than <paramref name="x"/>.</exception>
    public static void Exp(ReadOnlySpan<double> x, Span<double> result) => Map<ExpKernel>(x, result);

    /// <summary>Writes ln x[i] to result[i] for every element of <paramref name="x"/>.</summary>
    /// <param name="x">Arguments.</param>
    /// <param name="result">Destination, at least as long as <paramref name="x"/>; either the same memory as <paramref name="x"/> or not overlapping it.</param>
    /// <remarks>Each element is bit-identical to <see cref="Log(double)"/> of that element, whatever the SIMD width used.</remarks>
    /// <exception cref="ArgumentException"><paramref name="result"/> is shorter than <paramref name="x"/>.</exception>
    public static void Log(ReadOnlySpan<double> x, Span<double> result) => Map<LogKernel>(x, result);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Map<TKernel>(ReadOnlySpan<double> x, Span<double> result)
        where TKernel : struct, IElementwise
    {
        if (result.Length < x.Length)
        {
            ThrowDestinationTooShort();
        }

        ref var src = ref MemoryMarshal.GetReference(x);
        ref var dst = ref MemoryMarshal.GetReference(result);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= x.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                TKernel.Apply(Vector512.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            TKernel.Apply(Vector256.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }

        for (; i < x.Length; i++)
        {
            result[i] = TKernel.Apply(x[i]);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDestinationTooShort() =>
        throw new ArgumentException("The destination span is shorter than the source span.", "result");

    private readonly struct ExpKernel : IElementwise
    {
        public static double Apply(double x) => Exp(x);

        public static Vector256<double> Apply(Vector256<double> x) => Exp(x);

        public static Vector512<double> Apply(Vector512<double> x) => Exp(x);
    }

    private readonly struct LogKernel : IElementwise
    {
        public static double Apply(double x) => Log(x);

        public static Vector256<double> Apply(Vector256<double> x) => Log(x);

        public static Vector512<double> Apply(Vector512<double> x) => Log(x);
    }
}
