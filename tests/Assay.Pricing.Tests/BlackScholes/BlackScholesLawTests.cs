using System.Globalization;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.BlackScholes;

/// <summary>Layer 2: laws any correct European pricer obeys, checked over seeded random grids.</summary>
public sealed class BlackScholesLawTests
{
    private const double Epsilon = 1.1102230246251565e-16;

    [Fact]
    public void Put_call_parity_holds_for_price_and_greeks()
    {
        const int Seed = 4101;
        var rng = new Random(Seed);
        for (var i = 0; i < 500; i++)
        {
            var p = RandomParameters(rng, OptionType.Call, maxStdDevs: 4.0);
            var call = BlackScholesMerton.Greeks(p);
            var put = BlackScholesMerton.Greeks(p with { Type = OptionType.Put });
            var spotPv = p.Spot * Math.Exp(-p.DividendYield * p.ExpiryYears);
            var strikePv = p.Strike * Math.Exp(-p.Rate * p.ExpiryYears);
            var size = spotPv + strikePv;
            var why = $"seed {Seed}, item {i}: {p}";
            AssertClose(call.Price - put.Price, spotPv - strikePv, 8 * Epsilon * size, "price parity", why);
            AssertClose(call.Delta - put.Delta, spotPv / p.Spot, 8 * Epsilon, "delta parity", why);
            AssertClose(call.Gamma, put.Gamma, 4 * Epsilon * call.Gamma, "gamma", why);
            AssertClose(call.Vega, put.Vega, 4 * Epsilon * call.Vega, "vega", why);
            AssertClose(call.Vanna, put.Vanna, 4 * Epsilon * Math.Abs(call.Vanna), "vanna", why);
            AssertClose(call.Volga, put.Volga, 4 * Epsilon * Math.Abs(call.Volga), "volga", why);
            AssertClose(call.Rho - put.Rho, p.ExpiryYears * strikePv, 8 * Epsilon * p.ExpiryYears * size, "rho parity", why);
            AssertClose(call.DividendRho - put.DividendRho, -p.ExpiryYears * spotPv, 8 * Epsilon * p.ExpiryYears * size, "dividend rho parity", why);
            var carry = Math.Abs(p.Rate) + Math.Abs(p.DividendYield);
            AssertClose(
                call.Theta - put.Theta,
                (p.DividendYield * spotPv) - (p.Rate * strikePv),
                16 * Epsilon * ((carry * size) + Math.Abs(call.Theta)),
                "theta parity",
                why);
            AssertClose(call.Charm - put.Charm, p.DividendYield * spotPv / p.Spot, 16 * Epsilon * (1 + Math.Abs(call.Charm)), "charm parity", why);
        }
    }

