using Assay.Numerics;

namespace Assay.Pricing.Volatility;

/// <summary>A seven-digit Φ⁻¹ for the initial guesses, from ln p, so that no full-precision inverse is needed there.</summary>
/// <remarks>
/// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution", Applied Statistics 37(3),
/// 1988, pp. 477–484: the PPND7 rational approximations (relative accuracy about 1e−7), with their published
/// coefficients. Taking ln p as the input lets the tails skip forming p: the guess maps need Φ⁻¹ of a cube root
/// (lower branch), whose logarithm is one third of a logarithm already at hand. A guess that is 1e−7 off costs
/// nothing: the Householder refinement converges from errors of a few percent.
/// </remarks>
internal static partial class NormalQuantileGuess
{
    /// <summary>ln 0.075: below it (p &lt; 1/2 − 0.425) the tail approximations apply.</summary>
    private const double LogCentralLimit = -2.5902671654458267;

    /// <summary>Φ⁻¹(p) for 0 &lt; p ≤ 1/2 given ln p (so the result is ≤ 0).</summary>
    public static double LowerTail(double logP)
    {
        if (logP > LogCentralLimit)
        {
            // Central region: q = p − 1/2, r = 0.425² − q².
            var q = DMath.Exp(logP) - 0.5;
            var r = 0.180625 - (q * q);
            var numerator = (((((59.109374720 * r) + 159.29113202) * r) + 50.434271938) * r) + 3.3871327179;
            var denominator = (((((67.187563600 * r) + 78.757757664) * r) + 17.895169469) * r) + 1.0;
            return q * numerator / denominator;
        }

        var t = Math.Sqrt(-logP);
        if (t <= 5.0)
        {
            t -= 1.6;
            var numerator = (((((0.17023821103 * t) + 1.3067284816) * t) + 2.7568153900) * t) + 1.4234372777;
            var denominator = (((0.12021132975 * t) + 0.73700164250) * t) + 1.0;
            return -numerator / denominator;
        }

        t -= 5.0;
        var tailNumerator = (((((0.017337203997 * t) + 0.42868294337) * t) + 3.0812263860) * t) + 6.6579051150;
        var tailDenominator = (((0.012258202635 * t) + 0.24197894225) * t) + 1.0;
        return -tailNumerator / tailDenominator;
    }
}
