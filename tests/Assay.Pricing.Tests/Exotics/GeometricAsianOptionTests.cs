using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Xunit.Abstractions;

namespace Assay.Pricing.Tests.Exotics;

public sealed class GeometricAsianOptionTests(ITestOutputHelper output)
{
    [Fact]
    public void Matches_Haug_Kemna_Vorst_example()
    {
        // Haug (2007) §4.20.1 example: S = 80, K = 85, T = 0.25, r = 0.05, b = 0.08 (so q = r − b = −0.03), σ = 0.20
        // → geometric average rate put 4.6922 (QuantLib 1.29 AnalyticContinuousGeometricAveragePriceAsianEngine:
        // 4.692221312…; with q = +0.08 QuantLib gives 5.6027, so Haug's b is the cost of carry).
        var p = new GeometricAsianParameters(OptionType.Put, AsianAveraging.Continuous, 80, 85, 0.25, 0.05, -0.03, 0.20, 0);
        var actual = GeometricAsianOption.Price(p);
        Assert.True(Math.Abs(actual - 4.6922) <= 5e-5, $"{p}: got {actual:R}");
    }

    [Fact]
    public void Matches_QuantLib_geometric_average_price_engines()
    {
        var table = ExoticReferenceTable.Load("quantlib_geometric_asian.csv");
        var continuous = new ReferenceComparison("QuantLib 1.29 AnalyticContinuousGeometricAveragePriceAsianEngine", 1e-9, 1e-12);
        var discrete = new ReferenceComparison("QuantLib 1.29 AnalyticDiscreteGeometricAveragePriceAsianEngine", 1e-9, 1e-12);
        for (var i = 0; i < table.Count; i++)
        {
            var p = Read(table, i);
            (p.Averaging == AsianAveraging.Continuous ? continuous : discrete).Check(GeometricAsianOption.Price(p), table.Number(i, "price"), table.Describe(i));
        }

        output.WriteLine(continuous.Summary);
        output.WriteLine(discrete.Summary);
        continuous.AssertAll();
        discrete.AssertAll();
    }

    [Fact]
    public void One_fixing_at_expiry_is_the_vanilla_option()
    {
        foreach (var (type, spot, strike, t, r, q, vol) in Grid())
        {
            var p = new GeometricAsianParameters(type, AsianAveraging.Discrete, spot, strike, t, r, q, vol, 1);
            var actual = GeometricAsianOption.Price(p);
            var vanilla = ExoticTestMath.VanillaFromDigitals(type, spot, strike, t, r, q, vol);
            Assert.True(Math.Abs(actual - vanilla) <= (1e-12 * vanilla) + 1e-13, $"{p}: N = 1 {actual:R}, vanilla {vanilla:R}");
        }
    }

    [Fact]
    public void Averaging_makes_a_call_cheaper_than_the_vanilla()
    {
        // G is lognormal with a lower variance than S_T and, for b ≥ −σ²/6, a lower forward (E[G] ≤ S·e^(bT)); the Black
        // call value increases in both, so with b ≥ 0 the average call is below the vanilla for every N and continuous.
        foreach (var (type, spot, strike, t, r, q, vol) in Grid())
        {
            if (type != OptionType.Call || r < q)
            {
                continue;
            }

            var vanilla = ExoticTestMath.VanillaFromDigitals(type, spot, strike, t, r, q, vol);
            foreach (var n in new[] { 0, 2, 12, 252 })
            {
                var averaging = n == 0 ? AsianAveraging.Continuous : AsianAveraging.Discrete;
                var p = new GeometricAsianParameters(type, averaging, spot, strike, t, r, q, vol, n);
                var asian = GeometricAsianOption.Price(p);
                Assert.True(asian >= 0 && asian <= vanilla + 1e-12, $"{p}: Asian {asian:R} > vanilla {vanilla:R}");
            }
        }
    }

    [Fact]
    public void Discrete_fixings_converge_to_continuous_averaging()
    {
        // The mean time and variance of ln G differ from their continuous values by O(1/N), so the price error
        // shrinks by about 10× per decade of N.
        foreach (var (type, spot, strike, t, r, q, vol) in Grid())
        {
            var continuous = GeometricAsianOption.Price(new GeometricAsianParameters(type, AsianAveraging.Continuous, spot, strike, t, r, q, vol, 0));
            var previousGap = double.PositiveInfinity;
            foreach (var n in new[] { 10, 100, 1_000, 10_000, 100_000 })
            {
                var p = new GeometricAsianParameters(type, AsianAveraging.Discrete, spot, strike, t, r, q, vol, n);
                var gap = Math.Abs(GeometricAsianOption.Price(p) - continuous);
                Assert.True(gap <= (previousGap / 5) + 1e-13, $"{p}: |discrete − continuous| = {gap:E3} after {previousGap:E3}");
                Assert.True(gap <= (spot * 2.0 / n) + 1e-13, $"{p}: |discrete − continuous| = {gap:E3} not O(1/N)");
                previousGap = gap;
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100_001)]
    public void Rejects_a_fixing_count_out_of_range(int n)
    {
        var p = new GeometricAsianParameters(OptionType.Call, AsianAveraging.Discrete, 100, 100, 1, 0.05, 0.02, 0.2, n);
        var error = Assert.Throws<PricingInputException>(() => GeometricAsianOption.Price(p));
        Assert.Equal("n_fixings", error.Field);

        // Continuous averaging has no fixings and ignores the count.
        Assert.True(GeometricAsianOption.Price(p with { Averaging = AsianAveraging.Continuous }) > 0);
    }

    [Theory]
    [InlineData("S", 0.0)]
    [InlineData("K", double.NaN)]
    [InlineData("T", -1.0)]
    [InlineData("r", double.PositiveInfinity)]
    [InlineData("q", double.NaN)]
    [InlineData("sigma", 0.0)]
    public void Rejects_bad_inputs_naming_the_field(string field, double bad)
    {
        var p = new GeometricAsianParameters(OptionType.Put, AsianAveraging.Discrete, 100, 100, 1, 0.05, 0.02, 0.2, 12);
        p = field switch
        {
            "S" => p with { Spot = bad },
            "K" => p with { Strike = bad },
            "T" => p with { ExpiryYears = bad },
            "r" => p with { Rate = bad },
            "q" => p with { DividendYield = bad },
            _ => p with { Volatility = bad },
        };
        var error = Assert.Throws<PricingInputException>(() => GeometricAsianOption.Price(p));
        Assert.Equal(field, error.Field);
    }

    private static GeometricAsianParameters Read(ExoticReferenceTable table, int i) => new(
        table.Enum<OptionType>(i, "type"),
        table.Enum<AsianAveraging>(i, "averaging"),
        table.Number(i, "S"),
        table.Number(i, "K"),
        table.Number(i, "T"),
        table.Number(i, "r"),
        table.Number(i, "q"),
        table.Number(i, "sigma"),
        table.Integer(i, "n_fixings"));

    private static IEnumerable<(OptionType Type, double Spot, double Strike, double T, double R, double Q, double Vol)> Grid()
    {
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
        {
            foreach (var strike in new[] { 70.0, 95.0, 100.0, 110.0, 150.0 })
            {
                foreach (var (t, r, q, vol) in new[] { (0.1, 0.05, 0.0, 0.15), (1.0, 0.03, 0.03, 0.35), (2.0, 0.06, 0.01, 0.7), (1.5, -0.01, 0.02, 0.25) })
                {
                    yield return (type, 100.0, strike, t, r, q, vol);
                }
            }
        }
    }
}
