using System.Runtime.CompilerServices;
using StandardNormal = Assay.Numerics.Normal;

namespace Assay.Numerics.RandomNumbers;

/// <summary>Random variates addressed by (seed, path, step, dimension), each a pure function of its address.</summary>
/// <remarks>
/// <para>Layout: key = <see cref="Philox4x32Key.FromSeed(ulong)"/> (seed low word, seed high word); counter =
/// (path low 32 bits, path high 32 bits, dimension, step / 2). One Philox4x32-10 call yields 128 bits, read as
/// two 64-bit words: <see cref="Philox4x32Block.Low64"/> (words 0–1) for the even step 2q and
/// <see cref="Philox4x32Block.High64"/> (words 2–3) for the odd step 2q + 1. Distinct addresses therefore use
/// distinct (key, counter, half) triples, and any variate costs one generator call, independent of the others.
/// Pairing consecutive steps (not dimensions) in one call means a path generator walking the steps of one factor
/// uses every generated bit.</para>
/// <para>Uniform mapping (<see cref="ToUniform(ulong)"/>): j = bits ≫ 11 (the top 53 bits); j = 0 is replaced by
/// 2^52; u = j·2^−53, computed exactly. So u lies on the grid {1, …, 2^53 − 1}·2^−53 in [2^−53, 1 − 2^−53],
/// never 0 or 1; the law is symmetric under u ↦ 1 − u and every grid point has probability 2^−53 except
/// u = 1/2, which has 2^−52. Normals are <c>Normal.InverseCdf(u)</c>, one uniform per normal, range about ±8.21.</para>
/// </remarks>
public static partial class Variates
{
    /// <summary>Spacing of the uniform grid, 2^−53.</summary>
    public const double UniformResolution = 1.0 / 9007199254740992.0;

    /// <summary>The Philox counter holding the bits of (path, step, dimension); see the layout in the type remarks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Philox4x32Block Counter(ulong path, uint step, uint dimension) =>
        new((uint)path, (uint)(path >> 32), dimension, step >> 1);

    /// <summary>The 64 random bits at an address.</summary>
    /// <param name="seed">Task seed (the Philox key).</param>
    /// <param name="path">Monte Carlo path index.</param>
    /// <param name="step">Time step index.</param>
    /// <param name="dimension">Factor (Brownian motion) index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong seed, ulong path, uint step, uint dimension)
    {
        var block = Philox4x32.Generate(Counter(path, step, dimension), Philox4x32Key.FromSeed(seed));
        return (step & 1) == 0 ? block.Low64 : block.High64;
    }

    /// <summary>A uniform variate in the open interval (0, 1) at an address.</summary>
    /// <param name="seed">Task seed (the Philox key).</param>
    /// <param name="path">Monte Carlo path index.</param>
    /// <param name="step">Time step index.</param>
    /// <param name="dimension">Factor (Brownian motion) index.</param>
    public static double Uniform(ulong seed, ulong path, uint step, uint dimension) =>
        ToUniform(Bits(seed, path, step, dimension));

    /// <summary>A standard normal variate at an address: <c>Normal.InverseCdf</c> of <see cref="Uniform"/>.</summary>
    /// <param name="seed">Task seed (the Philox key).</param>
    /// <param name="path">Monte Carlo path index.</param>
    /// <param name="step">Time step index.</param>
    /// <param name="dimension">Factor (Brownian motion) index.</param>
    public static double Normal(ulong seed, ulong path, uint step, uint dimension) =>
        StandardNormal.InverseCdf(Uniform(seed, path, step, dimension));

    /// <summary>Maps 64 random bits to the uniform grid {1, …, 2^53 − 1}·2^−53 (exact; see the type remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToUniform(ulong bits)
    {
        var j = bits >> 11;
        if (j == 0)
        {
            j = 1UL << 52;
        }

        // j < 2^53, so the conversion and the scaling by a power of two are both exact.
        return (long)j * UniformResolution;
    }
}
