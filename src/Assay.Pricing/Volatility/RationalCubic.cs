namespace Assay.Pricing.Volatility;

/// <summary>The rational cubic interpolant of Delbourgo and Gregory with its shape-preserving control parameter.</summary>
/// <remarks>
/// R. Delbourgo, J. A. Gregory, "Shape preserving piecewise rational interpolation", SIAM J. Sci. Stat. Comput.
/// 6(4), 1985, as used for the initial guess in Jäckel, "Let's Be Rational", Wilmott 2016, §4. On [xₗ, xᵣ]
/// with values yₗ, yᵣ, slopes dₗ, dᵣ and control r (r = 3 is the cubic Hermite interpolant, r → ∞ the chord):
/// y(θ) = [yᵣθ³ + (r·yᵣ − Δx·dᵣ)θ²(1−θ) + (r·yₗ + Δx·dₗ)θ(1−θ)² + yₗ(1−θ)³] / [1 + (r − 3)θ(1−θ)].
/// Expanding at either end (our derivation) gives y''(xₗ) = (2/Δx)·[r(Δ − dₗ) − (dᵣ − dₗ)] and
/// y''(xᵣ) = (2/Δx)·[r(dᵣ − Δ) − (dᵣ − dₗ)], with Δ the chord slope; solving for r fits a given second
/// derivative. Convex (or concave) data keep that shape iff r ≥ max((dᵣ − dₗ)/(Δ − dₗ), (dᵣ − dₗ)/(dᵣ − Δ)).
/// </remarks>
internal static partial class RationalCubic
{
    /// <summary>Above this control parameter the interpolant is treated as the chord.</summary>
    private const double ControlMax = 1e30;

    /// <summary>Smallest control parameter used: the denominator stays ≥ 1/4 on the interval.</summary>
    private const double ControlMin = 0.0;

    /// <summary>Evaluates the interpolant at <paramref name="x"/>.</summary>
    public static double Interpolate(double x, double xLeft, double xRight, double yLeft, double yRight, double dLeft, double dRight, double r)
    {
        var width = xRight - xLeft;
        if (!(width > 0))
        {
            return 0.5 * (yLeft + yRight);
        }

        var theta = (x - xLeft) / width;
        if (r >= ControlMax)
        {
            return (yRight * theta) + (yLeft * (1.0 - theta));
        }

        var oneMinus = 1.0 - theta;
        var theta2 = theta * theta;
        var oneMinus2 = oneMinus * oneMinus;
        var numerator = (yRight * theta2 * theta)
            + (((r * yRight) - (width * dRight)) * theta2 * oneMinus)
            + (((r * yLeft) + (width * dLeft)) * theta * oneMinus2)
            + (yLeft * oneMinus2 * oneMinus);
        return numerator / (1.0 + ((r - 3.0) * theta * oneMinus));
    }

    /// <summary>The control parameter that reproduces <paramref name="secondDerivativeLeft"/> at the left end, kept shape-preserving.</summary>
    public static double ControlForLeftSecondDerivative(
        double xLeft, double xRight, double yLeft, double yRight, double dLeft, double dRight, double secondDerivativeLeft)
    {
        var width = xRight - xLeft;
        var chord = (yRight - yLeft) / width;
        var numerator = (0.5 * width * secondDerivativeLeft) + (dRight - dLeft);
        var denominator = chord - dLeft;
        return ShapePreserving(Fit(numerator, denominator), chord, dLeft, dRight);
    }

    /// <summary>The control parameter that reproduces <paramref name="secondDerivativeRight"/> at the right end, kept shape-preserving.</summary>
    public static double ControlForRightSecondDerivative(
        double xLeft, double xRight, double yLeft, double yRight, double dLeft, double dRight, double secondDerivativeRight)
    {
        var width = xRight - xLeft;
        var chord = (yRight - yLeft) / width;
        var numerator = (0.5 * width * secondDerivativeRight) + (dRight - dLeft);
        var denominator = dRight - chord;
        return ShapePreserving(Fit(numerator, denominator), chord, dLeft, dRight);
    }

    private static double Fit(double numerator, double denominator)
    {
        if (numerator == 0)
        {
            return 0.0;
        }

        if (denominator == 0)
        {
            return numerator > 0 ? ControlMax : 3.0;
        }

        // A fit below 0 would let the denominator 1 + (r − 3)θ(1 − θ) come close to (or cross) zero inside the
        // interval: the interpolant then has a pole. Such data do not want the second-derivative fit; fall back
        // to the cubic Hermite interpolant (r = 3), still subject to the shape-preserving bound.
        var r = numerator / denominator;
        return r >= 0 ? r : 3.0;
    }

    private static double ShapePreserving(double r, double chord, double dLeft, double dRight)
    {
        var curvature = dRight - dLeft;
        var leftGap = chord - dLeft;
        var rightGap = dRight - chord;

        // Convex data have both gaps positive, concave data both negative; otherwise no shape to preserve.
        if ((leftGap > 0 && rightGap > 0) || (leftGap < 0 && rightGap < 0))
        {
            var rMin = Math.Max(curvature / leftGap, curvature / rightGap);
            r = Math.Max(r, rMin);
        }

        return Math.Clamp(r, ControlMin, ControlMax);
    }
}
