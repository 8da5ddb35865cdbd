using Assay.Pricing.Engines.Fourier;
using Assay.Pricing.Instruments;
using Assay.Pricing.Models;

namespace Assay.Pricing.Tests.Heston;

/// <summary>Layer 2: laws the Heston price must obey (parity, the σ_v → 0 limit, monotonicity, convexity, bounds).</summary>
public sealed class HestonLawTests
{
    private const int Seed = 20240611;

    /// <summary>Random but reproducible model and contract inputs covering the documented grid (T 1 week–3 years).</summary>
    private static IEnumerable<HestonParameters> RandomCases(int count)
    {
        var rng = new Random(Seed);
        for (var i = 0; i < count; i++)
        {
            double U(double lo, double hi) => lo + ((hi - lo) * rng.NextDouble());
            var spot = U(50, 200);
            yield return new HestonParameters(
                rng.Next(2) == 0 ? OptionType.Call : OptionType.Put,
                Spot: spot,
                Strike: spot * U(0.5, 2.0),
                ExpiryYears: U(7.0 / 365, 3.0),
                Rate: U(-0.01, 0.08),
                DividendYield: U(0.0, 0.05),
                V0: U(0.005, 0.25),
                Kappa: U(0.2, 5.0),
                Theta: U(0.005, 0.25),
                SigmaV: U(0.05, 1.5),
                Rho: U(-0.95, 0.5));
        }
    }

    private static HestonParameters WithStrikeRatio(HestonParameters p, double ratio) => p with { Strike = p.Spot * ratio };

    [Fact]
    public void Put_call_parity_holds()
    {
        foreach (var c in RandomCases(60))
        {
            var p = c;
            var call = HestonEngine.Price(p with { Type = OptionType.Call });
            var put = HestonEngine.Price(p with { Type = OptionType.Put });
            var t = p.ExpiryYears;
            var parity = (p.Spot * Math.Exp(-p.DividendYield * t)) - (p.Strike * Math.Exp(-p.Rate * t));
            Assert.True(
                Math.Abs(call - put - parity) <= 1e-10 * p.Spot,
                $"seed {Seed}: {HestonCases.Describe(p)}: C={call:R} P={put:R} C-P={call - put:R} parity={parity:R}");
        }
    }

    [Theory]
    [InlineData(OptionType.Call, 100.0, 7.0 / 365, 0.09, 4.0, 0.01, -0.9)]
    [InlineData(OptionType.Put, 80.0, 0.5, 0.01, 0.5, 0.09, 0.7)]
    [InlineData(OptionType.Call, 150.0, 3.0, 0.04, 1.5, 0.04, -0.5)]
    [InlineData(OptionType.Put, 60.0, 1.0, 0.2, 10.0, 0.02, 0.0)]
    public void Vanishing_vol_of_vol_gives_Black_Scholes_with_the_integrated_variance(
        OptionType type, double strike, double t, double v0, double kappa, double theta, double rho)
    {
        var w = HestonCases.IntegratedVariance(v0, kappa, theta, t);
        var bs = HestonCases.BlackScholes(type, 100.0, strike, t, 0.03, 0.01, w);
        var previous = double.PositiveInfinity;
        foreach (var sigmaV in new[] { 1e-2, 1e-4, 1e-6, 1e-8 })
        {
            var p = new HestonParameters(type, 100.0, strike, t, 0.03, 0.01, v0, kappa, theta, sigmaV, rho);
            var difference = Math.Abs(HestonEngine.Price(p) - bs);
            Assert.True(
                difference <= Math.Max(previous * 0.1, 1e-12 * p.Spot),
                $"{HestonCases.Describe(p)}: |Heston - BS(w={w:R})| = {difference:E3} did not shrink from {previous:E3}");
            previous = difference;
        }

        // The price moves linearly in sigma_v near 0 (with slope of order S·T), so at sigma_v = 1e-8 it is within 1e-8·S.
        Assert.True(previous <= 1e-8 * 100.0, $"sigma_v = 1e-8: |Heston - BS| = {previous:E3}");
    }

    [Fact]
    public void Prices_are_monotone_and_convex_in_strike_and_within_no_arbitrage_bounds()
    {
        double[] ratios = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.25, 1.5, 1.75, 2.0];
        foreach (var c in RandomCases(25))
        {
            var calls = new double[ratios.Length];
            var puts = new double[ratios.Length];
            for (var i = 0; i < ratios.Length; i++)
            {
                var p = WithStrikeRatio(c, ratios[i]);
                calls[i] = HestonEngine.Price(p with { Type = OptionType.Call });
                puts[i] = HestonEngine.Price(p with { Type = OptionType.Put });
                var t = p.ExpiryYears;
                var df = Math.Exp(-p.Rate * t);
                var forwardValue = p.Spot * Math.Exp(-p.DividendYield * t);
                var slack = 1e-8 * p.Spot;
                var message = $"seed {Seed}: {HestonCases.Describe(p)}: C={calls[i]:R} P={puts[i]:R}";
                Assert.True(calls[i] >= Math.Max(forwardValue - (p.Strike * df), 0.0) - slack && calls[i] <= forwardValue + slack, message);
                Assert.True(puts[i] >= Math.Max((p.Strike * df) - forwardValue, 0.0) - slack && puts[i] <= (p.Strike * df) + slack, message);
            }

            for (var i = 1; i < ratios.Length; i++)
            {
                var message = $"seed {Seed}: {HestonCases.Describe(c)} between K/S={ratios[i - 1]} and {ratios[i]}: " +
                    $"C {calls[i - 1]:R} -> {calls[i]:R}, P {puts[i - 1]:R} -> {puts[i]:R}";
                Assert.True(calls[i] <= calls[i - 1] + (1e-9 * c.Spot), message);
                Assert.True(puts[i] >= puts[i - 1] - (1e-9 * c.Spot), message);
            }

            for (var i = 1; i < ratios.Length - 1; i++)
            {
                // Convexity: the call price lies below the chord through its neighbours.
                var k0 = ratios[i - 1];
                var k1 = ratios[i];
                var k2 = ratios[i + 1];
                var chord = calls[i - 1] + ((calls[i + 1] - calls[i - 1]) * (k1 - k0) / (k2 - k0));
                Assert.True(
                    calls[i] <= chord + (1e-9 * c.Spot),
                    $"seed {Seed}: {HestonCases.Describe(c)}: call not convex at K/S={k1}: {calls[i]:R} > chord {chord:R}");
            }
        }
    }

    [Fact]
    public void Same_inputs_give_the_same_bits()
    {
        foreach (var c in RandomCases(10))
        {
            var p = WithStrikeRatio(c, 1.1);
            var a = HestonEngine.Evaluate(p);
            var b = HestonEngine.Evaluate(p);
            Assert.True(
                BitConverter.DoubleToInt64Bits(a.Price) == BitConverter.DoubleToInt64Bits(b.Price) && a.Evaluations == b.Evaluations,
                $"seed {Seed}: {HestonCases.Describe(p)}: {a} vs {b}");
        }
    }

    [Fact]
    public void Zero_variance_forever_gives_the_discounted_intrinsic_value()
    {
        var p = new HestonParameters(OptionType.Call, 100, 90, 1.0, 0.05, 0.0, 0.0, 2.0, 0.0, 0.5, -0.5);
        var expected = (100 * Math.Exp(0.05)) - 90;
        Assert.Equal(expected * Math.Exp(-0.05), HestonEngine.Price(p), 1e-12);
    }
}
