using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;

namespace Assay.Pricing.Volatility;

/// <content>Four-lane mirrors of scalar solver stages, operation for operation, so each lane gets the scalar bits.</content>
public static partial class ImpliedVolatility
{
    /// <summary><see cref="ClosingStep"/> for four quotes at once: all-ones in <paramref name="accepted"/> where the scalar step returns true, with its s·(1 + δ).</summary>
    /// <remarks>
    /// Both tiers (the fifth-order reversion and the reversion with one Newton step on the seventh-degree polynomial)
    /// are evaluated in every lane and the scalar step's tests select one; each lane sees exactly the scalar operations.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ClosingLanes(Vector256<double> h, Vector256<double> s, Vector256<double> newton, out Vector256<double> accepted)
    {
        var nu = newton / s;
        var nuAbs = Vector256.Abs(nu);
        var hh = C(0.5) * h * h;
        var quarterS2 = C(0.125) * s * s;
        var p1 = (C(2.0) * hh) - (C(2.0) * quarterS2);
        var p2 = (C(-3.0) * hh) - quarterS2;
        var p3 = C(4.0) * hh;
        var p4 = C(-5.0) * hh;
        var p5 = C(6.0) * hh;
        var p6 = C(-7.0) * hh;
        var q1 = p1;
        var q2 = C(2.0) * p2;
        var q3 = C(3.0) * p3;
        var q4 = C(4.0) * p4;
        var q5 = C(5.0) * p5;
        var q6 = C(6.0) * p6;
        var e1 = q1;
        var e2 = C(0.5) * ((q1 * e1) + q2);
        var e3 = C(1.0 / 3.0) * ((q1 * e2) + (q2 * e1) + q3);
        var e4 = C(0.25) * ((q1 * e3) + (q2 * e2) + (q3 * e1) + q4);
        var a2 = C(0.5) * e1;
        var a3 = C(1.0 / 3.0) * e2;
        var a4 = C(0.25) * e3;
        var a5 = C(0.2) * e4;
        var a2Square = a2 * a2;
        var c3 = (C(2.0) * a2Square) - a3;
        var c4 = (C(-5.0) * a2Square * a2) + (C(5.0) * a2 * a3) - a4;
        var c5 = (C(14.0) * a2Square * a2Square) - (C(21.0) * a2Square * a3) + (C(6.0) * a2 * a4) + (C(3.0) * a3 * a3) - a5;
        var nu2 = nuAbs * nuAbs;
        var nu3 = nu2 * nuAbs;
        var delta = nu * (C(1.0) + (nu * (-a2 + (nu * (c3 + (nu * (c4 + (nu * c5))))))));

        const double Rho0 = ClosingScaleReversion;
        var abs2 = Vector256.Abs(a2);
        var abs3 = Vector256.Abs(a3);
        var abs4 = Vector256.Abs(a4);
        var abs5 = Vector256.Abs(a5);
        var reversionOnly = Vector256.LessThanOrEqual(nuAbs, C(Rho0))
            & Vector256.LessThanOrEqual(abs2 * nuAbs, C(Rho0))
            & Vector256.LessThanOrEqual(abs3 * nu2, C(Rho0 * Rho0))
            & Vector256.LessThanOrEqual(abs4 * nu3, C(Rho0 * Rho0 * Rho0))
            & Vector256.LessThanOrEqual(abs5 * nu2 * nu2, C(Rho0 * Rho0 * Rho0 * Rho0));

        var e5 = C(0.2) * ((q1 * e4) + (q2 * e3) + (q3 * e2) + (q4 * e1) + q5);
        var e6 = C(1.0 / 6.0) * ((q1 * e5) + (q2 * e4) + (q3 * e3) + (q4 * e2) + (q5 * e1) + q6);
        var a6 = C(1.0 / 6.0) * e5;
        var a7 = C(1.0 / 7.0) * e6;
        const double Rho = ClosingScale;
        var withNewton = Vector256.LessThanOrEqual(nuAbs, C(ClosingScale))
            & Vector256.LessThanOrEqual(abs2 * nuAbs, C(Rho))
            & Vector256.LessThanOrEqual(abs3 * nu2, C(Rho * Rho))
            & Vector256.LessThanOrEqual(abs4 * nu3, C(Rho * Rho * Rho))
            & Vector256.LessThanOrEqual(abs5 * nu2 * nu2, C(Rho * Rho * Rho * Rho))
            & Vector256.LessThanOrEqual(Vector256.Abs(a6) * nu3 * nu2, C(Rho * Rho * Rho * Rho * Rho))
            & Vector256.LessThanOrEqual(Vector256.Abs(a7) * nu3 * nu3, C(Rho * Rho * Rho * Rho * Rho * Rho));
        var value = (delta * (C(1.0) + (delta * (a2 + (delta * (a3 + (delta * (a4 + (delta * (a5 + (delta * (a6 + (delta * a7))))))))))))) - nu;
        var slope = C(1.0) + (delta * ((C(2.0) * a2) + (delta * ((C(3.0) * a3) + (delta * ((C(4.0) * a4)
            + (delta * ((C(5.0) * a5) + (delta * ((C(6.0) * a6) + (delta * C(7.0) * a7)))))))))));
        var refined = delta - (value / slope);

        accepted = reversionOnly | withNewton;
        var chosen = Vector256.ConditionalSelect(reversionOnly, delta, refined);
        return s + (s * chosen);
    }

