using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;

namespace Assay.Pricing.Volatility;

/// <content>The four-lane mirror of <see cref="NormalQuantileGuess.LowerTail(double)"/>.</content>
internal static partial class NormalQuantileGuess
{
    /// <summary><see cref="LowerTail(double)"/> for four lanes: all three regions are evaluated and each lane takes its own, bit for bit.</summary>
    public static Vector256<double> LowerTail(Vector256<double> logP)
    {
        var q = DMath.Exp(logP) - C(0.5);
        var r = C(0.180625) - (q * q);
        var numerator = (((((C(59.109374720) * r) + C(159.29113202)) * r) + C(50.434271938)) * r) + C(3.3871327179);
        var denominator = (((((C(67.187563600) * r) + C(78.757757664)) * r) + C(17.895169469)) * r) + C(1.0);
        var central = q * numerator / denominator;

        var t = Vector256.Sqrt(-logP);
        var near = t - C(1.6);
        var nearNumerator = (((((C(0.17023821103) * near) + C(1.3067284816)) * near) + C(2.7568153900)) * near) + C(1.4234372777);
        var nearDenominator = (((C(0.12021132975) * near) + C(0.73700164250)) * near) + C(1.0);
        var far = t - C(5.0);
        var tailNumerator = (((((C(0.017337203997) * far) + C(0.42868294337)) * far) + C(3.0812263860)) * far) + C(6.6579051150);
        var tailDenominator = (((C(0.012258202635) * far) + C(0.24197894225)) * far) + C(1.0);
        var tail = Vector256.ConditionalSelect(
            Vector256.LessThanOrEqual(t, C(5.0)), -nearNumerator / nearDenominator, -tailNumerator / tailDenominator);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(logP, C(LogCentralLimit)), central, tail);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> C(double value) => Vector256.Create(value);
}
