using Assay.Pricing.Engines.Fourier;
using Assay.Pricing.Instruments;
using Assay.Pricing.Models;

namespace Assay.Pricing.Tests.Heston;

/// <summary>Edges of the truncated Gauss–Legendre scheme: σ_v so small that σ_v² underflows, and |ρ| = 1 (the adaptive fallback).</summary>
public sealed class HestonEdgeTests
{
    [Theory]
    [InlineData(OptionType.Call, 90.0, 7.0 / 365)]
    [InlineData(OptionType.Put, 130.0, 2.0)]
    public void Vol_of_vol_whose_square_underflows_gives_Black_Scholes(OptionType type, double strike, double t)
    {
        var p = new HestonParameters(type, 100, strike, t, 0.03, 0.01, 0.05, 2.0, 0.03, 1e-200, -0.6);
        var w = HestonCases.IntegratedVariance(p.V0, p.Kappa, p.Theta, t);
        var bs = HestonCases.BlackScholes(type, 100, strike, t, 0.03, 0.01, w);
        var price = HestonEngine.Price(p);
        Assert.True(Math.Abs(price - bs) <= 1e-10 * p.Spot, $"{HestonCases.Describe(p)}: Heston {price:R}, BS(w={w:R}) {bs:R}");
    }

    [Theory]
    [InlineData(-1.0, OptionType.Call, 110.0, 30.0 / 365)]
    [InlineData(1.0, OptionType.Put, 90.0, 0.5)]
    public void Perfect_correlation_is_the_limit_of_near_perfect_correlation(double rho, OptionType type, double strike, double t)
    {
        // At |ρ| = 1 the characteristic function decays only like a power of u, so the engine falls back to the
        // adaptive scheme; the price must still be continuous in ρ (the slope is of order S, so 1e-6 in ρ moves it by ~1e-6·S).
        var p = new HestonParameters(type, 100, strike, t, 0.02, 0.0, 0.04, 1.5, 0.04, 0.5, rho);
        var atOne = HestonEngine.Evaluate(p);
        var near = HestonEngine.Evaluate(p with { Rho = rho * (1.0 - 1e-6) });
        Assert.True(
            Math.Abs(atOne.Price - near.Price) <= 1e-5 * p.Spot && atOne.ErrorEstimate <= 1e-8 * p.Spot,
            $"{HestonCases.Describe(p)}: rho=±1 {atOne}, rho*(1-1e-6) {near}");
    }
}
