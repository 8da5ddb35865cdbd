using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;

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
        var wide = C(0.5) * gaussian * (erfcxFirst - erfcxSecond);
        if (smallT.ExtractMostSignificantBits() == 0)
        {
            // No lane in region II: the series would be discarded in every lane.
            return wide;
        }

        var small = SmallTExpansion(s, h, t, vega, C(SqrtPiOverTwo) * erfcxFirst);
        return Vector256.ConditionalSelect(smallT, small, wide);
    }

    /// <summary><see cref="AtInflectionArgument"/> for four lanes; each lane equals the scalar call bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> AtInflectionArgumentLanes(Vector256<double> x, Vector256<double> sC)
    {
        var argument = Vector256.ConditionalSelect(
            Vector256.LessThan(C(0.5) * sC, C(SmallTThreshold)), C(-InvSqrtTwo) * (x / sC), C(InvSqrtTwo) * sC);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(sC, Vector256<double>.Zero), argument, Vector256<double>.Zero);
    }

    /// <summary><see cref="AtInflectionFinish"/> for four lanes; each lane equals the scalar call bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> AtInflectionFinishLanes(Vector256<double> x, Vector256<double> sC, Vector256<double> bMax, Vector256<double> erfcx)
    {
        var t = C(0.5) * sC;
        var wide = C(0.5) * bMax * (C(1.0) - erfcx);
        var smallT = Vector256.LessThan(t, C(SmallTThreshold));
        var value = smallT.ExtractMostSignificantBits() == 0
            ? wide
            : Vector256.ConditionalSelect(smallT, SmallTExpansion(sC, x / sC, t, C(InvSqrtTwoPi) * bMax, C(SqrtPiOverTwo) * erfcx), wide);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(sC, Vector256<double>.Zero), value, Vector256<double>.Zero);
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

    /// <summary>b(x, s, +1) and the vega for four (x, s) lanes, x ≤ 0; lane i equals <see cref="OutOfTheMoneyCall(double, double, out double)"/> of lane i bit for bit.</summary>
    /// <param name="x">Log-moneyness per lane, ≤ 0.</param>
    /// <param name="s">Total volatility per lane.</param>
    /// <param name="vega">Receives ∂b/∂s per lane.</param>
    /// <remarks>
    /// Lanes in regions II, III and IV are evaluated lane-wise (the scalar operations mirrored); the others (region I,
    /// s ∉ (0, ∞), underflow) are overwritten by the scalar evaluation, so a lane's operations never depend on its
    /// neighbours (a lane-wise form is computed only when some lane needs it).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> OutOfTheMoneyCallLanes(Vector256<double> x, Vector256<double> s, out Vector256<double> vega)
    {
        var h = x / s;
        var t = C(0.5) * s;
        var hPlusT = h + t;
        var smallT = Vector256.LessThan(t, C(SmallTThreshold));
        var outside = Vector256.LessThan(h, C(UnderflowH))
            | Vector256.AndNot(Vector256.GreaterThan(hPlusT, C(CdfThreshold)), smallT)
            | Vector256.LessThan(hPlusT, C(AsymptoticThreshold));
        var staged = Vector256.AndNot(
            Vector256.GreaterThan(s, Vector256<double>.Zero) & Vector256.LessThan(s, C(double.PositiveInfinity)), outside);

        var valid = Vector256.AndNot(
            Vector256.GreaterThan(s, Vector256<double>.Zero) & Vector256.LessThan(s, C(double.PositiveInfinity)),
            Vector256.LessThan(h, C(UnderflowH)));
        var cdfForm = valid & Vector256.AndNot(Vector256.GreaterThan(hPlusT, C(CdfThreshold)), smallT);
        var stagedBits = staged.ExtractMostSignificantBits();
        var cdfFormBits = cdfForm.ExtractMostSignificantBits();
        var value = Vector256<double>.Zero;
        vega = Vector256<double>.Zero;
        if (stagedBits != 0)
        {
            // Stage (as in the scalar Stage): the Gaussian factor's exponent, rounded below ¼, else double-double.
            var plain = (h * h) + (t * t);
            var corrected = ~Vector256.LessThan(plain, C(PlainExponentMax));
            var sum = ExponentDoubleDouble(x, s, h, out var sumLow);
            var exponentArgument = Vector256.ConditionalSelect(corrected, C(-0.5) * sum, C(-0.5) * plain);
            var correction = Vector256.ConditionalSelect(corrected, C(1.0) - (C(0.5) * sumLow), C(1.0));
            var first = Vector256.ConditionalSelect(smallT, C(-InvSqrtTwo) * h, C(-InvSqrtTwo) * hPlusT);
            // Region II lanes do not use the second erfcx: a group of four such lanes skips it.
            var second = Vector256.ConditionalSelect(smallT, Vector256<double>.Zero, C(-InvSqrtTwo) * (h - t));
            var erfcxSecond = smallT.ExtractMostSignificantBits() == 0b1111 ? Vector256<double>.One : ErrorFunction.Erfcx(second);
            value = FinishLanes(
                s, h, t, correction, smallT, DMath.Exp(exponentArgument), ErrorFunction.Erfcx(first), erfcxSecond, out vega);
        }

        if (cdfFormBits != 0)
        {
            // Region III as in CdfForm.
            var forward = DMath.Exp(C(0.5) * x);
            var cdfVega = forward * Normal.Pdf(hPlusT);
            var millsY = C(SqrtPiOverTwo) * ErrorFunction.Erfcx(C(-InvSqrtTwo) * (h - t));
            var cdfValue = (forward * Normal.Cdf(hPlusT)) - (cdfVega * millsY);
            value = Vector256.ConditionalSelect(cdfForm, cdfValue, value);
            vega = Vector256.ConditionalSelect(cdfForm, cdfVega, vega);
        }

        var laneWise = stagedBits | cdfFormBits;
        if (laneWise != 0b1111)
        {
            for (var lane = 0; lane < 4; lane++)
            {
                if ((laneWise & (1u << lane)) == 0)
                {
                    value = value.WithElement(lane, OutOfTheMoneyCall(x.GetElement(lane), s.GetElement(lane), out var laneVega));
                    vega = vega.WithElement(lane, laneVega);
                }
            }
        }

        return value;
    }

    /// <summary>The lane-wise <see cref="ExponentDoubleDouble(double, double, double, out double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExponentDoubleDouble(Vector256<double> x, Vector256<double> s, Vector256<double> h, out Vector256<double> sumLow)
    {
        var productHigh = TwoProduct(h, s, out var productLow);
        var hLow = ((x - productHigh) - productLow) / s;
        var hSquare = TwoProduct(h, h, out var hSquareLow);
        hSquareLow += C(2.0) * h * hLow;
        var sSquare = TwoProduct(s, s, out var sSquareLow);
        var tSquare = C(0.25) * sSquare;
        var sum = hSquare + tSquare;
        sumLow = (hSquare - (sum - (sum - hSquare))) + (tSquare - (sum - hSquare));
        sumLow += hSquareLow + (C(0.25) * sSquareLow);
        return sum;
    }

    /// <summary>The lane-wise <see cref="TwoProduct(double, double)"/>: a·b = result + low exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> TwoProduct(Vector256<double> a, Vector256<double> b, out Vector256<double> low)
    {
        var product = a * b;
        var ca = C(Splitter) * a;
        var aHigh = ca - (ca - a);
        var aLow = a - aHigh;
        var cb = C(Splitter) * b;
        var bHigh = cb - (cb - b);
        var bLow = b - bHigh;
        low = (((aHigh * bHigh) - product) + (aHigh * bLow) + (aLow * bHigh)) + (aLow * bLow);
        return product;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> C(double value) => Vector256.Create(value);
}
