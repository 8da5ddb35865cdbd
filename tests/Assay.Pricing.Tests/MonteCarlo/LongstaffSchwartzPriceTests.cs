using System.Globalization;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Pricing.MonteCarlo.LongstaffSchwartz;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Longstaff–Schwartz American prices against published finite-difference values, QuantLib Bermudan prices and the European.</summary>
/// <remarks>
/// The estimator is low-biased: the rule is fitted on separate pilot paths (any rule's value is at most the optimal one)
/// and exercise is restricted to the grid dates. Each price must therefore lie in [reference − allowance − 4 SE,
/// reference + 4 SE], with the allowance stating how much low bias is accepted.
/// </remarks>
public class LongstaffSchwartzPriceTests
{
    private const long Paths = 32_768;

    // Low bias accepted against the continuously exercisable American value at 50 dates a year: the Bermudan gap
    // (QuantLib: 0.004-0.008 at 73 dates a year on these contracts) plus the policy error of a 32,768-path pilot with
    // four basis functions (measured about 0.005-0.01 with 262,144 priced paths).
    private const double AmericanLowBias = 0.03;

    // Low bias accepted against the Bermudan value with the same exercise dates: the policy error only.
    private const double BermudanLowBias = 0.02;

    // Longstaff and Schwartz (2001), "Valuing American Options by Simulation: A Simple Least-Squares Approach", Review of
    // Financial Studies 14(1), 113-147, Table 1: American put, K = 40, r = 0.06, 50 exercise dates per year; the column
    // "Finite difference American value" (implicit scheme, 40,000 time steps per year). Rows (S, sigma, T, value).
    public static TheoryData<double, double, double, double> Table1 => new()
    {
        { 36, 0.2, 1, 4.478 },
        { 36, 0.4, 1, 7.101 },
        { 38, 0.2, 1, 3.250 },
        { 38, 0.4, 1, 6.148 },
        { 40, 0.2, 1, 2.314 },
        { 40, 0.4, 1, 5.312 },
        { 42, 0.2, 1, 1.617 },
        { 42, 0.4, 1, 4.582 },
        { 44, 0.2, 1, 1.110 },
        { 44, 0.4, 1, 3.948 },
        { 36, 0.2, 2, 4.840 },
        { 40, 0.4, 2, 6.920 },
        { 44, 0.2, 2, 1.690 },
        { 44, 0.4, 2, 5.647 },
    };

    public static TheoryData<int> BermudanRows => new() { 0, 1, 2, 3, 4, 5, 6, 7 };

    [Theory]
    [MemberData(nameof(Table1))]
    public void American_put_is_within_the_stated_low_bias_of_the_published_finite_difference_value(double s, double sigma, double t, double published)
    {
        var seed = (ulong)((s * 1000) + (sigma * 100) + t);
        var spec = Spec(OptionType.Put, s, 40, t, 0.06, 0, sigma, (int)(50 * t), seed);
        var mc = MonteCarloEngine.Run(spec);
        var context = $"seed {seed}, put S={s} K=40 T={t} r=0.06 sigma={sigma}, {spec.Settings.Steps} dates: MC {mc.Price} ± {mc.StandardError}, published {published}";
        Assert.True(mc.Price >= published - AmericanLowBias - (4 * mc.StandardError), "too low: " + context);
        Assert.True(mc.Price <= published + 0.0005 + (4 * mc.StandardError), "too high for a low-biased estimator: " + context);
        Assert.True(mc.StandardError < mc.UncontrolledStandardError, "the European control variate did not reduce the error: " + context);
    }

    [Theory]
    [MemberData(nameof(BermudanRows))]
    public void Price_delta_and_vega_agree_with_QuantLib_finite_differences_for_the_same_Bermudan_dates(int row)
    {
        var r = QuantLibBermudan()[row];
        var seed = 7000 + (ulong)row;
        var mc = MonteCarloEngine.Run(Spec(r.Type, r.S, r.K, r.T, r.Rate, r.Dividend, r.Sigma, r.Steps, seed));
        var context = $"seed {seed}, {r.Type} S={r.S} K={r.K} T={r.T} r={r.Rate} q={r.Dividend} sigma={r.Sigma}, {r.Steps} dates: "
            + $"MC {mc.Price} ± {mc.StandardError} vs QuantLib Bermudan {r.Bermudan} (grid error {r.GridError})";
        Assert.True(mc.Price >= r.Bermudan - BermudanLowBias - (4 * mc.StandardError), "price too low: " + context);
        Assert.True(mc.Price <= r.Bermudan + r.GridError + (4 * mc.StandardError), "price too high for a low-biased estimator: " + context);

        // Pathwise Greeks along the stopped path ignore the move of the fitted boundary, which vanishes for the optimal rule
        // only; the accepted bias (0.02 in delta, 10% in vega) is the largest measured over seeds 1-4 on these rows.
        Assert.True(Math.Abs(mc.Delta - r.Delta) <= (4 * mc.DeltaStandardError) + 0.02, $"delta {mc.Delta} ± {mc.DeltaStandardError} vs {r.Delta}; " + context);
        Assert.True(Math.Abs(mc.Vega - r.Vega) <= (4 * mc.VegaStandardError) + (0.1 * r.Vega), $"vega {mc.Vega} ± {mc.VegaStandardError} vs {r.Vega}; " + context);
    }

