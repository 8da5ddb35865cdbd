using Assay.Numerics;
using Assay.Pricing.Batch;
using Assay.Pricing.Engines.Analytic;
using Xunit.Abstractions;

namespace Assay.Pricing.Tests.BlackScholes;

/// <summary>
/// The two approximations the Black–Scholes kernel evaluates inline instead of calling Numerics: the rational erfcx
/// of the series anchor and the polynomial behind e^(−y) − 1. Each is compared with the Numerics kernel it replaces
/// (itself within 1 ulp of mpmath, tests/data/numerics) over the range the kernel uses it on.
/// </summary>
public sealed class BlackScholesKernelApproximationTests(ITestOutputHelper output)
{
    [Fact]
    public void Rational_erfcx_is_within_six_ulp_on_the_series_anchor_range()
    {
        // The series lanes take erfcx at −h'/√2 with h' > −4.42, i.e. below 3.13 (fit range [0, 3.14)).
        const int Seed = 20261122;
        output.WriteLine($"seed {Seed}");
        var rng = new Random(Seed);
        var worst = 0.0;
        var worstAt = 0.0;
        for (var i = 0; i < 200_000; i++)
        {
            var y = i < 4 ? new[] { 0.0, 1e-300, 3.13, 3.1399999 }[i] : 3.14 * Math.Pow(rng.NextDouble(), i % 2 == 0 ? 1 : 3);
            var expected = ErrorFunction.Erfcx(y);
            var actual = BlackScholesKernel.ErfcxRational<ScalarLane, bool>(new ScalarLane(y)).Value;
            var ulps = Math.Abs(actual - expected) / (Math.BitIncrement(expected) - expected);
            if (ulps > worst)
            {
                (worst, worstAt) = (ulps, y);
            }
        }

        output.WriteLine($"max |rational − table erfcx| = {worst:F2} ulp at y = {worstAt:R}");
        Assert.True(worst <= 6.0, $"seed {Seed}: rational erfcx is {worst:F2} ulp from ErrorFunction.Erfcx at y = {worstAt:R} (allowed 6)");
    }

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
}