    [Fact]
    public void Prices_are_monotone_and_convex_in_strike()
    {
        const int Seed = 4102;
        var rng = new Random(Seed);
        for (var i = 0; i < 200; i++)
        {
            var p = RandomParameters(rng, OptionType.Call, maxStdDevs: 0.0);
            var stdDev = p.Volatility * Math.Sqrt(p.ExpiryYears);
            var strikes = Enumerable.Range(-60, 121).Select(j => p.Spot * Math.Exp(j * 0.1 * stdDev)).ToArray();
            var strikePv = Math.Exp(-p.Rate * p.ExpiryYears);
            foreach (var type in new[] { OptionType.Call, OptionType.Put })
            {
                var prices = strikes.Select(k => BlackScholesMerton.Price(p with { Type = type, Strike = k })).ToArray();
                var tolerance = 4 * Epsilon * p.Spot;
                for (var j = 1; j < strikes.Length; j++)
                {
                    var slope = (prices[j] - prices[j - 1]) / (strikes[j] - strikes[j - 1]);
                    var why = $"seed {Seed}, item {i}, {type} K {strikes[j - 1]:R} -> {strikes[j]:R}: {p}, prices {prices[j - 1]:R}, {prices[j]:R}";
                    var lowSlope = type == OptionType.Call ? -strikePv : 0.0;
                    var highSlope = type == OptionType.Call ? 0.0 : strikePv;
                    var slack = 2 * tolerance / (strikes[j] - strikes[j - 1]);
                    Assert.True(slope >= lowSlope - slack && slope <= highSlope + slack, $"slope {slope:R} outside [{lowSlope}, {highSlope}]; {why}");
                    if (j >= 2)
                    {
                        var previous = (prices[j - 1] - prices[j - 2]) / (strikes[j - 1] - strikes[j - 2]);
                        Assert.True(slope - previous >= -2 * slack, $"not convex: slopes {previous:R}, {slope:R}; {why}");
                    }

                    // Far out of the money the price must keep falling in relative terms, across every region switch.
                    var otmDirection = type == OptionType.Call ? prices[j] < prices[j - 1] : prices[j] > prices[j - 1];
                    if (prices[j] > 0 && prices[j - 1] > 0)
                    {
                        Assert.True(otmDirection, $"not strictly monotone; {why}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Price_is_continuous_across_the_kernel_region_boundaries()
    {
        // The kernel switches formula at u = h' + t = −4 and at t = σ√T/2 = 0.21 (docs/pricing-black-scholes.md).
        // Step across each boundary by one part in 1e9 of the moving input and compare with the smooth change
        // the price's own derivative predicts. The neglected second-order term is below ½(κ·1e-9)² ≈ 1e-13 for
        // the relative sensitivities κ ≤ 400 used here, so a formula mismatch above 1e-12 would show up.
        const int Seed = 4103;
        var rng = new Random(Seed);
        for (var i = 0; i < 200; i++)
        {
            var type = rng.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            var t = 0.21;
            var hc = -(0.05 + (rng.NextDouble() * 20.0));
            if (i % 2 == 1)
            {
                // u = hc + t = −4 with t in (0.01, 3).
                t = 0.01 + (rng.NextDouble() * 3.0);
                hc = -4.0 - t;
            }

            var stdDev = 2 * t;
            var expiry = 0.25 + rng.NextDouble();
            var vol = stdDev / Math.Sqrt(expiry);
            var x = hc * stdDev * (type == OptionType.Call ? 1.0 : -1.0);
            var p = new BlackScholesParameters(type, 100.0, 100.0 * Math.Exp(-x), expiry, 0.0, 0.0, vol);
            foreach (var bump in new[] { 1e-9, -1e-9 })
            {
                var moved = i % 2 == 0 ? p with { Volatility = vol * (1 + bump) } : p with { Strike = p.Strike * (1 + bump) };
                var g0 = BlackScholesMerton.Greeks(p);
                var g1 = BlackScholesMerton.Greeks(moved);
                var predicted = i % 2 == 0 ? g0.Vega * vol * bump : (g0.Price - (p.Spot * g0.Delta)) * bump; // dV/dlnK = V − S·Δ (homogeneity)
                var error = Math.Abs((g1.Price - g0.Price) - predicted) / g0.Price;
                Assert.True(
                    error < 1e-12,
                    $"seed {Seed}, item {i}: jump {error:E2} across a region boundary; {p} -> {moved}; prices {g0.Price:R}, {g1.Price:R}");
            }
        }
    }

    [Fact]
    public void Greeks_match_central_finite_differences_of_the_price()
    {
        const int Seed = 4104;
        var rng = new Random(Seed);
        for (var i = 0; i < 200; i++)
        {
            var type = rng.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            var p = RandomParameters(rng, type, maxStdDevs: 2.5);
            var g = BlackScholesMerton.Greeks(p);
            var why = $"seed {Seed}, item {i}: {p}";
            double V(double dS = 0, double dT = 0, double dr = 0, double dq = 0, double dSigma = 0) =>
                BlackScholesMerton.Price(p with
                {
                    Spot = p.Spot + dS,
                    ExpiryYears = p.ExpiryYears + dT,
                    Rate = p.Rate + dr,
                    DividendYield = p.DividendYield + dq,
                    Volatility = p.Volatility + dSigma,
                });

            var hS = 1e-3 * p.Spot * Math.Min(1.0, p.Volatility * Math.Sqrt(p.ExpiryYears));
            var hT = 1e-3 * p.ExpiryYears;
            var hSigma = 1e-3 * p.Volatility;
            const double HRate = 1e-4;
            var v0 = V();
            var fd = new Dictionary<string, double>
            {
                ["delta"] = (V(dS: hS) - V(dS: -hS)) / (2 * hS),
                ["gamma"] = (V(dS: hS) - (2 * v0) + V(dS: -hS)) / (hS * hS),
                ["vega"] = (V(dSigma: hSigma) - V(dSigma: -hSigma)) / (2 * hSigma),
                ["theta"] = -(V(dT: hT) - V(dT: -hT)) / (2 * hT),
                ["rho"] = (V(dr: HRate) - V(dr: -HRate)) / (2 * HRate),
                ["dividend_rho"] = (V(dq: HRate) - V(dq: -HRate)) / (2 * HRate),
                ["vanna"] = (V(dS: hS, dSigma: hSigma) - V(dS: hS, dSigma: -hSigma) - V(dS: -hS, dSigma: hSigma) + V(dS: -hS, dSigma: -hSigma))
                    / (4 * hS * hSigma),
                ["volga"] = (V(dSigma: hSigma) - (2 * v0) + V(dSigma: -hSigma)) / (hSigma * hSigma),
                ["charm"] = -(V(dS: hS, dT: hT) - V(dS: hS, dT: -hT) - V(dS: -hS, dT: hT) + V(dS: -hS, dT: -hT)) / (4 * hS * hT),
            };
            foreach (var (name, expected) in fd)
            {
                var actual = BlackScholesReferenceTests.Pick(g, name);
                var tolerance = 2e-5 * BlackScholesReferenceTests.Scale(p, name);
                Assert.True(
                    Math.Abs(actual - expected) <= tolerance,
                    string.Create(CultureInfo.InvariantCulture, $"{name}: analytic {actual:R}, finite difference {expected:R} (± {tolerance:E2}); {why}"));
            }
        }
    }

    [Fact]
    public void Black76_is_bsm_with_dividend_yield_equal_to_rate_on_the_forward()
    {
        const int Seed = 4105;
        var rng = new Random(Seed);
        for (var i = 0; i < 300; i++)
        {
            var type = rng.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            var p = RandomParameters(rng, type, maxStdDevs: 5.0);
            var forward = p.Spot * Math.Exp((p.Rate - p.DividendYield) * p.ExpiryYears);
            var b76 = Black76.Greeks(new Black76Parameters(type, forward, p.Strike, p.ExpiryYears, p.Rate, p.Volatility));
            var onForward = BlackScholesMerton.Greeks(p with { Spot = forward, DividendYield = p.Rate });
            var why = $"seed {Seed}, item {i}: {p}, F = {forward:R}";

            // Same kernel, same inputs: identical except rho, which holds F (not S) fixed: ∂V/∂r|F = ρ + ρ_q = −T·V.
            Assert.Equal(onForward with { Rho = b76.Rho, DividendRho = 0.0 }, b76);
            AssertClose(b76.Rho, onForward.Rho + onForward.DividendRho, 1e-13 * (Math.Abs(onForward.Rho) + Math.Abs(onForward.DividendRho)), "rho", why);

            // And against BSM on the spot: the forward's rounding moves x by ~1 ulp, amplified by the price's
            // sensitivity |∂lnV/∂lnF| ≈ |d2|/(σ√T) at most, so compare with a tolerance that follows it.
            var bsm = BlackScholesMerton.Greeks(p);
            var stdDev = p.Volatility * Math.Sqrt(p.ExpiryYears);
            var relative = 1e-14 * (1 + (10.0 / stdDev));
            AssertClose(b76.Price, bsm.Price, relative * bsm.Price + (1e-15 * forward), "price vs spot BSM", why);
            AssertClose(b76.Gamma * forward * forward, bsm.Gamma * p.Spot * p.Spot, relative * bsm.Gamma * p.Spot * p.Spot + 1e-14 * forward, "gamma vs spot BSM", why);
        }
    }

    [Fact]
    public void Extreme_inputs_give_finite_bounded_outputs()
    {
        // Inside the documented domain (docs/pricing-black-scholes.md: |r·T|, |q·T| ≤ 700 and S·e^(−qT),
        // K·e^(−rT) within [1e-250, 1e250]), drawn log-uniformly: S, K in [1e-50, 1e50], T in [1e-8, 100],
        // σ in [1e-6, 100], |r·T|, |q·T| ≤ 400.
        const int Seed = 4106;
        var rng = new Random(Seed);
        for (var i = 0; i < 3000; i++)
        {
            var type = rng.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            var expiry = Math.Pow(10, -8 + (10 * rng.NextDouble()));
            var p = new BlackScholesParameters(
                type,
                Math.Pow(10, -50 + (100 * rng.NextDouble())),
                Math.Pow(10, -50 + (100 * rng.NextDouble())),
                expiry,
                (rng.NextDouble() - 0.5) * Math.Min(4.0, 800.0 / expiry),
                (rng.NextDouble() - 0.5) * Math.Min(4.0, 800.0 / expiry),
                Math.Pow(10, -6 + (8 * rng.NextDouble())));
            var g = BlackScholesMerton.Greeks(p);
            var why = $"seed {Seed}, item {i}: {p} -> {g}";
            Assert.True(
                new[] { g.Price, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho, g.DividendRho, g.Vanna, g.Volga, g.Charm }.All(double.IsFinite),
                "non-finite output; " + why);
            var spotPv = p.Spot * Math.Exp(-p.DividendYield * p.ExpiryYears);
            var strikePv = p.Strike * Math.Exp(-p.Rate * p.ExpiryYears);
            var upper = type == OptionType.Call ? spotPv : strikePv;
            Assert.True(g.Price >= 0 && g.Price <= upper * (1 + 1e-12), "price outside [0, bound]; " + why);
            Assert.True(g.Gamma >= 0 && g.Vega >= 0, "negative gamma or vega; " + why);
            Assert.True(Math.Abs(g.Delta) <= (spotPv / p.Spot) * (1 + 1e-12), "|delta| above e^(-qT); " + why);
        }
    }

    private static BlackScholesParameters RandomParameters(Random rng, OptionType type, double maxStdDevs)
    {
        var expiry = Math.Round(Math.Pow(10, -1.5 + (2.5 * rng.NextDouble())), 6);
        var vol = Math.Round(0.05 + (0.95 * rng.NextDouble()), 4);
        var spot = Math.Round(10 + (190 * rng.NextDouble()), 2);
        var z = maxStdDevs * ((2 * rng.NextDouble()) - 1);
        var strike = Math.Round(spot * Math.Exp(z * vol * Math.Sqrt(expiry)), 4);
        var rate = Math.Round(-0.02 + (0.14 * rng.NextDouble()), 4);
        var dividend = Math.Round(0.08 * rng.NextDouble(), 4);
        return new BlackScholesParameters(type, spot, strike, expiry, rate, dividend, vol);
    }

    private static void AssertClose(double actual, double expected, double tolerance, string what, string why) =>
        Assert.True(
            Math.Abs(actual - expected) <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"{what}: {actual:R} vs {expected:R} (± {tolerance:E2}); {why}"));
}
