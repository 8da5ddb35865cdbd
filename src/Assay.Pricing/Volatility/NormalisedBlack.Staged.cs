using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Assay.Pricing.Volatility;

/// <content>Regions II and IV split around their kernel calls (mirrored lane-wise in <c>NormalisedBlack.Lanes.cs</c>).</content>
public static partial class NormalisedBlack
{
    /// <summary>Region II or IV up to its kernel calls (h = x/s, t = s/2, the region already decided).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static StagedValue Stage(double x, double s, double h, double t)
    {
        // The Gaussian factor e^(−(h²+t²)/2) as in GaussianFactor: the rounded exponent below ¼, else the
        // double-double exponent with its first-order correction.
        var plain = (h * h) + (t * t);
        var corrected = !(plain < PlainExponentMax);
        var exponentArgument = -0.5 * plain;
        var correction = 1.0;
        if (corrected)
        {
            var sum = ExponentDoubleDouble(x, s, h, out var sumLow);
            exponentArgument = -0.5 * sum;
            correction = 1.0 - (0.5 * sumLow);
        }

        var smallT = t < SmallTThreshold;
        var first = smallT ? -InvSqrtTwo * h : -InvSqrtTwo * (h + t);
        var second = smallT ? 0.0 : -InvSqrtTwo * (h - t);
        return new StagedValue(s, h, t, exponentArgument, correction, corrected, smallT, first, second);
    }

    /// <summary>b (and the vega) of a staged evaluation from e^ExponentArgument and the erfcx of its arguments.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Finish(in StagedValue staged, double exponential, double erfcxFirst, double erfcxSecond, out double vega)
    {
        var gaussian = staged.Corrected ? exponential * staged.Correction : exponential;
        vega = InvSqrtTwoPi * gaussian;
        if (staged.SmallT)
        {
            return SmallTExpansion(staged.S, staged.H, staged.T, vega, SqrtPiOverTwo * erfcxFirst);
        }

        return 0.5 * gaussian * (erfcxFirst - erfcxSecond);
    }

    /// <summary>A region II or IV evaluation of b up to its kernel calls (e^ExponentArgument, erfcx of the two arguments).</summary>
    [StructLayout(LayoutKind.Auto)]
    internal readonly record struct StagedValue(
        double S, double H, double T, double ExponentArgument, double Correction, bool Corrected, bool SmallT, double FirstArgument, double SecondArgument);
}
