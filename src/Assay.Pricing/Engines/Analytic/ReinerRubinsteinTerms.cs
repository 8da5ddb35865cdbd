using Assay.Numerics;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>The six building blocks A–F of the Reiner–Rubinstein (1991) barrier formulas, as laid out by Haug (2007) §4.17.1.</summary>
/// <remarks>
/// φ = +1 for a call and −1 for a put; η = +1 for a down barrier and −1 for an up barrier.
/// μ = (b − σ²/2)/σ², λ = √(μ² + 2r/σ²), s = σ√T, and every power (H/S)^a is evaluated as e^(a·ln(H/S)).
/// A and B are vanilla-like terms struck at K and at H; C and D are their images reflected in the barrier;
/// E is the rebate paid at expiry when the barrier was not hit; F is the rebate paid at the first hit.
/// </remarks>
internal readonly struct ReinerRubinsteinTerms
{
    private readonly double _phi;
    private readonly double _eta;
    private readonly double _spotCarry;
    private readonly double _strikeDiscount;
    private readonly double _rebate;
    private readonly double _discount;
    private readonly double _stdDev;
    private readonly double _mu;
    private readonly double _logHOverS;
    private readonly double _x1;
    private readonly double _x2;
    private readonly double _y1;
    private readonly double _y2;

    internal ReinerRubinsteinTerms(double phi, double eta, in BarrierParameters p)
    {
        _phi = phi;
        _eta = eta;
        var variance = p.Volatility * p.Volatility;
        _stdDev = p.Volatility * DMath.Sqrt(p.ExpiryYears);
        _mu = (p.Rate - p.DividendYield - (0.5 * variance)) / variance;
        _discount = DMath.Exp(-p.Rate * p.ExpiryYears);
        _spotCarry = p.Spot * DMath.Exp(-p.DividendYield * p.ExpiryYears);
        _strikeDiscount = p.Strike * _discount;
        _rebate = p.Rebate;
        _logHOverS = DMath.Log(p.Barrier / p.Spot);
        var drift = (1.0 + _mu) * _stdDev;
        _x1 = (DMath.Log(p.Spot / p.Strike) / _stdDev) + drift;
        _x2 = (-_logHOverS / _stdDev) + drift;
        _y1 = ((_logHOverS + DMath.Log(p.Barrier / p.Strike)) / _stdDev) + drift;
        _y2 = (_logHOverS / _stdDev) + drift;
    }

    /// <summary>φS·e^(−qT)·N(φx1) − φK·e^(−rT)·N(φx1 − φs).</summary>
    internal double A() => _phi * ((_spotCarry * Normal.Cdf(_phi * _x1)) - (_strikeDiscount * Normal.Cdf(_phi * (_x1 - _stdDev))));

    /// <summary>φS·e^(−qT)·N(φx2) − φK·e^(−rT)·N(φx2 − φs).</summary>
    internal double B() => _phi * ((_spotCarry * Normal.Cdf(_phi * _x2)) - (_strikeDiscount * Normal.Cdf(_phi * (_x2 - _stdDev))));

    /// <summary>φS·e^(−qT)·(H/S)^(2(μ+1))·N(ηy1) − φK·e^(−rT)·(H/S)^(2μ)·N(ηy1 − ηs).</summary>
    internal double C() => Reflected(_y1);

    /// <summary>φS·e^(−qT)·(H/S)^(2(μ+1))·N(ηy2) − φK·e^(−rT)·(H/S)^(2μ)·N(ηy2 − ηs).</summary>
    internal double D() => Reflected(_y2);

    /// <summary>Rebate paid at expiry if the barrier was never hit: R·e^(−rT)·[N(ηx2 − ηs) − (H/S)^(2μ)·N(ηy2 − ηs)].</summary>
    internal double E()
    {
        if (_rebate == 0)
        {
            return 0.0;
        }

        var notHit = Normal.Cdf(_eta * (_x2 - _stdDev)) - ExoticBlackTerms.ExpTimesCdf(2.0 * _mu * _logHOverS, _eta * (_y2 - _stdDev));
        return _rebate * _discount * notHit;
    }

    /// <summary>Rebate paid at the first hit: R·[(H/S)^(μ+λ)·N(ηz) + (H/S)^(μ−λ)·N(ηz − 2ηλs)].</summary>
    /// <param name="lambda">λ = √(μ² + 2r/σ²), real (checked by the caller).</param>
    internal double F(double lambda)
    {
        if (_rebate == 0)
        {
            return 0.0;
        }

        var z = (_logHOverS / _stdDev) + (lambda * _stdDev);
        var hitValue = ExoticBlackTerms.ExpTimesCdf((_mu + lambda) * _logHOverS, _eta * z)
            + ExoticBlackTerms.ExpTimesCdf((_mu - lambda) * _logHOverS, _eta * (z - (2.0 * lambda * _stdDev)));
        return _rebate * hitValue;
    }

    private double Reflected(double y)
    {
        var assetLeg = _spotCarry * ExoticBlackTerms.ExpTimesCdf(2.0 * (_mu + 1.0) * _logHOverS, _eta * y);
        var cashLeg = _strikeDiscount * ExoticBlackTerms.ExpTimesCdf(2.0 * _mu * _logHOverS, _eta * (y - _stdDev));
        return _phi * (assetLeg - cashLeg);
    }
}
