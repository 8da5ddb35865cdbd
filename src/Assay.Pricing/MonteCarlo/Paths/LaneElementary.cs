using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>e^x and ln x on lanes, bit for bit the lane's own <see cref="ILane{TSelf, TMask}.Exp"/> and <see cref="ILane{TSelf, TMask}.Log"/>, with a range-checked fast path on Vector256 lanes.</summary>
/// <remarks>
/// The walks' exponentials (of log-returns) and logarithms (of the Heston correction's argument and of (1 − p)/(1 − U))
/// are nearly always in the range where <see cref="DMath.ExpOfModerate(Vector256{double})"/> and
/// <see cref="DMath.LogOfPositiveNormal(Vector256{double})"/> give the same bits as the full kernels with fewer
/// operations (no clamps or special-value fix-ups). One compare pair per vector decides; a vector with any lane out of
/// range, and every other lane type, takes the full kernel.
/// </remarks>
internal static class LaneElementary
{
    /// <summary>The smallest positive normal double, 2^−1022.</summary>
    private const double MinNormal = 2.2250738585072014e-308;

    /// <summary>The bound on |x| below which <see cref="DMath.ExpOfModerate(Vector256{double})"/> applies.</summary>
    private const double ModerateExponent = 700.0;

    /// <summary>e^x per lane, the bits of <see cref="ILane{TSelf, TMask}.Exp"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLane Exp<TLane, TMask>(TLane x)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        if (typeof(TLane) == typeof(Vector256Lane))
        {
            var value = Unsafe.As<TLane, Vector256Lane>(ref x).Value;
            if (Vector256.LessThanOrEqualAll(Vector256.Abs(value), Vector256.Create(ModerateExponent)))
            {
                var result = new Vector256Lane(DMath.ExpOfModerate(value));
                return Unsafe.As<Vector256Lane, TLane>(ref result);
            }
        }

        return TLane.Exp(x);
    }

    /// <summary>ln x per lane, the bits of <see cref="ILane{TSelf, TMask}.Log"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLane Log<TLane, TMask>(TLane x)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        if (typeof(TLane) == typeof(Vector256Lane))
        {
            var value = Unsafe.As<TLane, Vector256Lane>(ref x).Value;
            if (Vector256.GreaterThanOrEqualAll(value, Vector256.Create(MinNormal)) && Vector256.LessThanAll(value, Vector256.Create(double.PositiveInfinity)))
            {
                var result = new Vector256Lane(DMath.LogOfPositiveNormal(value));
                return Unsafe.As<Vector256Lane, TLane>(ref result);
            }
        }

        return TLane.Log(x);
    }
}
