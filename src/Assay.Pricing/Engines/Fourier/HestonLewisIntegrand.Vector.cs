using System.Runtime.Intrinsics;
using Assay.Numerics;

namespace Assay.Pricing.Engines.Fourier;

/// <summary>The Heston Lewis integrand evaluated at four points at once.</summary>
internal readonly partial struct HestonLewisIntegrand
{
    /// <summary>The exponent ln φ(u − i/2) = C + D·v0 of the little-trap characteristic function at four u ≥ 0.</summary>
    /// <remarks>The same formulas as <see cref="ValueAt(double)"/>, lane by lane (see the type's remarks).</remarks>
    public ComplexVector Exponent(Vector256<double> u)
    {
        var one = Vector256<double>.One;
        var a = (u * u) + Vector256.Create(0.25);
        var sigmaSquared = Vector256.Create(_sigmaSquared);
        var beta = new ComplexVector(Vector256.Create(_kappaMinusHalfRhoSigma), Vector256.Create(-_rhoSigma) * u);
        var betaSquared = beta * beta;
        var d = ComplexVector.Sqrt(new ComplexVector(betaSquared.Real + (sigmaSquared * a), betaSquared.Imaginary));
        var betaPlusD = beta + d;
        var e = ComplexVector.Exp(Vector256.Create(-_expiryYears) * d);
        var oneMinusE = one - e;
        var inverseBetaPlusD = ComplexVector.Reciprocal(betaPlusD);
        var gOverSigmaSquared = -a * (inverseBetaPlusD * inverseBetaPlusD);
        var g = sigmaSquared * gOverSigmaSquared;
        var yOverSigmaSquared = gOverSigmaSquared * oneMinusE / (one - g);
        var y = sigmaSquared * yOverSigmaSquared;

        // log1p(y)/y → 1 as y → 0 (σ_v² underflowing to zero); the division is replaced there.
        var ratio = ComplexVector.Log1p(y) / y;
        var yZero = Vector256.Equals(y.Real, Vector256<double>.Zero) & Vector256.Equals(y.Imaginary, Vector256<double>.Zero);
        ratio = new ComplexVector(
            Vector256.ConditionalSelect(yZero, one, ratio.Real), Vector256.ConditionalSelect(yZero, Vector256<double>.Zero, ratio.Imaginary));
        var c = Vector256.Create(_kappaTheta)
            * ((-a * Vector256.Create(_expiryYears) * inverseBetaPlusD) - (Vector256.Create(2.0) * (yOverSigmaSquared * ratio)));
        var dCoefficient = -a * (inverseBetaPlusD * oneMinusE / (one - (g * e)));
        return c + (Vector256.Create(_v0) * dCoefficient);
    }

    /// <summary>Re[e^{iuk}(φ(u − i/2) − φ_BS(u − i/2))]/(u² + ¼) at four u ≥ 0.</summary>
    public Vector256<double> ValueAt(Vector256<double> u)
    {
        var exponent = Exponent(u);
        var a = (u * u) + Vector256.Create(0.25);
        var phase = u * _logMoneyness;
        var (_, hestonCos) = DMath.SinCos(exponent.Imaginary + phase);
        var (_, blackCos) = DMath.SinCos(phase);
        var heston = DMath.Exp(exponent.Real) * hestonCos;
        var black = DMath.Exp(Vector256.Create(-_halfTotalVariance) * a) * blackCos;
        return (heston - black) / a;
    }
}
