using System.Globalization;
using Assay.Numerics;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Risk;

/// <summary>A portfolio bound to its base market: full revaluation at shocked spots and first/second-order sensitivities.</summary>
/// <remarks>
/// Risk factors are the distinct underlyings the portfolio holds, in market-data order. A scenario sets new spots
/// and moves the calendar forward by the horizon, h/365 years (so an option's time to expiry becomes T − h/365);
/// rates, yields and volatilities stay at their base values. P&amp;L = Σ over positions, in portfolio order, of
/// quantity·(value at the scenario − base value).
/// </remarks>
internal sealed class PortfolioValuation
{
    private readonly Held[] _positions;

    private PortfolioValuation(string[] factors, double[] spots, Held[] positions, double horizonYears)
    {
        Factors = factors;
        Spots = spots;
        _positions = positions;
        HorizonYears = horizonYears;
    }

    /// <summary>Underlying names of the risk factors, in market-data order.</summary>
    public IReadOnlyList<string> Factors { get; }

    /// <summary>Base spot of each factor.</summary>
    public double[] Spots { get; }

    /// <summary>The horizon in years.</summary>
    public double HorizonYears { get; }

    /// <summary>Binds <paramref name="portfolio"/> to <paramref name="market"/> for a horizon of <paramref name="horizonDays"/>.</summary>
    /// <exception cref="PricingInputException">An underlying is not in the market (field <c>underlying</c>) or an option or future expires within the horizon (field <c>T</c>).</exception>
    public static PortfolioValuation Create(Portfolio portfolio, MarketData market, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(market);
        RiskHorizon.Validate(horizonDays);
        var horizonYears = RiskHorizon.Years(horizonDays);
        var used = new bool[market.Underlyings.Count];
        for (var p = 0; p < portfolio.Positions.Count; p++)
        {
            var position = portfolio.Positions[p];
            var at = market.IndexOf(position.Underlying);
            if (at < 0)
            {
                InputGuard.Fail("underlying", $"position {p + 1}: underlying '{position.Underlying}' is not in the market data (it has {string.Join(", ", market.Underlyings.Select(u => u.Name))})");
            }

            used[at] = true;
            if (position.Kind != PositionKind.Spot && !(position.ExpiryYears > horizonYears))
            {
                InputGuard.Fail("T", string.Create(CultureInfo.InvariantCulture, $"position {p + 1}: T must be > the horizon, {horizonDays}/365 = {horizonYears:G6} years, so that it is still alive at the horizon (got {position.ExpiryYears:R})"));
            }
        }

        var factorOf = new int[market.Underlyings.Count];
        var factors = new List<string>();
        var spots = new List<double>();
        for (var u = 0; u < used.Length; u++)
        {
            factorOf[u] = factors.Count;
            if (used[u])
            {
                factors.Add(market.Underlyings[u].Name);
                spots.Add(market.Underlyings[u].Spot);
            }
        }

        var held = new Held[portfolio.Positions.Count];
        for (var p = 0; p < held.Length; p++)
        {
            var position = portfolio.Positions[p];
            var at = market.IndexOf(position.Underlying);
            held[p] = new Held(position, market.Underlyings[at], factorOf[at], horizonYears);
        }

        return new PortfolioValuation([.. factors], [.. spots], held, horizonYears);
    }

    /// <summary>The portfolio P&amp;L when the factors move to <paramref name="shockedSpots"/> and the horizon has passed.</summary>
    public double ProfitAndLoss(ReadOnlySpan<double> shockedSpots)
    {
        var pnl = 0.0;
        foreach (ref readonly var h in _positions.AsSpan())
        {
            pnl += h.ProfitAndLoss(shockedSpots[h.Factor]);
        }

        return pnl;
    }

    /// <summary>Per-factor ∂P/∂S and ∂²P/∂S² at the base market, and the total −∂P/∂T per year.</summary>
    /// <param name="delta">Receives Σ quantity·Δ per factor.</param>
    /// <param name="gamma">Receives Σ quantity·Γ per factor (cross-gammas are zero: every position has one underlying).</param>
    /// <returns>The portfolio theta per year: Σ quantity·Θ, the value drift as calendar time passes.</returns>
    public double Sensitivities(Span<double> delta, Span<double> gamma)
    {
        delta.Clear();
        gamma.Clear();
        var theta = 0.0;
        foreach (ref readonly var h in _positions.AsSpan())
        {
            var g = h.Greeks();
            delta[h.Factor] += h.Quantity * g.Delta;
            gamma[h.Factor] += h.Quantity * g.Gamma;
            theta += h.Quantity * g.Theta;
        }

        return theta;
    }

    /// <summary>A position with its market resolved and its base value computed.</summary>
    private readonly struct Held
    {
        private readonly PositionKind _kind;
        private readonly OptionType _type;
        private readonly double _strike;
        private readonly double _expiryYears;
        private readonly double _remainingYears;
        private readonly double _rate;
        private readonly double _yield;
        private readonly double _volatility;
        private readonly double _baseSpot;
        private readonly double _baseValue;
        private readonly double _forwardFactorAtHorizon;

        public Held(in Position position, in UnderlyingQuote quote, int factor, double horizonYears)
        {
            Factor = factor;
            Quantity = position.Quantity;
            _kind = position.Kind;
            _type = position.Type;
            _strike = position.Strike;
            _expiryYears = position.ExpiryYears;
            _remainingYears = position.ExpiryYears - horizonYears;
            _rate = quote.Rate;
            _yield = quote.DividendYield;
            _volatility = quote.Volatility;
            _baseSpot = quote.Spot;
            var carry = quote.Rate - quote.DividendYield;
            (_baseValue, _forwardFactorAtHorizon) = _kind switch
            {
                PositionKind.Option => (OptionValue(quote.Spot, _expiryYears), 0.0),
                PositionKind.Future => (quote.Spot * DMath.Exp(carry * _expiryYears), DMath.Exp(carry * _remainingYears)),
                _ => (quote.Spot, 0.0),
            };
        }

        public int Factor { get; }

        public double Quantity { get; }

        public double ProfitAndLoss(double shockedSpot)
        {
            var value = _kind switch
            {
                PositionKind.Option => OptionValue(shockedSpot, _remainingYears),
                PositionKind.Future => shockedSpot * _forwardFactorAtHorizon,
                _ => shockedSpot,
            };
            return Quantity * (value - _baseValue);
        }

        /// <summary>Delta, gamma and theta of one unit at the base market.</summary>
        public (double Delta, double Gamma, double Theta) Greeks()
        {
            switch (_kind)
            {
                case PositionKind.Option:
                    var g = BlackScholesMerton.Greeks(new BlackScholesParameters(_type, _baseSpot, _strike, _expiryYears, _rate, _yield, _volatility));
                    return (g.Delta, g.Gamma, g.Theta);
                case PositionKind.Future:
                    // F = S·e^((r − q)(T − t)): ∂F/∂S = F/S, and as calendar time t passes F drifts by −(r − q)·F per year.
                    var carry = _rate - _yield;
                    return (DMath.Exp(carry * _expiryYears), 0.0, -carry * _baseValue);
                default:
                    return (1.0, 0.0, 0.0);
            }
        }

        private double OptionValue(double spot, double expiryYears) =>
            BlackScholesMerton.Price(new BlackScholesParameters(_type, spot, _strike, expiryYears, _rate, _yield, _volatility));
    }
}
