using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using StandardNormal = Assay.Numerics.Normal;

namespace Assay.Numerics.RandomNumbers;

/// <summary>The Monte Carlo normal variate: the fast PPND16 inverse of the same uniforms.</summary>
public static partial class Variates
{
    /// <summary>The Monte Carlo engine's standard normal at an address: <c>Normal.InverseCdfFast</c> of <see cref="Uniform"/>.</summary>
    /// <param name="seed">Task seed (the Philox key).</param>
    /// <param name="path">Monte Carlo path index.</param>
    /// <param name="step">Time step index.</param>
    /// <param name="dimension">Factor (Brownian motion) index.</param>
    /// <remarks>
    /// The same uniform as <see cref="Normal"/>, mapped by Wichura's PPND16 alone (relative error about 1e-16, within a
    /// few ulp of <see cref="Normal"/>; see docs/mc-performance.md). This is the variate definition of the Monte
    /// Carlo engine: changing it changes every Monte Carlo result's bits.
    /// </remarks>
    public static double NormalFast(ulong seed, ulong path, uint step, uint dimension) =>
        StandardNormal.InverseCdfFast(Uniform(seed, path, step, dimension));

    /// <summary>
    /// <see cref="NormalFast"/> of paths <paramref name="firstPath"/> … <paramref name="firstPath"/> + 3 (one per lane) at the steps
    /// 2·<paramref name="stepPair"/> (<paramref name="even"/>) and 2·<paramref name="stepPair"/> + 1 (<paramref name="odd"/>).
    /// </summary>
    /// <param name="seed">Task seed (the Philox key).</param>
    /// <param name="firstPath">Path index of lane 0; lane i is path firstPath + i.</param>
    /// <param name="stepPair">Half the even step index.</param>
    /// <param name="dimension">Factor (Brownian motion) index.</param>
    /// <param name="even">Receives <c>NormalFast(seed, firstPath + i, 2·stepPair, dimension)</c> in lane i.</param>
    /// <param name="odd">Receives <c>NormalFast(seed, firstPath + i, 2·stepPair + 1, dimension)</c> in lane i.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NormalFastPairs(ulong seed, ulong firstPath, uint stepPair, uint dimension, out Vector256<double> even, out Vector256<double> odd)
    {
        UniformPairs(seed, firstPath, stepPair, dimension, out var evenUniform, out var oddUniform);
        even = StandardNormal.InverseCdfFast(evenUniform);
        odd = StandardNormal.InverseCdfFast(oddUniform);
    }
}
