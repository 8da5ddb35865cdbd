using Assay.Pricing.Engines.American;
using Assay.Pricing.Engines.Lattice;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.American;

/// <summary>The reference binomial tree against analytic European values, its own convergence and its limits.</summary>
public sealed class BinomialTreeTests
{
    private static BinomialTreeParameters Tree(
        OptionType type, ExerciseStyle exercise, double s, BinomialScheme scheme, int steps, bool richardson = false) =>
        new(type, exercise, s, 100.0, 0.75, 0.06, 0.02, 0.3, scheme, steps, richardson);

    [Theory]
    [InlineData(BinomialScheme.CoxRossRubinstein, 100, 5e-2)]
    [InlineData(BinomialScheme.CoxRossRubinstein, 1000, 5e-3)]
    [InlineData(BinomialScheme.LeisenReimer, 101, 2e-4)]
    [InlineData(BinomialScheme.LeisenReimer, 1001, 2e-6)]
    public void European_tree_converges_to_Black_Scholes(BinomialScheme scheme, int steps, double tolerance)
    {
        // Cox–Ross–Rubinstein errors are O(1/n) (oscillating), Leisen–Reimer O(1/n²); tolerances are absolute
        // on prices of order 10 and scale accordingly with the step count.
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
        {
            foreach (var s in new[] { 85.0, 100.0, 115.0 })
            {
                var p = Tree(type, ExerciseStyle.European, s, scheme, steps);
                var tree = BinomialTree.Price(p);
                var exact = TestBlack.Price(type, s, 100.0, 0.75, 0.06, 0.02, 0.3);
                Assert.True(Math.Abs(tree - exact) <= tolerance, $"{p}: tree {tree:R}, Black–Scholes {exact:R}");
            }
        }
    }

    [Fact]
    public void European_tree_Greeks_match_analytic_Greeks()
    {
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
        {
            foreach (var scheme in new[] { BinomialScheme.CoxRossRubinstein, BinomialScheme.LeisenReimer })
            {
                var p = Tree(type, ExerciseStyle.European, 104.0, scheme, 1001);
                var g = BinomialTree.Greeks(p);
                var (delta, gamma, theta) = TestBlack.Greeks(type, 104.0, 100.0, 0.75, 0.06, 0.02, 0.3);
                // Leisen–Reimer's node delta and gamma are close to O(1/n²); its extended-tree theta is only about
                // O(1/n) because the two extra steps are not centred on the strike for the longer expiry.
                var tolerance = scheme == BinomialScheme.LeisenReimer ? 1e-4 : 2e-3;
                var thetaTolerance = scheme == BinomialScheme.LeisenReimer ? 2e-2 : 0.1;
                Assert.True(Math.Abs(g.Delta - delta) <= tolerance, $"{p}: delta {g.Delta:R} vs {delta:R}");
                Assert.True(Math.Abs(g.Gamma - gamma) <= tolerance * 0.1, $"{p}: gamma {g.Gamma:R} vs {gamma:R}");
                Assert.True(Math.Abs(g.Theta - theta) <= thetaTolerance, $"{p}: theta {g.Theta:R} vs {theta:R}");

                // Vega and rho by bumping: compare with bumps of the analytic price.
                var vega = (TestBlack.Price(type, 104.0, 100.0, 0.75, 0.06, 0.02, 0.3 + 1e-4) - TestBlack.Price(type, 104.0, 100.0, 0.75, 0.06, 0.02, 0.3 - 1e-4)) / 2e-4;
                var rho = (TestBlack.Price(type, 104.0, 100.0, 0.75, 0.06 + 1e-4, 0.02, 0.3) - TestBlack.Price(type, 104.0, 100.0, 0.75, 0.06 - 1e-4, 0.02, 0.3)) / 2e-4;
                Assert.True(Math.Abs(g.Vega - vega) <= tolerance * 100, $"{p}: vega {g.Vega:R} vs {vega:R}");
                Assert.True(Math.Abs(g.Rho - rho) <= tolerance * 100, $"{p}: rho {g.Rho:R} vs {rho:R}");
            }
        }
    }

    [Fact]
    public void American_tree_is_at_least_European_tree()
    {
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
        {
            foreach (var s in new[] { 70.0, 100.0, 130.0 })
            {
                var american = BinomialTree.Price(Tree(type, ExerciseStyle.American, s, BinomialScheme.LeisenReimer, 301));
                var european = BinomialTree.Price(Tree(type, ExerciseStyle.European, s, BinomialScheme.LeisenReimer, 301));
                var intrinsic = Math.Max(type == OptionType.Call ? s - 100.0 : 100.0 - s, 0.0);
                Assert.True(american >= european && american >= intrinsic, $"{type} S={s}: American {american:R}, European {european:R}");
            }
        }
    }

    [Fact]
    public void Leisen_Reimer_rounds_even_steps_up_to_odd()
    {
        var even = BinomialTree.Greeks(Tree(OptionType.Put, ExerciseStyle.American, 95.0, BinomialScheme.LeisenReimer, 400));
        var odd = BinomialTree.Greeks(Tree(OptionType.Put, ExerciseStyle.American, 95.0, BinomialScheme.LeisenReimer, 401));
        Assert.Equal(odd, even);
    }

    [Fact]
    public void Richardson_extrapolation_reduces_the_American_error()
    {
        foreach (var s in new[] { 90.0, 100.0, 110.0 })
        {
            var accurate = AmericanOption.Price(new AmericanParameters(OptionType.Put, s, 100.0, 0.75, 0.06, 0.02, 0.3));
            var plain = BinomialTree.Price(Tree(OptionType.Put, ExerciseStyle.American, s, BinomialScheme.LeisenReimer, 201));
            var extrapolated = BinomialTree.Price(Tree(OptionType.Put, ExerciseStyle.American, s, BinomialScheme.LeisenReimer, 201, true));
            Assert.True(
                Math.Abs(extrapolated - accurate) < Math.Abs(plain - accurate),
                $"S={s}: fast {accurate:R}, LR(201) {plain:R}, LR(201, 403) {extrapolated:R}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(BinomialTreeParameters.StepsMax + 1)]
    public void Step_count_is_bounded(int steps)
    {
        var p = Tree(OptionType.Put, ExerciseStyle.American, 100.0, BinomialScheme.CoxRossRubinstein, steps);
        Assert.Equal("steps", Assert.Throws<PricingInputException>(() => BinomialTree.Price(p)).Field);
    }

    [Fact]
    public void Too_few_steps_for_a_valid_probability_are_rejected()
    {
        // With sigma√Δt below |r − q|Δt the CRR up-probability leaves (0, 1).
        var p = new BinomialTreeParameters(
            OptionType.Put, ExerciseStyle.American, 100.0, 100.0, 10.0, 0.5, 0.0, 0.05, BinomialScheme.CoxRossRubinstein, 2);
        Assert.Equal("steps", Assert.Throws<PricingInputException>(() => BinomialTree.Price(p)).Field);
    }

    [Fact]
    public void Invalid_market_inputs_name_the_field()
    {
        var p = Tree(OptionType.Put, ExerciseStyle.American, 100.0, BinomialScheme.LeisenReimer, 11);
        Assert.Equal("sigma", Assert.Throws<PricingInputException>(() => BinomialTree.Price(p with { Volatility = -0.1 })).Field);
        Assert.Equal("S", Assert.Throws<PricingInputException>(() => BinomialTree.Price(p with { Spot = double.NaN })).Field);
        Assert.Equal("T", Assert.Throws<PricingInputException>(() => BinomialTree.Price(p with { ExpiryYears = 0.0 })).Field);
    }
}
