using Assay.Numerics;
using Assay.Pricing.Batch;
using Assay.Pricing.Engines.Analytic;
using Xunit.Abstractions;

namespace Assay.Pricing.Tests.BlackScholes;

/// <summary>
/// The approximations the Black–Scholes kernel evaluates instead of calling Numerics: the polynomial behind
/// e^(−y) − 1, compared with the Numerics kernel it replaces (itself within 1 ulp of mpmath, tests/data/numerics), and
/// the rational pairs of regions 1 and 2, compared with mpmath directly, since their difference m(u) − m(v) cannot be
/// checked against two table erfcx values (they cancel).
/// </summary>
public sealed class BlackScholesKernelApproximationTests(ITestOutputHelper output)
{
    [Fact]
    public void Polynomial_exp_minus_one_is_within_three_ulp_of_Expm1_up_to_0_7()
    {
        const int Seed = 20261123;
        output.WriteLine($"seed {Seed}");
        var rng = new Random(Seed);
        var worst = 0.0;
        var worstAt = 0.0;
        for (var i = 0; i < 200_000; i++)
        {
            var y = i < 3 ? new[] { 1e-300, 1e-9, 0.7 }[i] : 0.7 * rng.NextDouble();
            var expected = DMath.Expm1(-y);
            var actual = -(y * BlackScholesKernel.GrowthRatio<ScalarLane, bool>(new ScalarLane(y)).Value);
            var ulps = Math.Abs(actual - expected) / (Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected));
            if (ulps > worst)
            {
                (worst, worstAt) = (ulps, y);
            }
        }

        output.WriteLine($"max |−y·g(y) − expm1(−y)| = {worst:F2} ulp at y = {worstAt:R}");
        Assert.True(worst <= 3.0, $"seed {Seed}: −y·g(y) is {worst:F2} ulp from DMath.Expm1(−y) at y = {worstAt:R} (allowed 3)");
    }

    [Fact]
    public void Rational_pair_gives_both_mills_ratios_and_their_difference_to_a_few_ulp()
    {
        // Region 2 lanes take m(u), m(v) and D = m(u) − m(v) from one rational erfcx at both ends (MillsRationalPair).
        // Reference: mpmath at 40 digits on 2000 seeded points of region 2, t from 1e-9 to 0.42 (mpmath_mills_pair.csv,
        // written by fit_kernel_approximations.py). Measured there: m(u), m(v) ≤ 3.2 and D ≤ 17 units of 2^−52.
        CheckPairAgainstTable(
            "mpmath_mills_pair.csv",
            (h, t) => BlackScholesKernel.MillsRationalPair<ScalarLane, bool>(new ScalarLane(h), new ScalarLane(t)),
            millsLimit: 4.0,
            differenceLimit: 24.0);
    }

    [Fact]
    public void Tail_pair_gives_both_mills_ratios_and_their_difference_to_a_few_ulp()
    {
        // Region 1 lanes (u ≤ −4) take them from the rational in 1/a² (MillsTailPair), with a1 = −u, a2 = −v formed as
        // the kernel forms them. Reference: mpmath_mills_tail.csv, 2000 seeded points with −u from 4 to 40 and t from
        // 1e-9 to 10. Measured on 30 000 points: m(u), m(v) ≤ 1.0 and D ≤ 1.7 units of 2^−52.
        CheckPairAgainstTable(
            "mpmath_mills_tail.csv",
            (h, t) => BlackScholesKernel.MillsTailPair<ScalarLane, bool>(new ScalarLane(-(h + t)), new ScalarLane(-(h - t)), new ScalarLane(t)),
            millsLimit: 2.0,
            differenceLimit: 4.0);
    }

    private void CheckPairAgainstTable(
        string fileName,
        Func<double, double, (ScalarLane MillsU, ScalarLane MillsV, ScalarLane Difference)> pair,
        double millsLimit,
        double differenceLimit)
    {
        var table = ReferenceTable.Load(fileName);
        var worst = new double[3];
        var worstRow = new string[3];
        foreach (var row in table.Rows)
        {
            var (millsU, millsV, difference) = pair(table.Number(row, "h"), table.Number(row, "t"));
            var errors = new[]
            {
                RelativeUnits(millsU.Value, table.Number(row, "mills_u")),
                RelativeUnits(millsV.Value, table.Number(row, "mills_v")),
                RelativeUnits(difference.Value, table.Number(row, "difference")),
            };
            for (var k = 0; k < 3; k++)
            {
                if (!(errors[k] <= worst[k]))
                {
                    (worst[k], worstRow[k]) = (errors[k], table.Describe(row));
                }
            }
        }

        output.WriteLine($"{fileName}: {table.Rows.Count} rows; max error in units of 2^-52: m(u) {worst[0]:F2}, m(v) {worst[1]:F2}, D {worst[2]:F2}");
        Assert.True(table.Rows.Count >= 2000, $"{fileName} is unexpectedly short.");
        Assert.True(worst[0] <= millsLimit, $"m(u) is {worst[0]:F2} units of 2^-52 off at {worstRow[0]} (allowed {millsLimit})");
        Assert.True(worst[1] <= millsLimit, $"m(v) is {worst[1]:F2} units of 2^-52 off at {worstRow[1]} (allowed {millsLimit})");
        Assert.True(worst[2] <= differenceLimit, $"D = m(u) − m(v) is {worst[2]:F2} units of 2^-52 off at {worstRow[2]} (allowed {differenceLimit})");
    }

    private static double RelativeUnits(double actual, double expected) => Math.Abs(actual - expected) / Math.Abs(expected) / Math.ScaleB(1.0, -52);
}
