using System.Globalization;
using Assay.Pricing.Engines.Fourier;
using Assay.Pricing.Instruments;
using Assay.Pricing.Models;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Heston Monte Carlo (QE and full-truncation Euler) against the semi-analytic <see cref="HestonEngine"/>.</summary>
public class HestonMonteCarloTests
{
    // Feller 2κθ ≥ σ_v² fails in rows 0, 2, 3 and 5; ρ = −0.9 in rows 1, 2 and 5; ρ > 0 in row 4.
    private static readonly HestonParameters[] Grid =
    [
        new(OptionType.Call, 100, 100, 1.0, 0.03, 0.01, 0.04, 1.5, 0.04, 0.5, -0.7),
        new(OptionType.Put, 100, 110, 1.0, 0.02, 0.00, 0.09, 2.0, 0.09, 0.3, -0.9),
        new(OptionType.Call, 100, 90, 0.5, 0.01, 0.02, 0.0625, 3.0, 0.04, 0.8, -0.9),
        new(OptionType.Call, 100, 100, 5.0, 0.00, 0.00, 0.09, 1.0, 0.09, 1.0, -0.3), // Andersen (2008) test case III
        new(OptionType.Put, 50, 45, 2.0, 0.04, 0.01, 0.02, 0.8, 0.06, 0.4, 0.5),
        new(OptionType.Call, 100, 120, 1.0, 0.05, 0.00, 0.04, 0.5, 0.04, 1.0, -0.9), // Andersen (2008) case I parameters, T = 1
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Qe_European_price_and_delta_agree_with_the_Fourier_engine_within_four_standard_errors(int row)
    {
        var p = Grid[row];
        var (type, s, k, t, r, q, v0, kappa, theta, sigmaV, rho) = (p.Type, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.V0, p.Kappa, p.Theta, p.SigmaV, p.Rho);
        const ulong seed = 20260514;
        var model = new HestonModel(s, t, r, q, v0, kappa, theta, sigmaV, rho);
        var mc = MonteCarloEngine.Run(Spec(model, type, k, paths: 65_536, steps: 64, seed));
        var exact = HestonEngine.Price(p);
        var h = 1e-3 * s;
        var delta = (HestonEngine.Price(p with { Spot = s + h }) - HestonEngine.Price(p with { Spot = s - h })) / (2 * h);
        var context = Describe(seed, model, type, k, 64) + $": MC {mc.Price:R} ± {mc.StandardError:R}, Fourier {exact:R}";
        Assert.True(Math.Abs(mc.Price - exact) <= 4 * mc.StandardError, "price " + context);
        Assert.True(Math.Abs(mc.Delta - delta) <= 4 * mc.DeltaStandardError, $"delta {mc.Delta:R} ± {mc.DeltaStandardError:R} vs {delta:R}; " + context);
        Assert.Equal(0.0, mc.Vega);
        Assert.True(mc.StandardError < 0.01 * exact + 0.01, "standard error too large: " + context);
    }

    [Theory]
    [InlineData(OptionType.Call, 100.0, 0.5, -0.9)]
    [InlineData(OptionType.Put, 90.0, 0.9, -0.5)]
    public void Qe_with_antithetic_variates_stays_unbiased(OptionType type, double k, double sigmaV, double rho)
    {
        const ulong seed = 515;
        var model = new HestonModel(100, 2.0, 0.02, 0.0, 0.04, 1.0, 0.05, sigmaV, rho);
        var mc = MonteCarloEngine.Run(Spec(model, type, k, paths: 65_536, steps: 32, seed, antithetic: true));
        var exact = HestonEngine.Price(new HestonParameters(type, 100, k, 2.0, 0.02, 0.0, 0.04, 1.0, 0.05, sigmaV, rho));
        Assert.Equal(32_768, mc.Samples);
        Assert.True(Math.Abs(mc.Price - exact) <= 4 * mc.StandardError, Describe(seed, model, type, k, 32) + $" antithetic: MC {mc.Price:R} ± {mc.StandardError:R}, Fourier {exact:R}");
    }

    [Fact]
    public void The_shadow_GBM_control_variate_cuts_the_standard_error_at_least_twofold()
    {
        const ulong seed = 8080;
        foreach (var (model, type, k) in new[]
        {
            (new HestonModel(100, 1.0, 0.03, 0.0, 0.04, 2.0, 0.04, 0.3, -0.7), OptionType.Call, 100.0),
            (new HestonModel(100, 1.0, 0.03, 0.0, 0.09, 1.5, 0.06, 0.5, -0.9), OptionType.Put, 95.0),
        })
        {
            var mc = MonteCarloEngine.Run(Spec(model, type, k, paths: 32_768, steps: 32, seed));
            var context = Describe(seed, model, type, k, 32) + $": controlled SE {mc.StandardError:R}, plain SE {mc.UncontrolledStandardError:R}";
            Assert.True(mc.StandardError * 2 <= mc.UncontrolledStandardError, context);
        }
    }

    [Theory]
    [InlineData(HestonScheme.QuadraticExponential, 8)]
    [InlineData(HestonScheme.FullTruncationEuler, 8)]
    [InlineData(HestonScheme.QuadraticExponential, 1)]
    public void The_discounted_forward_is_a_martingale_even_on_coarse_steps(HestonScheme scheme, int steps)
    {
        // A call struck at 1e-8·S is S_T − K on every path, so its plain mean estimates e^(−rT)E[S_T] − e^(−rT)K. The
        // parameters keep E[S_T²] finite for every ρ used (κ − 2ρσ_v > 0; Andersen and Piterbarg 2007), so the standard
        // error means something; 2κθ = 0.16 < σ_v² = 0.36 violates Feller, and Δ = 0.625 (or 5) is coarse.
        const ulong seed = 31337;
        foreach (var rho in new[] { -0.9, 0.0, 0.9 })
        {
            var model = new HestonModel(100, 5.0, 0.03, 0.01, 0.09, 2.0, 0.04, 0.6, rho, scheme);
            const double k = 1e-6;
            var mc = MonteCarloEngine.Run(Spec(model, OptionType.Call, k, paths: 65_536, steps: steps, seed));
            var expected = (100 * Math.Exp(-0.01 * 5.0)) - (k * Math.Exp(-0.03 * 5.0));
            Assert.True(
                Math.Abs(mc.UncontrolledPrice - expected) <= 4 * mc.UncontrolledStandardError,
                Describe(seed, model, OptionType.Call, k, steps) + $": e^(-rT)E[S_T - K] {mc.UncontrolledPrice:R} ± {mc.UncontrolledStandardError:R} vs {expected:R}");
        }
    }

    [Fact]
    public void Full_truncation_Euler_is_biased_on_coarse_steps_and_converges_to_the_Fourier_price()
    {
        // Feller-violating (2κθ = 0.12 < σ_v² = 0.25) with ρ = −0.9: Euler's truncation bias is many standard errors on
        // 4 steps and gone on 128, while QE is already unbiased on 8.
        const ulong seed = 4242;
        var model = new HestonModel(100, 1.0, 0.0, 0.0, 0.04, 1.5, 0.04, 0.5, -0.9, HestonScheme.FullTruncationEuler);
        var exact = HestonEngine.Price(new HestonParameters(OptionType.Call, 100, 100, 1.0, 0.0, 0.0, 0.04, 1.5, 0.04, 0.5, -0.9));
        var coarse = MonteCarloEngine.Run(Spec(model, OptionType.Call, 100, paths: 65_536, steps: 4, seed));
        var fine = MonteCarloEngine.Run(Spec(model, OptionType.Call, 100, paths: 65_536, steps: 128, seed));
        var qe = MonteCarloEngine.Run(Spec(model with { Scheme = HestonScheme.QuadraticExponential }, OptionType.Call, 100, paths: 65_536, steps: 8, seed));
        var context = Describe(seed, model, OptionType.Call, 100, 0) +
            $": Fourier {exact:R}; Euler 4 steps {coarse.Price:R} ± {coarse.StandardError:R}, 128 steps {fine.Price:R} ± {fine.StandardError:R}; QE 8 steps {qe.Price:R} ± {qe.StandardError:R}";
        Assert.True(coarse.Price - exact > 6 * coarse.StandardError, "coarse Euler shows no upward bias: " + context);
        Assert.True(Math.Abs(fine.Price - exact) <= 4 * fine.StandardError, "fine Euler: " + context);
        Assert.True(Math.Abs(qe.Price - exact) <= 4 * qe.StandardError, "QE on 8 steps: " + context);
    }

    [Fact]
    public void Euler_and_QE_agree_on_a_fine_grid()
    {
        const ulong seed = 777;
        var qe = new HestonModel(100, 1.0, 0.02, 0.01, 0.05, 2.0, 0.05, 0.6, -0.6);
        var a = MonteCarloEngine.Run(Spec(qe, OptionType.Put, 100, paths: 32_768, steps: 100, seed));
        var b = MonteCarloEngine.Run(Spec(qe with { Scheme = HestonScheme.FullTruncationEuler }, OptionType.Put, 100, paths: 32_768, steps: 100, seed + 1));
        var se = Math.Sqrt((a.StandardError * a.StandardError) + (b.StandardError * b.StandardError));
        Assert.True(Math.Abs(a.Price - b.Price) <= 4 * se, Describe(seed, qe, OptionType.Put, 100, 100) + $": QE {a.Price:R} ± {a.StandardError:R}, Euler (seed {seed + 1}) {b.Price:R} ± {b.StandardError:R}");
    }

    [Theory]
    [InlineData(OptionType.Call, 100.0)]
    [InlineData(OptionType.Put, 95.0)]
    public void Digital_is_priced_on_Heston_paths_with_Greeks_and_control_not_estimated(OptionType type, double k)
    {
        const ulong seed = 1234;
        var model = new HestonModel(100, 1.0, 0.03, 0.0, 0.04, 1.5, 0.05, 0.6, -0.8);
        var mc = MonteCarloEngine.Run(new MonteCarloSpec(model, new PayoffSpec(PayoffKind.Digital, type, k), new MonteCarloSettings(65_536, 32, seed)));

        // A cash digital is −∂C/∂K for a call (and ∂P/∂K for a put), taken from the Fourier engine by a central difference.
        var p = new HestonParameters(type, 100, k, 1.0, 0.03, 0.0, 0.04, 1.5, 0.05, 0.6, -0.8);
        var h = 1e-3 * k;
        var sign = type == OptionType.Call ? -1.0 : 1.0;
        var exact = sign * (HestonEngine.Price(p with { Strike = k + h }) - HestonEngine.Price(p with { Strike = k - h })) / (2 * h);
        var context = Describe(seed, model, type, k, 32) + $": digital MC {mc.Price:R} ± {mc.StandardError:R}, Fourier {exact:R}";
        Assert.True(Math.Abs(mc.Price - exact) <= 4 * mc.StandardError, context);
        Assert.Equal(mc.UncontrolledPrice, mc.Price);
        Assert.Equal(0.0, mc.Delta);
        Assert.Equal(0.0, mc.Vega);
        Assert.Equal(0.0, mc.DeltaStandardError);
    }

    [Theory]
    [InlineData(HestonScheme.QuadraticExponential)]
    [InlineData(HestonScheme.FullTruncationEuler)]
    public void Zero_variance_gives_the_discounted_forward_intrinsic_value(HestonScheme scheme)
    {
        var model = new HestonModel(100, 2.0, 0.05, 0.01, 0.0, 1.0, 0.0, 0.5, -0.5, scheme);
        var mc = MonteCarloEngine.Run(Spec(model, OptionType.Call, 90, paths: 1000, steps: 7, 5));
        var expected = Math.Exp(-0.1) * ((100 * Math.Exp(0.08)) - 90);
        Assert.True(Math.Abs(mc.Price - expected) <= 1e-9 * expected, $"{scheme}: {mc.Price:R} vs {expected:R}");
        Assert.True(mc.StandardError <= 1e-6, $"{scheme}: standard error {mc.StandardError:R}");
    }

    [Theory]
    [InlineData(HestonScheme.QuadraticExponential, 1.0)]
    [InlineData(HestonScheme.QuadraticExponential, -1.0)]
    [InlineData(HestonScheme.FullTruncationEuler, 1.0)]
    public void Extreme_parameters_give_finite_samples(HestonScheme scheme, double rho)
    {
        // Long steps, fast mean reversion, huge vol of vol and |ρ| = 1: the martingale correction may not exist (QE
        // falls back to the uncorrected step) and the variance hits zero often; nothing may turn into NaN.
        const ulong seed = 99;
        var model = new HestonModel(100, 50.0, 0.0, 0.0, 4.0, 100.0, 4.0, 5.0, rho, scheme);
        var mc = MonteCarloEngine.Run(Spec(model, OptionType.Put, 100, paths: 4096, steps: 2, seed));
        Assert.True(double.IsFinite(mc.Price) && double.IsFinite(mc.StandardError) && double.IsFinite(mc.Delta), $"seed {seed}, {scheme}, rho {rho}: {mc}");
        Assert.InRange(mc.UncontrolledPrice, 0.0, 100.0);
    }

    [Fact]
    public void Bump_vega_agrees_with_the_Fourier_engine_within_four_standard_errors()
    {
        const ulong seed = 606;
        const double bump = 0.01;
        var model = new HestonModel(100, 1.0, 0.02, 0.0, 0.04, 2.0, 0.05, 0.5, -0.7);
        var spec = Spec(model, OptionType.Call, 105, paths: 65_536, steps: 32, seed);
        var vega = HestonModel.BumpVega(spec, bump);
        var p = new HestonParameters(OptionType.Call, 100, 105, 1.0, 0.02, 0.0, 0.04, 2.0, 0.05, 0.5, -0.7);
        var exact = (HestonEngine.Price(p with { V0 = vega.VolatilityUp * vega.VolatilityUp })
            - HestonEngine.Price(p with { V0 = vega.VolatilityDown * vega.VolatilityDown })) / (vega.VolatilityUp - vega.VolatilityDown);
        var context = Describe(seed, model, OptionType.Call, 105, 32) + $": vega {vega.Vega:R} ± {vega.StandardError:R} vs Fourier difference {exact:R}";
        Assert.Equal(16, vega.Batches);
        Assert.True(Math.Abs(vega.Vega - exact) <= 4 * vega.StandardError, context);
        Assert.True(vega.StandardError < 0.05 * exact, "standard error too large for common random numbers: " + context);
    }

    internal static MonteCarloSpec Spec(
        HestonModel model, OptionType type, double k, long paths, int steps, ulong seed, bool antithetic = false, int threads = -1,
        Assay.Pricing.Batch.BatchVectorWidth width = Assay.Pricing.Batch.BatchVectorWidth.Auto) =>
        new(model, new PayoffSpec(PayoffKind.European, type, k), new MonteCarloSettings(paths, steps, seed, antithetic, threads, width));

    internal static string Describe(ulong seed, HestonModel m, OptionType type, double k, int steps) => string.Create(
        CultureInfo.InvariantCulture,
        $"seed {seed}, {m.Scheme} {steps} steps, {type} S={m.Spot} K={k} T={m.ExpiryYears} r={m.Rate} q={m.DividendYield} v0={m.V0} kappa={m.Kappa} theta={m.Theta} sigma_v={m.SigmaV} rho={m.Rho}");
}
