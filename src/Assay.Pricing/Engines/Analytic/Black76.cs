using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Closed-form Black-76 price and Greeks of European options on forwards and futures.</summary>
/// <remarks>
/// V = e^(−rT)·θ·[F·Φ(θ·d1) − K·Φ(θ·d2)], d1,2 = [ln(F/K) ± σ²T/2]/(σ√T) (Black 1976; Haug 2007, §1.1.4).
/// This is Black–Scholes–Merton with S = F and q = r, and it is evaluated by the same kernel, so it inherits
/// its deep out-of-the-money accuracy. Delta, Gamma, Vanna and Charm are with respect to F; Rho = ∂V/∂r with F
/// fixed = −T·V; DividendRho = 0. Units on <see cref="OptionGreeks"/>.
/// </remarks>
public static class Black76
{
    /// <summary>The present value of the option.</summary>
    /// <exception cref="PricingInputException">An input is out of range (see <see cref="Black76Parameters.Validate"/>).</exception>
    public static double Price(in Black76Parameters p) => Greeks(p).Price;

    /// <summary>The present value and all ten Greeks (DividendRho is 0).</summary>
    /// <exception cref="PricingInputException">An input is out of range (see <see cref="Black76Parameters.Validate"/>).</exception>
    public static OptionGreeks Greeks(in Black76Parameters p)
    {
        p.Validate();
        var g = BlackScholesKernel.Evaluate<ScalarLane, bool>(
            p.Type == OptionType.Call, p.Forward, p.Strike, p.ExpiryYears, p.Rate, p.Rate, p.Volatility);
        var price = g.Price.Value;
        return new OptionGreeks(
            price,
            g.Delta.Value,
            g.Gamma.Value,
            g.Vega.Value,
            g.Theta.Value,
            -(p.ExpiryYears * price),
            0.0,
            g.Vanna.Value,
            g.Volga.Value,
            g.Charm.Value);
    }
}
