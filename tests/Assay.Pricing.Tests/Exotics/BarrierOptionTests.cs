using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Xunit.Abstractions;

namespace Assay.Pricing.Tests.Exotics;

public sealed class BarrierOptionTests(ITestOutputHelper output)
{
    private static readonly BarrierType[] AllBarrierTypes = [BarrierType.DownOut, BarrierType.DownIn, BarrierType.UpOut, BarrierType.UpIn];
    private static readonly OptionType[] BothTypes = [OptionType.Call, OptionType.Put];

    // Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), Table 4-13 "Values for standard barrier
    // options" (same table as the 1st ed. 1998, p. 72): S = 100, rebate = 3, T = 0.5, r = 0.08, b = 0.04 (q = 0.04).
    // Columns: barrier type, H, K, call at σ = 0.25, call at σ = 0.30, put at σ = 0.25, put at σ = 0.30.
    // Every value was checked against QuantLib 1.29 AnalyticBarrierEngine before committing: all agree within
    // 6.3e-5, i.e. within the table's 4-decimal rounding plus Haug's normal-CDF approximation; hence 1e-4.
    // The H = 100 rows have the spot on the barrier: knock-outs are worth the rebate, knock-ins the vanilla.
    public static TheoryData<BarrierType, double, double, double, double, double, double> HaugTable413 => new()
    {
        { BarrierType.DownOut, 95, 90, 9.0246, 8.8334, 2.2798, 2.4170 },
        { BarrierType.DownOut, 95, 100, 6.7924, 7.0285, 2.2947, 2.4258 },
        { BarrierType.DownOut, 95, 110, 4.8759, 5.4137, 2.6252, 2.6246 },
        { BarrierType.DownOut, 100, 90, 3.0000, 3.0000, 3.0000, 3.0000 },
        { BarrierType.DownOut, 100, 100, 3.0000, 3.0000, 3.0000, 3.0000 },
        { BarrierType.DownOut, 100, 110, 3.0000, 3.0000, 3.0000, 3.0000 },
        { BarrierType.UpOut, 105, 90, 2.6789, 2.6341, 3.7760, 4.2293 },
        { BarrierType.UpOut, 105, 100, 2.3580, 2.4389, 5.4932, 5.8032 },
        { BarrierType.UpOut, 105, 110, 2.3453, 2.4315, 7.5187, 7.5649 },
        { BarrierType.DownIn, 95, 90, 7.7627, 9.0093, 2.9586, 3.8769 },
        { BarrierType.DownIn, 95, 100, 4.0109, 5.1370, 6.5677, 7.7989 },
        { BarrierType.DownIn, 95, 110, 2.0576, 2.8517, 11.9752, 13.3078 },
        { BarrierType.DownIn, 100, 90, 13.8333, 14.8816, 2.2845, 3.3328 },
        { BarrierType.DownIn, 100, 100, 7.8494, 9.2045, 5.9085, 7.2636 },
        { BarrierType.DownIn, 100, 110, 3.9795, 5.3043, 11.6465, 12.9713 },
        { BarrierType.UpIn, 105, 90, 14.1112, 15.2098, 1.4653, 2.0658 },
        { BarrierType.UpIn, 105, 100, 8.4482, 9.7278, 3.3721, 4.4226 },
        { BarrierType.UpIn, 105, 110, 4.5910, 5.8350, 7.0846, 8.3686 },
    };

    [Theory]
    [MemberData(nameof(HaugTable413))]
    public void Matches_Haug_table_4_13(BarrierType barrierType, double barrier, double strike, double call25, double call30, double put25, double put30)
    {
        foreach (var (type, vol, expected) in new[] { (OptionType.Call, 0.25, call25), (OptionType.Call, 0.30, call30), (OptionType.Put, 0.25, put25), (OptionType.Put, 0.30, put30) })
        {
            var p = new BarrierParameters(type, barrierType, 100, strike, barrier, 3, 0.5, 0.08, 0.04, vol);
            var actual = BarrierOption.Price(p);
            Assert.True(Math.Abs(actual - expected) <= 1e-4, $"{p}: Haug Table 4-13 {expected}, got {actual:R}");
        }
    }

    [Fact]
    public void Matches_QuantLib_AnalyticBarrierEngine()
    {
        // QuantLib evaluates the same closed form, so the difference is rounding in both. Terms of size S ≤ 150 cancel
        // in A − B + C − D, leaving absolute residues of a few 1e-14 on prices that are themselves tiny, hence an
        // absolute floor of 1e-12 on top of the relative 1e-9.
        var table = ExoticReferenceTable.Load("quantlib_barrier.csv");
        var comparison = new ReferenceComparison("QuantLib 1.29 AnalyticBarrierEngine", 1e-9, 1e-12);
        for (var i = 0; i < table.Count; i++)
        {
            var p = Read(table, i);
            comparison.Check(BarrierOption.Price(p), table.Number(i, "price"), table.Describe(i));
        }

        output.WriteLine(comparison.Summary);
        comparison.AssertAll();
    }