    [Fact]
    public void American_exceeds_the_European_on_the_same_paths_and_the_control_is_the_European_engine_bit_for_bit()
    {
        const ulong seed = 31;
        var american = MonteCarloEngine.Run(Spec(OptionType.Put, 36, 40, 1, 0.06, 0, 0.2, 50, seed));
        var european = MonteCarloEngine.Run(MonteCarloGbmTests.Spec(PayoffKind.European, OptionType.Put, 36, 40, 1, 0.06, 0, 0.2, Paths, 50, seed));
        Assert.Equal(european.Totals.Payoff, american.Totals.Control);
        Assert.Equal(european.Totals.PayoffSquared, american.Totals.ControlSquared);

        var (premium, premiumError) = PairedDifference(american.Totals);
        var exact = BlackScholesMerton.Price(new BlackScholesParameters(OptionType.Put, 36, 40, 1, 0.06, 0, 0.2));
        var context = $"seed {seed}: American {american.Price} ± {american.StandardError}, MC European {european.Price} ± {european.StandardError}, "
            + $"paired premium {premium} ± {premiumError}, Black-Scholes {exact}";
        Assert.True(premium - (4 * premiumError) > 0.0, "no significant early-exercise premium: " + context);
        Assert.True(american.Price > exact, context);
    }

    [Theory]
    [InlineData(OptionType.Call, 100, 100, 1.0, 0.05, 0.25)]
    [InlineData(OptionType.Call, 50, 40, 2.0, 0.03, 0.4)]
    public void Call_without_dividends_is_worth_the_European(OptionType type, double s, double k, double t, double r, double sigma)
    {
        const ulong seed = 77;
        var mc = MonteCarloEngine.Run(Spec(type, s, k, t, r, 0, sigma, 50, seed));
        var exact = BlackScholesMerton.Price(new BlackScholesParameters(type, s, k, t, r, 0, sigma));
        var (difference, differenceError) = PairedDifference(mc.Totals);
        var context = $"seed {seed}, {type} S={s} K={k} T={t} r={r} q=0 sigma={sigma}: MC {mc.Price} ± {mc.StandardError}, European {exact}, "
            + $"paired American - European {difference} ± {differenceError}";
        Assert.True(Math.Abs(mc.Price - exact) <= 4 * mc.StandardError, context);
        Assert.True(Math.Abs(difference) <= (4 * differenceError) + (1e-3 * exact), context);
    }

    [Fact]
    public void Deep_in_the_money_put_is_exercised_at_once_for_exactly_its_intrinsic_value()
    {
        const ulong seed = 5;
        var spec = Spec(OptionType.Put, 20, 40, 1, 0.06, 0, 0.2, 50, seed);
        var result = LongstaffSchwartzEngine.Run(spec);
        var context = $"seed {seed}, put S=20 K=40 T=1 r=0.06 sigma=0.2: {result.Estimate.Price} ± {result.Estimate.StandardError}, pilot value {result.Policy.ContinuationAtStart}";
        Assert.True(result.Policy.ExercisesAtStart, context);
        Assert.Equal(20.0, result.Estimate.Price);
        Assert.Equal(0.0, result.Estimate.StandardError);
        Assert.Equal(-1.0, result.Estimate.Delta);
    }

    [Fact]
    public void Exercise_boundary_of_a_put_rises_towards_the_strike_as_expiry_nears()
    {
        const ulong seed = 9;
        var policy = LongstaffSchwartzEngine.FitPolicy(Spec(OptionType.Put, 36, 40, 1, 0.06, 0, 0.2, 50, seed));
        var early = policy.ExerciseBoundary(5);
        var late = policy.ExerciseBoundary(45);
        var context = $"seed {seed}: boundary at date 5 {early}, at date 45 {late}";

        // The American put boundary at T − t = 0.9 is about 32.5 and at T − t = 0.1 about 36.5 (McDonald-Schroder grid values
        // lie in these ranges); the fitted rule must at least be ordered and inside (30, 40).
        Assert.InRange(early, 30.0, 40.0);
        Assert.InRange(late, 30.0, 40.0);
        Assert.True(early < late, context);
        Assert.True(policy.Exercises(45, late * 0.99) && !policy.Exercises(45, late * 1.01), context);
        Assert.Equal(LongstaffSchwartzEngine.BasisSize, policy.Coefficients(45).Length);
    }

    internal static MonteCarloSpec Spec(OptionType type, double s, double k, double t, double r, double q, double sigma, int steps, ulong seed, long paths = Paths) =>
        MonteCarloGbmTests.Spec(PayoffKind.American, type, s, k, t, r, q, sigma, paths, steps, seed);

    /// <summary>Mean and standard error of Y − C (American minus European on the same path) from the batch sums.</summary>
    private static (double Mean, double StandardError) PairedDifference(BatchSums totals)
    {
        var n = (double)totals.Samples;
        var y = totals.Payoff.ToDouble() / n;
        var c = totals.Control.ToDouble() / n;
        var varY = (totals.PayoffSquared.ToDouble() - (n * y * y)) / (n - 1);
        var varC = (totals.ControlSquared.ToDouble() - (n * c * c)) / (n - 1);
        var cov = (totals.PayoffControl.ToDouble() - (n * y * c)) / (n - 1);
        return (y - c, Math.Sqrt(Math.Max(varY + varC - (2 * cov), 0.0) / n));
    }

    private static List<BermudanRow> QuantLibBermudan()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "pricing", "lsm", "quantlib_bermudan.csv");
        var rows = new List<BermudanRow>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            rows.Add(new BermudanRow(
                f[0] == "Call" ? OptionType.Call : OptionType.Put, D(1), D(2), D(3), int.Parse(f[4], CultureInfo.InvariantCulture), D(5), D(6), D(7), D(8), D(9), D(10), D(11)));
        }

        return rows;
    }

    private sealed record BermudanRow(
        OptionType Type, double S, double K, double T, int Steps, double Rate, double Dividend, double Sigma,
        double Bermudan, double GridError, double Delta, double Vega);
}
