using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Pricing.Volatility;

/// <content>Four-lane mirrors of the control parameter and the interpolant, operation for operation.</content>
internal static partial class RationalCubic
{
    /// <summary>
    /// <see cref="Interpolate"/> with the control of <see cref="ControlForLeftSecondDerivative"/> (lanes where
    /// <paramref name="controlAtRight"/> is clear) or <see cref="ControlForRightSecondDerivative"/> (set) for the
    /// given second derivative, four lanes at a time; each lane equals the scalar calls bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> InterpolateLanes(
        Vector256<double> x,
        Vector256<double> xLeft,
        Vector256<double> xRight,
        Vector256<double> yLeft,
        Vector256<double> yRight,
        Vector256<double> dLeft,
        Vector256<double> dRight,
        Vector256<double> secondDerivative,
        Vector256<double> controlAtRight)
    {
        // Control parameter (ControlFor…SecondDerivative).
        var width = xRight - xLeft;
        var chord = (yRight - yLeft) / width;
        var numerator = (C(0.5) * width * secondDerivative) + (dRight - dLeft);
        var denominator = Vector256.ConditionalSelect(controlAtRight, dRight - chord, chord - dLeft);

        // Fit.
        var ratio = numerator / denominator;
        var r = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(ratio, Vector256<double>.Zero), ratio, C(3.0));
        r = Vector256.ConditionalSelect(
            Vector256.Equals(denominator, Vector256<double>.Zero),
            Vector256.ConditionalSelect(Vector256.GreaterThan(numerator, Vector256<double>.Zero), C(ControlMax), C(3.0)),
            r);
        r = Vector256.ConditionalSelect(Vector256.Equals(numerator, Vector256<double>.Zero), Vector256<double>.Zero, r);

        // ShapePreserving.
        var curvature = dRight - dLeft;
        var leftGap = chord - dLeft;
        var rightGap = dRight - chord;
        var shaped = (Vector256.GreaterThan(leftGap, Vector256<double>.Zero) & Vector256.GreaterThan(rightGap, Vector256<double>.Zero))
            | (Vector256.LessThan(leftGap, Vector256<double>.Zero) & Vector256.LessThan(rightGap, Vector256<double>.Zero));
        var rMin = Vector256.Max(curvature / leftGap, curvature / rightGap);
        r = Vector256.ConditionalSelect(shaped, Vector256.Max(r, rMin), r);
        r = Vector256.ConditionalSelect(
            Vector256.LessThan(r, C(ControlMin)), C(ControlMin), Vector256.ConditionalSelect(Vector256.GreaterThan(r, C(ControlMax)), C(ControlMax), r));

        // Interpolate.
        var theta = (x - xLeft) / width;
        var chordValue = (yRight * theta) + (yLeft * (C(1.0) - theta));
        var oneMinus = C(1.0) - theta;
        var theta2 = theta * theta;
        var oneMinus2 = oneMinus * oneMinus;
        var cubic = (yRight * theta2 * theta)
            + (((r * yRight) - (width * dRight)) * theta2 * oneMinus)
            + (((r * yLeft) + (width * dLeft)) * theta * oneMinus2)
            + (yLeft * oneMinus2 * oneMinus);
        var value = cubic / (C(1.0) + ((r - C(3.0)) * theta * oneMinus));
        value = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(r, C(ControlMax)), chordValue, value);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(width, Vector256<double>.Zero), value, C(0.5) * (yLeft + yRight));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> C(double value) => Vector256.Create(value);
}
