using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Pricing.Volatility;

/// <content>Four-lane mirrors of the arithmetic of regions II and IV, operation for operation, so each lane gets the scalar bits.</content>
public static partial class NormalisedBlack
{
    /// <summary><see cref="Finish"/> for four staged evaluations at once; lane i equals the scalar <see cref="Finish"/> of lane i bit for bit.</summary>
    /// <param name="s">s of each lane.</param>
    /// <param name="h">h = x/s of each lane.</param>
    /// <param name="t">t = s/2 of each lane.</param>
    /// <param name="correction">The Gaussian factor's correction (exactly 1 where the rounded exponent is used).</param>
    /// <param name="smallT">All-ones in the lanes of region II.</param>
    /// <param name="exponential">e^ExponentArgument.</param>
    /// <param name="erfcxFirst">erfcx(FirstArgument).</param>
    /// <param name="erfcxSecond">erfcx(SecondArgument) (any finite value in region II lanes).</param>
    /// <param name="vega">Receives ∂b/∂s per lane.</param>
    /// <remarks>
    /// Both forms are evaluated in every lane and the region selects one; a multiplication by a correction of exactly
    /// 1 returns its operand, so the scalar branch on <see cref="StagedValue.Corrected"/> needs no mask here.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> FinishLanes(
        Vector256<double> s,
        Vector256<double> h,
        Vector256<double> t,
        Vector256<double> correction,
        Vector256<double> smallT,
        Vector256<double> exponential,
        Vector256<double> erfcxFirst,
        Vector256<double> erfcxSecond,
        out Vector256<double> vega)
    {
        var gaussian = exponential * correction;
        vega = C(InvSqrtTwoPi) * gaussian;
        var small = SmallTExpansion(s, h, t, vega, C(SqrtPiOverTwo) * erfcxFirst);
        var wide = C(0.5) * gaussian * (erfcxFirst - erfcxSecond);
        return Vector256.ConditionalSelect(smallT, small, wide);
    }

    /// <summary>The lane-wise <see cref="SmallTExpansion(double, double, double, double, double)"/>, the same operations in the same order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SmallTExpansion(
        Vector256<double> s, Vector256<double> h, Vector256<double> t, Vector256<double> vega, Vector256<double> millsY)
    {
        var a = C(1.0) + (h * millsY);
        var w = t * t;
        var z = h * h;

        var c1 = C(-1.0 / 6.0) + (a * (C(1.0 / 2.0) + (z * C(1.0 / 6.0))));
        var c2 = C(-7.0 / 120.0) + (z * C(-1.0 / 120.0))
            + (a * (C(1.0 / 8.0) + (z * (C(1.0 / 12.0) + (z * C(1.0 / 120.0))))));
        var c3 = C(-19.0 / 1680.0) + (z * (C(-1.0 / 280.0) + (z * C(-1.0 / 5040.0))))
            + (a * (C(1.0 / 48.0) + (z * (C(1.0 / 48.0) + (z * (C(1.0 / 240.0) + (z * C(1.0 / 5040.0))))))));
        var c4 = C(-187.0 / 120960.0) + (z * (C(-19.0 / 24192.0) + (z * (C(-11.0 / 120960.0) + (z * C(-1.0 / 362880.0))))))
            + (a * (C(1.0 / 384.0) + (z * (C(1.0 / 288.0) + (z * (C(1.0 / 960.0) + (z * (C(1.0 / 10080.0) + (z * C(1.0 / 362880.0))))))))));
        var c5 = C(-437.0 / 2661120.0)
            + (z * (C(-13.0 / 110880.0) + (z * (C(-1.0 / 47520.0) + (z * (C(-13.0 / 9979200.0) + (z * C(-1.0 / 39916800.0))))))))
            + (a * (C(1.0 / 3840.0) + (z * (C(1.0 / 2304.0) + (z * (C(1.0 / 5760.0)
                + (z * (C(1.0 / 40320.0) + (z * (C(1.0 / 725760.0) + (z * C(1.0 / 39916800.0))))))))))));
        var c6 = C(-1979.0 / 138378240.0)
            + (z * (C(-263.0 / 19768320.0) + (z * (C(-97.0 / 29652480.0)
                + (z * (C(-107.0 / 345945600.0) + (z * (C(-1.0 / 83026944.0) + (z * C(-1.0 / 6227020800.0))))))))))
            + (a * (C(1.0 / 46080.0) + (z * (C(1.0 / 23040.0) + (z * (C(1.0 / 46080.0) + (z * (C(1.0 / 241920.0)
                + (z * (C(1.0 / 2903040.0) + (z * (C(1.0 / 79833600.0) + (z * C(1.0 / 6227020800.0))))))))))))));

        var series = a + (w * (c1 + (w * (c2 + (w * (c3 + (w * (c4 + (w * (c5 + (w * c6)))))))))));
        return vega * s * series;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> C(double value) => Vector256.Create(value);
}
