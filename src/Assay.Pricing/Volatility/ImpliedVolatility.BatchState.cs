using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Assay.Pricing.Volatility;

/// <content>The batch's per-chunk state as a structure of arrays: one row of <see cref="BatchChunk"/> doubles per field.</content>
/// <remarks>
/// A stage that runs over the chunk in order loads and stores whole vectors of four quotes; a stage over a list of
/// items (a branch, a region, the unfinished quotes) reads four cells of a row. The rows live in two stack buffers
/// (doubles and integers), next to the item lists.
/// </remarks>
public static partial class ImpliedVolatility
{
    /// <summary>Reads four consecutive items' cells of a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(Span<double> state, int field, int k) => Vector256.LoadUnsafe(ref Cell(state, field, k));

    /// <summary>Writes four consecutive items' cells of a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<double> state, int field, int k, Vector256<double> value) => value.StoreUnsafe(ref Cell(state, field, k));

    /// <summary>Reads the cells of four listed items of a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Gather(Span<double> state, int field, int k0, int k1, int k2, int k3)
    {
        ref var row = ref Cell(state, field, 0);
        return Vector256.Create(Unsafe.Add(ref row, k0), Unsafe.Add(ref row, k1), Unsafe.Add(ref row, k2), Unsafe.Add(ref row, k3));
    }

    /// <summary>Writes the cells of four listed items of a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scatter(Span<double> state, int field, int k0, int k1, int k2, int k3, Vector256<double> value)
    {
        ref var row = ref Cell(state, field, 0);
        Unsafe.Add(ref row, k0) = value.GetElement(0);
        Unsafe.Add(ref row, k1) = value.GetElement(1);
        Unsafe.Add(ref row, k2) = value.GetElement(2);
        Unsafe.Add(ref row, k3) = value.GetElement(3);
    }

    /// <summary>The cell of item <paramref name="k"/> in row <paramref name="field"/> (k &lt; <see cref="BatchChunk"/>; not checked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double Cell(Span<double> state, int field, int k) =>
        ref Unsafe.Add(ref MemoryMarshal.GetReference(state), (field * BatchChunk) + k);

    /// <summary>The integer cell of item <paramref name="k"/> in row <paramref name="field"/> (k &lt; <see cref="BatchChunk"/>; not checked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref int Cell(Span<int> state, int field, int k) =>
        ref Unsafe.Add(ref MemoryMarshal.GetReference(state), (field * BatchChunk) + k);

    /// <summary>The rows of the chunk state (doubles; the integer rows are in <see cref="IntField"/>).</summary>
    private static class Field
    {
        public const int Beta = 0;
        public const int X = 1;
        public const int BMax = 2;
        public const int BetaComplement = 3;
        public const int Intrinsic = 4;
        public const int Upper = 5;
        public const int SC = 6;
        public const int BC = 7;
        public const int VC = 8;
        public const int Node = 9;
        public const int BNode = 10;
        public const int VNode = 11;
        public const int S = 12;
        public const int SLeft = 13;
        public const int SRight = 14;
        public const int BLeft = 15;
        public const int BRight = 16;
        public const int IntervalSLeft = 17;
        public const int IntervalSRight = 18;
        public const int VLeft = 19;
        public const int VRight = 20;

        /// <summary>All ones (as the bits of a double) where the guess's curvature is fitted at the right end.</summary>
        public const int ControlAtRight = 21;

        /// <summary>All ones (as the bits of a double) on the lower branch.</summary>
        public const int LowerMask = 22;

        /// <summary>All ones (as the bits of a double) on the upper branch.</summary>
        public const int UpperMask = 23;

        /// <summary>s after the closing step (<see cref="ClosingLanes"/>), before the bracket test.</summary>
        public const int Closed = 24;

        /// <summary>All ones (as the bits of a double) where the closing step was accepted.</summary>
        public const int Accepted = 25;

        /// <summary>T in years, for σ = s/√T.</summary>
        public const int Expiry = 26;

        /// <summary>erfcx at the inflection point (<see cref="NormalisedBlack.AtInflectionArgumentLanes"/>).</summary>
        public const int InflectionErfcx = 27;
        public const int Count = 28;
    }

    /// <summary>The integer rows of the chunk state.</summary>
    private static class IntField
    {
        public const int Index = 0;
        public const int Branch = 1;
        public const int Closing = 2;
        public const int Iterations = 3;
        public const int Count = 4;
    }
}