    [Fact]
    public void Matches_mpmath_where_barrier_powers_overflow_a_double()
    {
        // σ = 1–4 % with |b| up to 10 %: (H/S)^(2μ) reaches e^(±1000); the engine folds the power into the normal tail.
        var table = ExoticReferenceTable.Load("mpmath_barrier_extreme.csv");
        var comparison = new ReferenceComparison("mpmath 1.2.1 (60 digits) Reiner-Rubinstein", 1e-9, 1e-13);
        for (var i = 0; i < table.Count; i++)
        {
            var p = Read(table, i);
            var actual = BarrierOption.Price(p);
            Assert.True(double.IsFinite(actual), $"{table.Describe(i)}: got {actual}");
            comparison.Check(actual, table.Number(i, "price"), table.Describe(i));
        }

        output.WriteLine(comparison.Summary);
        comparison.AssertAll();
    }

    [Fact]
    public void In_plus_out_equals_vanilla_without_rebate()
    {
        foreach (var (type, spot, strike, barrier, t, r, q, vol) in Grid())
        {
            var isDown = barrier < spot;
            var outType = isDown ? BarrierType.DownOut : BarrierType.UpOut;
            var inType = isDown ? BarrierType.DownIn : BarrierType.UpIn;
            var knockOut = BarrierOption.Price(new BarrierParameters(type, outType, spot, strike, barrier, 0, t, r, q, vol));
            var knockIn = BarrierOption.Price(new BarrierParameters(type, inType, spot, strike, barrier, 0, t, r, q, vol));
            var vanilla = ExoticTestMath.VanillaFromDigitals(type, spot, strike, t, r, q, vol);
            var inputs = $"type={type} S={spot} K={strike} H={barrier} T={t} r={r} q={q} sigma={vol}";
            Assert.True(Math.Abs(knockIn + knockOut - vanilla) <= (1e-12 * spot) + (1e-12 * vanilla), $"{inputs}: in {knockIn:R} + out {knockOut:R} != vanilla {vanilla:R}");
            Assert.True(knockOut >= -1e-12 * spot && knockIn >= -1e-12 * spot, $"{inputs}: negative value in {knockIn:R} out {knockOut:R}");
        }
    }

    [Fact]
    public void Rebates_of_in_and_out_sum_to_the_rebate_at_zero_rate()
    {
        // With r = 0 discounting vanishes: the knock-in rebate pays R·P(no hit), the knock-out rebate R·P(hit).
        const double Rebate = 2.5;
        foreach (var (type, spot, strike, barrier, t, _, q, vol) in Grid())
        {
            var isDown = barrier < spot;
            var outType = isDown ? BarrierType.DownOut : BarrierType.UpOut;
            var inType = isDown ? BarrierType.DownIn : BarrierType.UpIn;
            double Price(BarrierType bt, double rebate) => BarrierOption.Price(new BarrierParameters(type, bt, spot, strike, barrier, rebate, t, 0.0, q, vol));
            var rebateValue = Price(outType, Rebate) - Price(outType, 0) + Price(inType, Rebate) - Price(inType, 0);
            Assert.True(Math.Abs(rebateValue - Rebate) <= 1e-12 * spot, $"type={type} S={spot} K={strike} H={barrier} T={t} r=0 q={q} sigma={vol}: rebate legs sum to {rebateValue:R}, not {Rebate}");
        }
    }

    [Theory]
    [InlineData(BarrierType.DownOut)]
    [InlineData(BarrierType.DownIn)]
    [InlineData(BarrierType.UpOut)]
    [InlineData(BarrierType.UpIn)]
    public void Spot_at_or_beyond_the_barrier_means_already_hit(BarrierType barrierType)
    {
        var isDown = barrierType is BarrierType.DownOut or BarrierType.DownIn;
        var isOut = barrierType is BarrierType.DownOut or BarrierType.UpOut;
        foreach (var type in BothTypes)
        {
            foreach (var spot in isDown ? new[] { 90.0, 89.0, 40.0 } : [90.0, 91.0, 200.0])
            {
                var p = new BarrierParameters(type, barrierType, spot, 95, 90, 1.75, 0.75, 0.03, 0.01, 0.3);
                var actual = BarrierOption.Price(p);
                var expected = isOut ? 1.75 : ExoticTestMath.VanillaFromDigitals(type, spot, 95, 0.75, 0.03, 0.01, 0.3);
                Assert.True(Math.Abs(actual - expected) <= 1e-12 * spot, $"{p}: expected {expected:R}, got {actual:R}");
            }
        }
    }

