using System.Runtime.CompilerServices;
using Assay.Numerics;

namespace Assay.Pricing.Engines.Fourier;

/// <summary>The Lewis (2001) integrand of the Heston model minus its Black–Scholes control variate, on a mapped domain.</summary>
/// <remarks>
/// For X = ln(S_T/F) with characteristic function φ, Lewis's formula gives
/// C = D·[F − (√(FK)/π)·∫₀^∞ Re(e^{iuk}·φ(u − i/2))/(u² + ¼) du], k = ln(F/K), and the same integral with φ
/// replaced by the Black–Scholes characteristic function of total variance w, φ_BS(u − i/2) = e^{−w(u² + ¼)/2},
/// gives the Black price. Subtracting the two leaves an integrand that vanishes as σ_v → 0 and decays fast
/// (the control variate of Andersen &amp; Piterbarg, <i>Interest Rate Modeling</i> vol. I, §8.4, and Kahl &amp; Jäckel,
/// "Not-so-complex logarithms in the Heston model", Wilmott 2005). φ is the "little trap" form of Albrecher, Mayer,
/// Schoutens and Tistaert (Wilmott, Jan. 2007, eq. (3)), rewritten so that no term divides by σ_v²:
/// with z = u − i/2, A = z² + iz = u² + ¼, β = κ − ρσ_v·iz, d = √(β² + σ_v²A) (principal root),
/// β − d = −σ_v²A/(β + d), g = (β − d)/(β + d) = −σ_v²A/(β + d)², the exponent is
/// C + D·v0 with D = −A/(β + d)·(1 − e^{−dT})/(1 − g·e^{−dT}) and
/// C = κθ·[−A·T/(β + d) − (2/σ_v²)·ln((1 − g·e^{−dT})/(1 − g))], the logarithm taken as
/// log1p(y), y = g(1 − e^{−dT})/(1 − g), so that (2/σ_v²)·log1p(y) = 2·(y/σ_v²)·(log1p(y)/y) stays accurate.
/// The half line u ≥ 0 is mapped to t in [0, 1) by u = L·t/(1 − t).
/// </remarks>
internal readonly partial struct HestonLewisIntegrand : IIntegrand
{
    private readonly double _logMoneyness;
    private readonly double _expiryYears;
    private readonly double _v0;
    private readonly double _kappaTheta;
    private readonly double _kappaMinusHalfRhoSigma;
    private readonly double _rhoSigma;
    private readonly double _sigmaSquared;
    private readonly double _halfTotalVariance;
    private readonly double _scale;

    /// <summary>Captures the model for one option; <paramref name="totalVariance"/> is the control variate's w.</summary>
    public HestonLewisIntegrand(
        double logMoneyness, double expiryYears, double v0, double kappa, double theta, double sigmaV, double rho,
        double totalVariance, double scale)
    {
        _logMoneyness = logMoneyness;
        _expiryYears = expiryYears;
        _v0 = v0;
        _kappaTheta = kappa * theta;
        _rhoSigma = rho * sigmaV;
        _kappaMinusHalfRhoSigma = kappa - (0.5 * _rhoSigma);
        _sigmaSquared = sigmaV * sigmaV;
        _halfTotalVariance = 0.5 * totalVariance;
        _scale = scale;
    }

    /// <summary>The integrand in the mapped variable t in [0, 1), including the Jacobian L/(1 − t)².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Evaluate(double t)
    {
        var oneMinusT = 1.0 - t;
        var u = _scale * t / oneMinusT;
        return ValueAt(u) * (_scale / (oneMinusT * oneMinusT));
    }

    /// <summary>Re[e^{iuk}(φ(u − i/2) − φ_BS(u − i/2))]/(u² + ¼) at u ≥ 0.</summary>
    public double ValueAt(double u)
    {
        var a = (u * u) + 0.25;

        // β = κ − ρσ_v·i(u − i/2) = (κ − ρσ_v/2) − i·ρσ_v·u.
        var beta = new ComplexD(_kappaMinusHalfRhoSigma, -_rhoSigma * u);
        var d = ComplexD.Sqrt((beta * beta) + (_sigmaSquared * a));
        var betaPlusD = beta + d;
        var e = ComplexD.Exp(-_expiryYears * d);
        var oneMinusE = 1.0 - e;
        var inverseBetaPlusD = 1.0 / betaPlusD;
        var gOverSigmaSquared = -a * (inverseBetaPlusD * inverseBetaPlusD);
        var g = _sigmaSquared * gOverSigmaSquared;
        var yOverSigmaSquared = gOverSigmaSquared * oneMinusE / (1.0 - g);
        var y = _sigmaSquared * yOverSigmaSquared;
        var log1pRatio = y == ComplexD.Zero ? ComplexD.One : ComplexD.Log1p(y) / y;
        var c = _kappaTheta * ((-a * _expiryYears * inverseBetaPlusD) - (2.0 * yOverSigmaSquared * log1pRatio));
        var dCoefficient = -a * inverseBetaPlusD * oneMinusE / (1.0 - (g * e));
        var exponent = c + (_v0 * dCoefficient);

        var phase = u * _logMoneyness;
        var heston = DMath.Exp(exponent.Real) * DMath.Cos(exponent.Imaginary + phase);
        var black = DMath.Exp(-_halfTotalVariance * a) * DMath.Cos(phase);
        return (heston - black) / a;
    }
}
