using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using StandardNormal = Assay.Numerics.Normal;

namespace Assay.Numerics.RandomNumbers;

/// <summary>Path-parallel variates: one step of four consecutive paths in the lanes of a vector.</summary>
public static partial class Variates
{
    /// <summary>
    /// The normals of paths <paramref name="firstPath"/> … <paramref name="firstPath"/> + 3 (one per lane) at the steps
    /// 2·<paramref name="stepPair"/> (<paramref name="even"/>) and 2·<paramref name="stepPair"/> + 1 (<paramref name="odd"/>).
    /// </summary>
    /// <param name="seed">Task seed (the Philox key).</param>
    /// <param name="firstPath">Path index of lane 0; lane i is path firstPath + i.</param>
    /// <param name="stepPair">Half the even step index.</param>
    /// <param name="dimension">Factor (Brownian motion) index.</param>
    /// <param name="even">Receives <c>Normal(seed, firstPath + i, 2·stepPair, dimension)</c> in lane i.</param>
    /// <param name="odd">Receives <c>Normal(seed, firstPath + i, 2·stepPair + 1, dimension)</c> in lane i.</param>
    /// <remarks>One vectorised Philox call serves both steps; lane i is bit for bit the scalar <see cref="Normal"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NormalPairs(ulong seed, ulong firstPath, uint stepPair, uint dimension, out Vector256<double> even, out Vector256<double> odd)
    {
        UniformPairs(seed, firstPath, stepPair, dimension, out var evenUniform, out var oddUniform);
        even = StandardNormal.InverseCdf(evenUniform);
        odd = StandardNormal.InverseCdf(oddUniform);
    }

    /// <summary>
    /// The uniforms of paths <paramref name="firstPath"/> … <paramref name="firstPath"/> + 3 at steps 2·<paramref name="stepPair"/>
    /// and 2·<paramref name="stepPair"/> + 1; lane i is bit for bit <c>Uniform(seed, firstPath + i, step, dimension)</c>.
    /// </summary>
    /// <param name="seed">Task seed (the Philox key).</param>
    /// <param name="firstPath">Path index of lane 0.</param>
    /// <param name="stepPair">Half the even step index.</param>
    /// <param name="dimension">Factor index.</param>
    /// <param name="even">Uniforms of the even step.</param>
    /// <param name="odd">Uniforms of the odd step.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UniformPairs(ulong seed, ulong firstPath, uint stepPair, uint dimension, out Vector256<double> even, out Vector256<double> odd)
    {
        var paths = Vector256.Create(firstPath) + Vector256.Create(0UL, 1UL, 2UL, 3UL);
        var counters = new Philox4x32Lanes(
            paths & Vector256.Create(0xFFFF_FFFFUL),
            Vector256.ShiftRightLogical(paths, 32),
            Vector256.Create((ulong)dimension),
            Vector256.Create((ulong)stepPair));
        var block = Philox4x32.Generate(counters, Philox4x32Key.FromSeed(seed));
        even = ToUniform(block.W0 | Vector256.ShiftLeft(block.W1, 32));
        odd = ToUniform(block.W2 | Vector256.ShiftLeft(block.W3, 32));
    }
}
