using Assay.Numerics;

namespace Assay.Pricing.Engines.FiniteDifference;

/// <summary>A one-dimensional mesh concentrated at one point by a sinh map, with that point on the middle node.</summary>
/// <remarks>
/// Offsets from the centre are δⱼ = α·sinh(ξ_max·j/m) for j = −m…m, so the spacing is about α·ξ_max/m at the centre
/// and grows like |δ|·ξ_max/m away from it (Tavella and Randall, "Pricing Financial Instruments: The Finite
/// Difference Method", Wiley 2000, §5.3, use the same map). ξ_max = asinh(max(left, right)/α), so the mesh covers at
/// least [−left, right]; the side with the smaller reach extends beyond it, which costs little because the map is
/// logarithmic there. The mesh is symmetric to the last bit: δ₋ⱼ = −δⱼ.
/// </remarks>
internal static class SinhMesh
{
    /// <summary>Above this argument asinh(z) is ln(2z) to double precision (the next term is 1/(4z²)).</summary>
    private const double AsinhLogThreshold = 1e8;

    /// <summary>Fills <paramref name="offsets"/> (length 2m + 1) with the offsets from the centre, ascending.</summary>
    internal static void Build(double alpha, double left, double right, Span<double> offsets)
    {
        var m = offsets.Length / 2;
        var xiMax = Asinh(Math.Max(left, right) / alpha);
        offsets[m] = 0.0;
        for (var j = 1; j <= m; j++)
        {
            var w = alpha * Sinh(xiMax * j / m);
            offsets[m + j] = w;
            offsets[m - j] = -w;
        }
    }

    /// <summary>asinh(z) for z ≥ 0, without cancellation for small z and without overflow for large z.</summary>
    internal static double Asinh(double z)
    {
        if (z > AsinhLogThreshold)
        {
            return DMath.Log(2.0 * z);
        }

        // asinh z = log1p(z + z²/(1 + √(1 + z²))), exact rearrangement of ln(z + √(1 + z²)).
        return DMath.Log1p(z + (z * z / (1.0 + Math.Sqrt(1.0 + (z * z)))));
    }

    /// <summary>sinh(w) = (eʷ − e⁻ʷ)/2 through expm1, accurate near zero.</summary>
    internal static double Sinh(double w) => 0.5 * (DMath.Expm1(w) - DMath.Expm1(-w));
}
