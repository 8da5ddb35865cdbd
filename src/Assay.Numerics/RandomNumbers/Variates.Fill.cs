using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using StandardNormal = Assay.Numerics.Normal;

namespace Assay.Numerics.RandomNumbers;

/// <summary>Span fillers: the variates of consecutive steps of one path and one dimension, vectorised.</summary>
public static partial class Variates
{
    private const ulong ExponentOfOne = 0x3FF0_0000_0000_0000;

    /// <summary>Fills <paramref name="destination"/>[i] with <c>Uniform(seed, path, firstStep + i, dimension)</c>.</summary>
    /// <param name="seed">Task seed (the Philox key).</param>
    /// <param name="path">Monte Carlo path index.</param>
    /// <param name="dimension">Factor (Brownian motion) index.</param>
    /// <param name="firstStep">Step index of <paramref name="destination"/>[0].</param>
    /// <param name="destination">Receives one uniform per step; the last step, firstStep + Length − 1, must not exceed <see cref="uint.MaxValue"/>.</param>
    /// <remarks>The output is bit for bit the scalar <see cref="Uniform"/>; eight steps (four generator calls) per vector iteration.</remarks>
    public static void FillUniforms(ulong seed, ulong path, uint dimension, uint firstStep, Span<double> destination)
    {
        CheckStepRange(firstStep, destination.Length);
        var key = Philox4x32Key.FromSeed(seed);
        var i = 0;
        ulong step = firstStep;
        if ((step & 1) != 0 && destination.Length > 0)
        {
            destination[0] = Uniform(seed, path, (uint)step, dimension);
            i = 1;
            step++;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var pathLow = Vector256.Create((ulong)(uint)path);
            var pathHigh = Vector256.Create(path >> 32);
            var dimensionWord = Vector256.Create((ulong)dimension);
            var laneOffsets = Vector256.Create(0UL, 1UL, 2UL, 3UL);
            for (; i + 8 <= destination.Length; i += 8, step += 8)
            {
                var pairs = Vector256.Create(step >> 1) + laneOffsets;
                var block = Philox4x32.Generate(new Philox4x32Lanes(pathLow, pathHigh, dimensionWord, pairs), key);
                var even = ToUniform(block.W0 | Vector256.ShiftLeft(block.W1, 32));
                var odd = ToUniform(block.W2 | Vector256.ShiftLeft(block.W3, 32));
                StoreInterleaved(even, odd, destination.Slice(i, 8));
            }
        }

        for (; i < destination.Length; i++, step++)
        {
            destination[i] = Uniform(seed, path, (uint)step, dimension);
        }
    }

    /// <summary>Fills <paramref name="destination"/>[i] with <c>Normal(seed, path, firstStep + i, dimension)</c>.</summary>
    /// <param name="seed">Task seed (the Philox key).</param>
    /// <param name="path">Monte Carlo path index.</param>
    /// <param name="dimension">Factor (Brownian motion) index.</param>
    /// <param name="firstStep">Step index of <paramref name="destination"/>[0].</param>
    /// <param name="destination">Receives one normal per step; the last step, firstStep + Length − 1, must not exceed <see cref="uint.MaxValue"/>.</param>
    /// <remarks>
    /// The increments of one Brownian factor along a path: a one-factor engine calls this once per path, an
    /// n-factor engine once per factor (then correlates). Bit for bit the scalar <see cref="Normal"/>, given that
    /// the lane-wise <c>Normal.InverseCdf</c> equals the scalar one (its contract).
    /// </remarks>
    public static void FillNormals(ulong seed, ulong path, uint dimension, uint firstStep, Span<double> destination)
    {
        FillUniforms(seed, path, dimension, firstStep, destination);
        var i = 0;
        for (; i + 4 <= destination.Length; i += 4)
        {
            var slot = destination.Slice(i, 4);
            StandardNormal.InverseCdf(Vector256.Create<double>(slot)).CopyTo(slot);
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = StandardNormal.InverseCdf(destination[i]);
        }
    }

    /// <summary>Lane-wise <see cref="ToUniform(ulong)"/>: the same exact value in each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> ToUniform(Vector256<ulong> bits)
    {
        var j = Vector256.ShiftRightLogical(bits, 11);
        j |= Vector256.Equals(j, Vector256<ulong>.Zero) & Vector256.Create(1UL << 52);

        // j = 2t + b with t < 2^52: t·2^−52 is exactly (1 + t·2^−52) − 1, the double with exponent 0 and mantissa t
        // less one (Sterbenz), and t·2^−52 + b·2^−53 = j·2^−53 is exact because j < 2^53.
        var t = Vector256.ShiftRightLogical(j, 1);
        var tScaled = (t | Vector256.Create(ExponentOfOne)).AsDouble() - Vector256<double>.One;
        var halfStep = ((Vector256<ulong>.Zero - (j & Vector256<ulong>.One)) & Vector256.Create(BitConverter.DoubleToUInt64Bits(UniformResolution))).AsDouble();
        return tScaled + halfStep;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreInterleaved(Vector256<double> even, Vector256<double> odd, Span<double> destination)
    {
        if (Avx.IsSupported)
        {
            var low = Avx.UnpackLow(even, odd);   // e0 o0 e2 o2
            var high = Avx.UnpackHigh(even, odd); // e1 o1 e3 o3
            Avx.Permute2x128(low, high, 0x20).CopyTo(destination);
            Avx.Permute2x128(low, high, 0x31).CopyTo(destination[4..]);
            return;
        }

        for (var lane = 0; lane < 4; lane++)
        {
            destination[2 * lane] = even.GetElement(lane);
            destination[(2 * lane) + 1] = odd.GetElement(lane);
        }
    }

    private static void CheckStepRange(uint firstStep, int length)
    {
        if (length > 0 && (ulong)firstStep + (ulong)length - 1 > uint.MaxValue)
        {
            ThrowStepRange(firstStep, length);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowStepRange(uint firstStep, int length) =>
        throw new ArgumentOutOfRangeException(
            "destination",
            $"firstStep + destination.Length − 1 = {(ulong)firstStep + (ulong)length - 1} exceeds the last step index {uint.MaxValue} (uint.MaxValue).");
}