    /// <summary><see cref="LowerBranchGuess"/> for four lanes (the guess before <see cref="KeepInside"/>), bit for bit.</summary>
    private static Vector256<double> LowerBranchGuessLanes(
        Vector256<double> beta, Vector256<double> x, Vector256<double> sL, Vector256<double> bL, Vector256<double> vL)
    {
        var ax = -x;
        var scale = C(TwoPiOverSqrt27) * ax;
        var z = ax / (C(SqrtThree) * sL);
        var p = Normal.Cdf(-z);
        var density = Normal.Pdf(z);
        var pS = density * z / sL;
        var pSS = density * z * ((z * z) - C(2.0)) / (sL * sL);
        var fL = scale * p * p * p;
        var fS = C(3.0) * scale * p * p * pS;
        var fSS = C(3.0) * scale * ((C(2.0) * p * pS * pS) + (p * p * pSS));

        var h2 = (x * x / (sL * sL * sL)) - (C(0.25) * sL);
        var dRight = fS / vL;
        var d2Right = (fSS - (fS * h2)) / (vL * vL);
        var zero = Vector256<double>.Zero;
        var f = RationalCubic.InterpolateLanes(beta, zero, bL, zero, fL, C(1.0), dRight, d2Right, Vector256<double>.AllBitsSet);
        f = Vector256.ConditionalSelect(Vector256.GreaterThan(f, zero), f, beta);
        var zGuess = -NormalQuantileGuess.LowerTail(Vector256.Min(DMath.Log(f / scale) / C(3.0), zero));
        return Vector256.ConditionalSelect(Vector256.GreaterThan(zGuess, zero), ax / (C(SqrtThree) * zGuess), sL);
    }

    /// <summary><see cref="UpperBranchGuess"/> for four lanes (the guess before <see cref="KeepInside"/>), bit for bit.</summary>
    private static Vector256<double> UpperBranchGuessLanes(
        Vector256<double> beta,
        Vector256<double> x,
        Vector256<double> betaComplement,
        Vector256<double> bMax,
        Vector256<double> sU,
        Vector256<double> bU,
        Vector256<double> vU)
    {
        var zero = Vector256<double>.Zero;
        var fU = Normal.Cdf(C(-0.5) * sU);
        var density = Normal.Pdf(C(0.5) * sU);
        var fS = C(-0.5) * density;
        var fSS = C(0.125) * sU * density;
        var h2 = (x * x / (sU * sU * sU)) - (C(0.25) * sU);
        var dLeft = fS / vU;
        var d2Left = (fSS - (fS * h2)) / (vU * vU);
        var f = RationalCubic.InterpolateLanes(beta, bU, bMax, fU, zero, dLeft, C(-0.5), d2Left, zero);
        var usable = Vector256.LessThan(sU, C(double.PositiveInfinity)) & Vector256.GreaterThan(vU, zero) & Vector256.LessThan(beta, bMax);
        f = Vector256.ConditionalSelect(usable, f, zero);
        f = Vector256.ConditionalSelect(
            Vector256.GreaterThan(f, zero) & Vector256.LessThan(f, C(0.5)), f, Vector256.Min(C(0.5) * betaComplement, C(0.25)));
        return C(-2.0) * NormalQuantileGuess.LowerTail(DMath.Log(f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> C(double value) => Vector256.Create(value);
}
