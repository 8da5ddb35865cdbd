using Assay.Pricing.Engines.American;
using Assay.Pricing.Engines.FiniteDifference;
using Assay.Pricing.Engines.Lattice;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.American;

/// <summary>Laws the American engine must obey, and the engine against the reference lattice.</summary>
public sealed class AmericanLawTests
{
    private const int Seed = 20240612;

    /// <summary>The task's grid: S 80–120, K 100, T from one week to three years, r and q 0–0.1, sigma 0.1–0.6.</summary>
    private static List<AmericanParameters> Grid(int seed, int count)
    {
        var random = new Random(seed);
        var list = new List<AmericanParameters>();
        for (var i = 0; i < count; i++)
        {
            var type = random.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            var t = Math.Exp(Math.Log(7.0 / 365) + (random.NextDouble() * Math.Log(3.0 * 365 / 7)));
            list.Add(new AmericanParameters(
                type, 80 + (40 * random.NextDouble()), 100.0, t, 0.1 * random.NextDouble(), 0.1 * random.NextDouble(), 0.1 + (0.5 * random.NextDouble())));
        }

        return list;
    }

    [Fact]
    public void American_is_at_least_European_and_intrinsic()
    {
        var failures = new List<string>();
        foreach (var p in Grid(Seed, 200))
        {
            var price = AmericanOption.Price(p);
            var european = TestBlack.Price(p.Type, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.Volatility);
            var intrinsic = Math.Max(p.Type == OptionType.Call ? p.Spot - p.Strike : p.Strike - p.Spot, 0.0);
            if (!(price >= european - (1e-12 * Math.Max(1, european)) && price >= intrinsic))
            {
                failures.Add($"seed {Seed} {p}: American {price:R}, European {european:R}, intrinsic {intrinsic:R}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(100.0, 100.0, 1.0, 0.05, 0.2)]
    [InlineData(80.0, 100.0, 3.0, 0.1, 0.6)]
    [InlineData(120.0, 100.0, 0.02, 0.0, 0.1)]
    public void Call_without_dividends_is_European(double s, double k, double t, double r, double sigma)
    {
        var p = new AmericanParameters(OptionType.Call, s, k, t, r, 0.0, sigma);
        var price = AmericanOption.Price(p);
        var european = TestBlack.Price(OptionType.Call, s, k, t, r, 0.0, sigma);
        Assert.True(Math.Abs(price - european) <= 1e-11 * Math.Max(european, 1), $"{p}: {price:R} vs European {european:R}");
    }

    [Fact]
    public void Put_call_symmetry_holds_on_the_independent_lattice()
    {
        // C(S, K, r, q) = P(K, S, q, r) is what the fast engine relies on; check it on the Leisen–Reimer tree,
        // which prices calls directly.
        var failures = new List<string>();
        foreach (var p in Grid(Seed + 1, 10))
        {
            var call = BinomialTree.Price(new BinomialTreeParameters(
                OptionType.Call, ExerciseStyle.American, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.Volatility, BinomialScheme.LeisenReimer, 801, true));
            var put = BinomialTree.Price(new BinomialTreeParameters(
                OptionType.Put, ExerciseStyle.American, p.Strike, p.Spot, p.ExpiryYears, p.DividendYield, p.Rate, p.Volatility, BinomialScheme.LeisenReimer, 801, true));
            var fast = AmericanOption.Price(p with { Type = OptionType.Call });
            AmericanQuantLibTests.Check(failures, $"seed {Seed + 1} {p}", "call vs symmetric put (tree)", call, put, 2e-5, 0.01);
            AmericanQuantLibTests.Check(failures, $"seed {Seed + 1} {p}", "fast call vs tree", fast, call, 5e-5, 0.01);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Fast_engine_agrees_with_Leisen_Reimer_lattice()
    {
        // Leisen–Reimer with Richardson extrapolation from 1001 and 2003 steps is good to about 1e-5 relative on
        // this grid (measured against QuantLib's QdFp engine, docs/pricing-american.md).
        var failures = new List<string>();
        foreach (var p in Grid(Seed + 2, 24))
        {
            var fast = AmericanOption.Price(p);
            var tree = BinomialTree.Price(new BinomialTreeParameters(
                p.Type, ExerciseStyle.American, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.Volatility, BinomialScheme.LeisenReimer, 1001, true));
            AmericanQuantLibTests.Check(failures, $"seed {Seed + 2} {p}", "fast vs LR(1001, 2003)", fast, tree, 5e-5, 0.01);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Greeks_match_finite_differences_and_the_pricing_equation()
    {
        var failures = new List<string>();
        foreach (var p in Grid(Seed + 3, 30))
        {
            var g = AmericanOption.Greeks(p);
            var inputs = $"seed {Seed + 3} {p}";
            Assert.Equal(AmericanOption.Price(p), g.Price);

            // Delta and gamma are analytic in the engine; compare with fourth-order differences of Price.
            var h = 0.01 * p.Spot * p.Volatility * Math.Sqrt(p.ExpiryYears);
            double F(double ds) => AmericanOption.Price(p with { Spot = p.Spot + ds });
            var (up, down, up2, down2) = (F(h), F(-h), F(2 * h), F(-2 * h));
            var intrinsic = Math.Max(p.Type == OptionType.Call ? p.Spot - p.Strike : p.Strike - p.Spot, 0.0);
            var nearExercise = Math.Min(Math.Min(up, down), Math.Min(up2, down2)) - intrinsic < 0.05;
            if (nearExercise)
            {
                continue;
            }

            var delta = ((8 * (up - down)) - (up2 - down2)) / (12 * h);
            var gamma = (-up2 + (16 * up) - (30 * g.Price) + (16 * down) - down2) / (12 * h * h);
            AmericanQuantLibTests.Check(failures, inputs, "delta", g.Delta, delta, 1e-6, 1.0);
            AmericanQuantLibTests.Check(failures, inputs, "gamma", g.Gamma, gamma, 1e-4, 0.01);

            // Theta, vega and rho are bumps in the engine; compare with ten times larger steps.
            var hT = 1e-3 * p.ExpiryYears;
            var theta = -(AmericanOption.Price(p with { ExpiryYears = p.ExpiryYears + hT }) - AmericanOption.Price(p with { ExpiryYears = p.ExpiryYears - hT })) / (2 * hT);
            var hV = 1e-3 * p.Volatility;
            var vega = (AmericanOption.Price(p with { Volatility = p.Volatility + hV }) - AmericanOption.Price(p with { Volatility = p.Volatility - hV })) / (2 * hV);
            AmericanQuantLibTests.Check(failures, inputs, "theta", g.Theta, theta, 1e-5, 1.0);
            AmericanQuantLibTests.Check(failures, inputs, "vega", g.Vega, vega, 1e-5, 1.0);
            if (p.Rate > 2e-4)
            {
                var rho = (AmericanOption.Price(p with { Rate = p.Rate + 1e-4 }) - AmericanOption.Price(p with { Rate = p.Rate - 1e-4 })) / 2e-4;
                // The approximate price's third derivative in r is large near u = 0 (√H of a small H), so two
                // valid steps disagree by up to ~5e-5; QuantLib comparisons show rho is good to ~1e-4 anyway.
                AmericanQuantLibTests.Check(failures, inputs, "rho", g.Rho, rho, 1e-4, 1.0);
            }

            // Black–Scholes equation in the continuation region: −∂V/∂T = rV − (r − q)SΔ − σ²S²Γ/2.
            var pde = (p.Rate * g.Price) - ((p.Rate - p.DividendYield) * p.Spot * g.Delta) - (0.5 * p.Volatility * p.Volatility * p.Spot * p.Spot * g.Gamma);
            AmericanQuantLibTests.Check(failures, inputs, "theta vs PDE", g.Theta, pde, 1e-3, 1.0);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Exercise_region_gives_intrinsic_value_and_unit_delta()
    {
        var put = AmericanOption.Greeks(new AmericanParameters(OptionType.Put, 50.0, 100.0, 1.0, 0.08, 0.0, 0.2));
        Assert.Equal(new AmericanResult(50.0, -1.0, 0.0, 0.0, 0.0, put.Rho), put);
        var call = AmericanOption.Greeks(new AmericanParameters(OptionType.Call, 200.0, 100.0, 1.0, 0.0, 0.1, 0.2));
        Assert.Equal(100.0, call.Price);
        Assert.Equal(1.0, call.Delta, 12);
        Assert.Equal(0.0, call.Gamma);
    }

    [Theory]
    [InlineData(0.0, 0.05)]
    [InlineData(0.0, 0.0)]
    [InlineData(0.0, -0.02)]
    public void Put_price_is_continuous_as_the_rate_reaches_its_regime_edge(double r, double q)
    {
        // r = 0 with q >= 0 is priced as European; the fast engine at r = 1e-8 must agree. With q < 0 = r the put
        // moves to the lattice (double-boundary regime), which must agree with the fast engine at r = +1e-8.
        var atEdge = AmericanOption.Price(new AmericanParameters(OptionType.Put, 95.0, 100.0, 1.0, r, q, 0.25));
        var inside = AmericanOption.Price(new AmericanParameters(OptionType.Put, 95.0, 100.0, 1.0, r + 1e-8, q, 0.25));
        Assert.True(Math.Abs(atEdge - inside) <= 5e-5 * atEdge, $"r={r} q={q}: edge {atEdge:R}, r+1e-8 {inside:R}");
    }

    [Fact]
    public void Put_with_a_tiny_rate_stays_between_European_and_European_plus_strike_interest()
    {
        // P_E <= P_A <= P_E + K(1 − e^(−rT)): early exercise gains at most the interest on K. Tiny r with q >> r puts
        // X = K·r/q far below K and the perpetual-root formula near cancellation (a naive root gave NaN here).
        var failures = new List<string>();
        foreach (var r in new[] { 1e-8, 1e-6, 1e-4 })
        {
            foreach (var q in new[] { 0.0, 0.1, 0.3, 0.5 })
            {
                foreach (var t in new[] { 2e-4, 0.1, 5.0 })
                {
                    foreach (var sigma in new[] { 0.1, 0.5, 2.0 })
                    {
                        foreach (var s in new[] { 90.0, 100.0, 110.0 })
                        {
                            var p = new AmericanParameters(OptionType.Put, s, 100.0, t, r, q, sigma);
                            var price = AmericanOption.Price(p);
                            var european = TestBlack.Price(OptionType.Put, s, 100.0, t, r, q, sigma);
                            var interest = 100.0 * (1.0 - Math.Exp(-r * t));
                            var slack = 1e-12 * Math.Max(european, 1.0);
                            if (!(price >= european - slack && price <= european + interest + slack))
                            {
                                failures.Add($"{p}: American {price:R}, European {european:R}, K(1 - e^-rT) {interest:R}");
                            }
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(OptionType.Put, -0.01, 0.02)]
    [InlineData(OptionType.Put, -0.02, -0.01)]
    [InlineData(OptionType.Call, 0.02, -0.01)]
    public void Negative_rate_regimes_without_early_exercise_are_European(OptionType type, double r, double q)
    {
        var p = new AmericanParameters(type, 100.0, 100.0, 2.0, r, q, 0.3);
        var price = AmericanOption.Price(p);
        var european = TestBlack.Price(type, 100.0, 100.0, 2.0, r, q, 0.3);
        Assert.True(Math.Abs(price - european) <= 1e-11 * european, $"{p}: {price:R} vs European {european:R}");
        var tree = BinomialTree.Price(new BinomialTreeParameters(type, ExerciseStyle.American, 100.0, 100.0, 2.0, r, q, 0.3, BinomialScheme.LeisenReimer, 501));
        Assert.True(Math.Abs(tree - european) <= 1e-4 * european, $"{p}: American tree {tree:R} vs European {european:R}");
    }

    [Theory]
    [InlineData(OptionType.Put, -0.01, -0.04)]
    [InlineData(OptionType.Call, -0.03, 0.0)]
    public void Double_boundary_regime_uses_the_finite_difference_engine(OptionType type, double r, double q)
    {
        var p = new AmericanParameters(type, 100.0, 100.0, 2.0, r, q, 0.2);
        var g = AmericanOption.Greeks(p);
        Assert.Equal(FiniteDifferenceAmerican.Greeks(p), g);
        Assert.Equal(g.Price, AmericanOption.Price(p));

        // The Leisen–Reimer lattice (1001/2003 steps, Richardson) is good to a few 1e-4 here.
        var tree = BinomialTree.Greeks(new BinomialTreeParameters(
            type, ExerciseStyle.American, 100.0, 100.0, 2.0, r, q, 0.2, BinomialScheme.LeisenReimer, 1001, true));
        Assert.True(Math.Abs(g.Price - tree.Price) <= 1e-3 * tree.Price, $"{p}: {g.Price:R} vs lattice {tree.Price:R}");
        Assert.True(Math.Abs(g.Delta - tree.Delta) <= 1e-3, $"{p}: delta {g.Delta:R} vs lattice {tree.Delta:R}");
        var european = TestBlack.Price(type, 100.0, 100.0, 2.0, r, q, 0.2);
        Assert.True(g.Price > european + 1e-3, $"{p}: {g.Price:R} should carry an early-exercise premium over {european:R}");
    }

    [Theory]
    [InlineData("S", 0.0, 100.0, 1.0, 0.05, 0.0, 0.2)]
    [InlineData("K", 100.0, -1.0, 1.0, 0.05, 0.0, 0.2)]
    [InlineData("T", 100.0, 100.0, 0.0, 0.05, 0.0, 0.2)]
    [InlineData("T", 100.0, 100.0, 31.0, 0.05, 0.0, 0.2)]
    [InlineData("r", 100.0, 100.0, 1.0, double.NaN, 0.0, 0.2)]
    [InlineData("q", 100.0, 100.0, 1.0, 0.05, 0.6, 0.2)]
    [InlineData("sigma", 100.0, 100.0, 1.0, 0.05, 0.0, 0.0)]
    [InlineData("sigma", 100.0, 100.0, 1.0, 0.05, 0.0, double.PositiveInfinity)]
    public void Invalid_inputs_name_the_field(string field, double s, double k, double t, double r, double q, double sigma)
    {
        var p = new AmericanParameters(OptionType.Put, s, k, t, r, q, sigma);
        var error = Assert.Throws<PricingInputException>(() => AmericanOption.Price(p));
        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + " must be", error.Message);
        Assert.Equal(field, Assert.Throws<PricingInputException>(() => AmericanOption.Greeks(p)).Field);
    }
}
