using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics.RandomNumbers;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>Uniforms in (0, 1) for the paths held in one lane value, bit for bit <see cref="Variates.Uniform"/> per lane.</summary>
internal static class LaneUniforms
{
    /// <summary>Uniforms of steps 2·<paramref name="stepPair"/> and 2·<paramref name="stepPair"/> + 1 for paths firstPath + lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pair<TLane>(ulong seed, ulong firstPath, uint stepPair, uint dimension, out TLane even, out TLane odd)
        where TLane : unmanaged
    {
        if (typeof(TLane) == typeof(Vector256Lane))
        {
            Variates.UniformPairs(seed, firstPath, stepPair, dimension, out var e, out var o);
            var ev = new Vector256Lane(e);
            var ov = new Vector256Lane(o);
            even = Unsafe.As<Vector256Lane, TLane>(ref ev);
            odd = Unsafe.As<Vector256Lane, TLane>(ref ov);
        }
        else if (typeof(TLane) == typeof(Vector512Lane))
        {
            Variates.UniformPairs(seed, firstPath, stepPair, dimension, out var e0, out var o0);
            Variates.UniformPairs(seed, firstPath + 4, stepPair, dimension, out var e1, out var o1);
            var ev = new Vector512Lane(Vector512.Create(e0, e1));
            var ov = new Vector512Lane(Vector512.Create(o0, o1));
            even = Unsafe.As<Vector512Lane, TLane>(ref ev);
            odd = Unsafe.As<Vector512Lane, TLane>(ref ov);
        }
        else if (typeof(TLane) == typeof(ScalarLane))
        {
            var block = Philox4x32.Generate(Variates.Counter(firstPath, 2 * stepPair, dimension), Philox4x32Key.FromSeed(seed));
            var ev = new ScalarLane(Variates.ToUniform(block.Low64));
            var ov = new ScalarLane(Variates.ToUniform(block.High64));
            even = Unsafe.As<ScalarLane, TLane>(ref ev);
            odd = Unsafe.As<ScalarLane, TLane>(ref ov);
        }
        else
        {
            throw new NotSupportedException($"No uniform source for lane type {typeof(TLane).Name}.");
        }
    }
}