    [Fact]
    public void Moving_the_barrier_away_raises_knock_outs_and_lowers_knock_ins()
    {
        foreach (var barrierType in AllBarrierTypes)
        {
            foreach (var type in BothTypes)
            {
                var isDown = barrierType is BarrierType.DownOut or BarrierType.DownIn;
                var isOut = barrierType is BarrierType.DownOut or BarrierType.UpOut;
                var vanilla = ExoticTestMath.VanillaFromDigitals(type, 100, 100, 1, 0.04, 0.01, 0.25);
                var previous = double.NaN;
                for (var distance = 0.5; distance <= 3000; distance *= 1.25)
                {
                    var barrier = isDown ? 100 * 100 / (100 + distance) : 100 + distance;
                    var p = new BarrierParameters(type, barrierType, 100, 100, barrier, 0, 1, 0.04, 0.01, 0.25);
                    var value = BarrierOption.Price(p);
                    Assert.True(value >= -1e-12 && value <= vanilla + 1e-12, $"{p}: {value:R} outside [0, vanilla {vanilla:R}]");
                    if (!double.IsNaN(previous))
                    {
                        Assert.True(isOut ? value >= previous - 1e-13 : value <= previous + 1e-13, $"{p}: {value:R} after {previous:R} at the nearer barrier");
                    }

                    previous = value;
                }

                // Far barriers: the knock-out becomes the vanilla and the knock-in worthless.
                Assert.True(Math.Abs((isOut ? vanilla : 0) - previous) <= 1e-6, $"{barrierType} {type}: far-barrier value {previous:R}, vanilla {vanilla:R}");
            }
        }
    }

    [Fact]
    public void Value_is_continuous_across_strike_equal_to_barrier()
    {
        // The formulas switch between two combinations of A–D at K = H; both must agree there.
        foreach (var barrierType in AllBarrierTypes)
        {
            foreach (var type in BothTypes)
            {
                var barrier = barrierType is BarrierType.DownOut or BarrierType.DownIn ? 90.0 : 110.0;
                double Price(double k) => BarrierOption.Price(new BarrierParameters(type, barrierType, 100, k, barrier, 1, 0.8, 0.05, 0.02, 0.3));
                var below = Price(barrier * (1 - 1e-12));
                var at = Price(barrier);
                Assert.True(Math.Abs(below - at) <= 1e-9, $"{barrierType} {type} H={barrier}: K just below H {below:R}, K = H {at:R}");
            }
        }
    }

    [Theory]
    [InlineData("S", -1.0)]
    [InlineData("K", 0.0)]
    [InlineData("H", double.NaN)]
    [InlineData("rebate", -0.5)]
    [InlineData("T", 0.0)]
    [InlineData("r", double.PositiveInfinity)]
    [InlineData("q", double.NaN)]
    [InlineData("sigma", 0.0)]
    public void Rejects_bad_inputs_naming_the_field(string field, double bad)
    {
        var p = new BarrierParameters(OptionType.Call, BarrierType.DownOut, 100, 100, 90, 1, 1, 0.05, 0.02, 0.2);
        p = field switch
        {
            "S" => p with { Spot = bad },
            "K" => p with { Strike = bad },
            "H" => p with { Barrier = bad },
            "rebate" => p with { Rebate = bad },
            "T" => p with { ExpiryYears = bad },
            "r" => p with { Rate = bad },
            "q" => p with { DividendYield = bad },
            _ => p with { Volatility = bad },
        };
        var error = Assert.Throws<PricingInputException>(() => BarrierOption.Price(p));
        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + " must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_hit_rebate_when_the_discount_exponent_is_complex()
    {
        // r = q = −5 %, σ = 40 %: μ = −1/2 and μ² + 2r/σ² = 0.25 − 0.625 < 0, so λ is not real.
        var p = new BarrierParameters(OptionType.Call, BarrierType.DownOut, 100, 100, 90, 1, 1, -0.05, -0.05, 0.4);
        var error = Assert.Throws<PricingInputException>(() => BarrierOption.Price(p));
        Assert.Equal("r", error.Field);

        // Without a rebate (or for a knock-in, whose rebate is paid at expiry) the same market prices.
        Assert.True(double.IsFinite(BarrierOption.Price(p with { Rebate = 0 })));
        Assert.True(double.IsFinite(BarrierOption.Price(p with { BarrierType = BarrierType.DownIn })));
    }

    private static BarrierParameters Read(ExoticReferenceTable table, int i) => new(
        table.Enum<OptionType>(i, "type"),
        table.Enum<BarrierType>(i, "barrier_type"),
        table.Number(i, "S"),
        table.Number(i, "K"),
        table.Number(i, "H"),
        table.Number(i, "rebate"),
        table.Number(i, "T"),
        table.Number(i, "r"),
        table.Number(i, "q"),
        table.Number(i, "sigma"));

    private static IEnumerable<(OptionType Type, double Spot, double Strike, double Barrier, double T, double R, double Q, double Vol)> Grid()
    {
        foreach (var type in BothTypes)
        {
            foreach (var strike in new[] { 80.0, 95.0, 100.0, 105.0, 125.0 })
            {
                foreach (var barrier in new[] { 70.0, 90.0, 99.0, 101.0, 110.0, 140.0 })
                {
                    foreach (var (t, r, q, vol) in new[] { (0.1, 0.05, 0.0, 0.15), (1.0, 0.02, 0.04, 0.35), (3.0, -0.005, 0.01, 0.6) })
                    {
                        yield return (type, 100.0, strike, barrier, t, r, q, vol);
                    }
                }
            }
        }
    }
}
