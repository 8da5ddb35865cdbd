using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Closed-form Black–Scholes–Merton price and Greeks of European options on an asset paying a continuous yield.</summary>
/// <remarks>
/// V = θ·[S·e^(−qT)·Φ(θ·d1) − K·e^(−rT)·Φ(θ·d2)], θ = +1 for a call and −1 for a put,
/// d1,2 = [ln(S/K) + (r − q ± σ²/2)T]/(σ√T) (Merton 1973; Haug 2007, §1.1.6). Prices keep their relative
/// accuracy deep out of the money (see docs/pricing-black-scholes.md); Greek units are listed on
/// <see cref="OptionGreeks"/>. The result is the same bits as the batch API for the same inputs.
/// </remarks>
public static class BlackScholesMerton
{
    /// <summary>The present value of the option.</summary>
    /// <exception cref="PricingInputException">An input is out of range (see <see cref="BlackScholesParameters.Validate"/>).</exception>
    public static double Price(in BlackScholesParameters p) => Greeks(p).Price;

    /// <summary>The present value and all ten Greeks.</summary>
    /// <exception cref="PricingInputException">An input is out of range (see <see cref="BlackScholesParameters.Validate"/>).</exception>
    public static OptionGreeks Greeks(in BlackScholesParameters p)
    {
        p.Validate();
        return EvaluateValidated(p);
    }

    /// <summary>Evaluates the scalar kernel on inputs already validated.</summary>
    internal static OptionGreeks EvaluateValidated(in BlackScholesParameters p)
    {
        var g = BlackScholesKernel.Evaluate<ScalarLane, bool>(
            p.Type == OptionType.Call, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.Volatility);
        return new OptionGreeks(
            g.Price.Value,
            g.Delta.Value,
            g.Gamma.Value,
            g.Vega.Value,
            g.Theta.Value,
            g.Rho.Value,
            g.DividendRho.Value,
            g.Vanna.Value,
            g.Volga.Value,
            g.Charm.Value);
    }
}
