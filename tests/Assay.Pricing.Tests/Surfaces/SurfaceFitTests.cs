using Assay.Pricing.Surfaces;

namespace Assay.Pricing.Tests.Surfaces;

/// <summary>Raw SVI and SSVI fits: recovery of known parameters, noise, determinism, the no-arbitrage re-fit.</summary>
public sealed class SurfaceFitTests
{
    /// <summary>Slices inside the fit's domain (a + bσ(1 − |ρ|)·… ≥ 0 cut, Lee's bound), one with a negative a.</summary>
    public static TheoryData<double, double, double, double, double, double> KnownSlices => new()
    {
        { 0.25, 0.004, 0.06, -0.55, 0.02, 0.08 },
        { 1.0, 0.02, 0.15, -0.7, 0.05, 0.2 },
        { 2.0, 0.05, 0.2, -0.3, -0.1, 0.4 },
        { 0.5, -0.01, 0.12, 0.2, 0.1, 0.25 },
        { 0.1, 0.001, 0.03, -0.9, 0.0, 0.05 },
    };

    [Theory]
    [MemberData(nameof(KnownSlices))]
    public void Exact_quotes_give_back_the_parameters(double t, double a, double b, double rho, double m, double sigma)
    {
        var truth = new SviParameters(a, b, rho, m, sigma);
        var quotes = Quotes(t, 100.0, truth, 21, halfWidth: 0.1 + (0.4 * Math.Sqrt(t)), noise: 0.0, seed: 0);
        var fit = SurfaceFitter.FitSlice(quotes);
        var message = $"T {t}, truth {truth}, fit {fit.Parameters}, rmse {fit.RmseVolPoints} vol pts, iterations {fit.Iterations}";

        Assert.True(fit.RmseVolPoints < 1e-6, message);
        Assert.True(fit.MaxAbsErrorVolPoints < 1e-5, message);
        Assert.Equal(a, fit.Parameters.A, 6);
        Assert.Equal(b, fit.Parameters.B, 6);
        Assert.Equal(rho, fit.Parameters.Rho, 5);
        Assert.Equal(m, fit.Parameters.M, 5);
        Assert.Equal(sigma, fit.Parameters.Sigma, 5);
        Assert.Equal(21, fit.QuoteCount);
        Assert.True(fit.Iterations > 0, message);
    }

    [Fact]
    public void Noisy_quotes_fit_to_the_noise_level()
    {
        const int Seed = 4242;
        var truth = new SviParameters(0.02, 0.15, -0.7, 0.05, 0.2);
        var quotes = Quotes(1.0, 100.0, truth, 25, halfWidth: 0.5, noise: 0.002, seed: Seed);
        var fit = SurfaceFitter.FitSlice(quotes);
        var message = $"seed {Seed}: fit {fit.Parameters}, rmse {fit.RmseVolPoints} vol pts, max {fit.MaxAbsErrorVolPoints}";

        // Noise sd 0.2 vol points: a five-parameter fit of 25 points leaves about sd·√(20/25) ≈ 0.18.
        Assert.InRange(fit.RmseVolPoints, 0.1, 0.25);
        Assert.True(fit.MaxAbsErrorVolPoints < 0.7, message);

        // The fitted smile stays within half a vol point of the truth across the quoted range.
        for (var k = -0.5; k <= 0.5; k += 0.05)
        {
            var error = Math.Abs(Math.Sqrt(fit.Parameters.TotalVariance(k)) - Math.Sqrt(truth.TotalVariance(k)));
            Assert.True(error < 0.005, $"{message}; k {k}: vol error {error}");
        }
    }

    [Fact]
    public void Fits_are_bit_for_bit_reproducible_and_a_slice_fit_equals_its_place_in_the_surface()
    {
        var quotes = SampleSurface(seed: 99);
        foreach (var model in new[] { SurfaceModel.Svi, SurfaceModel.Ssvi })
        {
            var options = new SurfaceFitOptions { Model = model, EnforceNoArbitrage = true };
            var first = SurfaceFitter.Fit(quotes, options);
            var second = SurfaceFitter.Fit(quotes.Reverse().ToArray(), options);
            Assert.Equal(first.Slices.Count, second.Slices.Count);
            for (var i = 0; i < first.Slices.Count; i++)
            {
                Assert.Equal(first.Slices[i], second.Slices[i]);
                var p = first.Slices[i].Parameters;
                var q = second.Slices[i].Parameters;
                Assert.Equal(BitConverter.DoubleToInt64Bits(p.A), BitConverter.DoubleToInt64Bits(q.A));
                Assert.Equal(BitConverter.DoubleToInt64Bits(p.Sigma), BitConverter.DoubleToInt64Bits(q.Sigma));
            }
        }

        var svi = SurfaceFitter.Fit(quotes);
        var slice = quotes.Where(q => q.ExpiryYears == 1.0).ToArray();
        Assert.Equal(svi.Slices.Single(s => s.ExpiryYears == 1.0), SurfaceFitter.FitSlice(slice));
    }

    [Fact]
    public void Ssvi_fit_recovers_an_ssvi_surface_and_meets_its_conditions()
    {
        var truth = new SsviParameters(-0.65, 1.2, 0.45);
        var expiries = new[] { 0.1, 0.25, 0.5, 1.0, 2.0 };
        var quotes = new List<VolQuote>();
        foreach (var t in expiries)
        {
            var theta = t * 0.04 * (1.0 + (0.2 * t));
            quotes.AddRange(Quotes(t, 100.0, truth.ToSvi(theta), 15, halfWidth: 0.1 + (0.3 * Math.Sqrt(t)), noise: 0.0, seed: 0));
        }

        var fit = SurfaceFitter.Fit(quotes.ToArray(), new SurfaceFitOptions { Model = SurfaceModel.Ssvi });
        var ssvi = Assert.NotNull(fit.Surface.Ssvi);
        var message = $"fit {ssvi}, thetas {string.Join(" ", fit.Surface.Thetas)}";
        ssvi.Validate();
        Assert.Equal(truth.Rho, ssvi.Rho, 4);
        Assert.Equal(truth.Eta, ssvi.Eta, 3);
        Assert.Equal(truth.Gamma, ssvi.Gamma, 3);
        for (var i = 0; i < expiries.Length; i++)
        {
            var t = expiries[i];
            Assert.True(Math.Abs(fit.Surface.Thetas[i] - (t * 0.04 * (1.0 + (0.2 * t)))) < 1e-6 * t, message);
            Assert.True(fit.Slices[i].RmseVolPoints < 1e-3, $"{message}; slice {i} rmse {fit.Slices[i].RmseVolPoints}");
        }

        Assert.Empty(fit.Violations);
    }

    [Fact]
    public void Sample_like_surface_fits_cleanly_with_both_models()
    {
        var quotes = SampleSurface(seed: 7);
        foreach (var model in new[] { SurfaceModel.Svi, SurfaceModel.Ssvi })
        {
            var fit = SurfaceFitter.Fit(quotes, new SurfaceFitOptions { Model = model, EnforceNoArbitrage = true });
            Assert.Equal(5, fit.Slices.Count);
            Assert.Empty(fit.Violations);
            Assert.All(fit.Slices, s => Assert.True(s.RmseVolPoints < 0.3, $"seed 7, {model}: T {s.ExpiryYears} rmse {s.RmseVolPoints}"));
        }
    }

    [Fact]
    public void No_arbitrage_refit_removes_the_Vogt_butterfly()
    {
        // Quotes read off Gatheral and Jacquier's Example 3.1 slice (butterfly arbitrage for k ≈ 0.65 … 1.25).
        var quotes = Quotes(1.0, 1.0, ArbitrageCheckTests.Vogt, 31, halfWidth: 1.5, noise: 0.0, seed: 0);
        var loose = SurfaceFitter.Fit(quotes);
        var strict = SurfaceFitter.Fit(quotes, new SurfaceFitOptions { EnforceNoArbitrage = true });
        var message = $"loose {loose.Slices[0].Parameters} rmse {loose.Slices[0].RmseVolPoints}; strict {strict.Slices[0].Parameters} rmse {strict.Slices[0].RmseVolPoints}";

        Assert.NotEmpty(loose.Violations);
        Assert.All(loose.Violations, v => Assert.Equal(ArbitrageKind.Butterfly, v.Kind));
        Assert.Empty(strict.Violations);
        Assert.True(ArbitrageCheck.MinButterflyDensity(strict.Slices[0].Parameters, ArbitrageGrid.Default) >= 0, message);

        // Removing the arbitrage costs fit quality, but not much: the quotes are nearly arbitrage-free.
        Assert.True(strict.Slices[0].RmseVolPoints < 1.0, message);
    }

    [Fact]
    public void No_arbitrage_refit_removes_a_calendar_violation()
    {
        // The later slice's quotes come from flatter wings than the earlier one's (the constructed violation of ArbitrageCheckTests).
        var early = new SviParameters(0.02, 0.2, -0.5, 0.0, 0.2);
        var late = new SviParameters(0.045, 0.1, -0.5, 0.0, 0.2);
        var quotes = Quotes(0.5, 100, early, 21, 1.2, 0.0, 0).Concat(Quotes(1.0, 100, late, 21, 1.2, 0.0, 0)).ToArray();

        var loose = SurfaceFitter.Fit(quotes);
        Assert.Contains(loose.Violations, v => v.Kind == ArbitrageKind.Calendar && v.SliceIndex == 1);

        var strict = SurfaceFitter.Fit(quotes, new SurfaceFitOptions { EnforceNoArbitrage = true });
        Assert.Empty(strict.Violations);
        Assert.Equal(loose.Slices[0], strict.Slices[0]);
        Assert.True(strict.Slices[1].Iterations > loose.Slices[1].Iterations);
    }

    /// <summary>Quotes of one SVI slice at evenly spaced k, with Gaussian vol noise of sd <paramref name="noise"/> from a fixed seed.</summary>
    internal static VolQuote[] Quotes(double t, double forward, SviParameters p, int count, double halfWidth, double noise, int seed)
    {
        var random = new Random(seed);
        var quotes = new VolQuote[count];
        for (var i = 0; i < count; i++)
        {
            var k = -halfWidth + (2.0 * halfWidth * i / (count - 1));
            var vol = Math.Sqrt(p.TotalVariance(k) / t);
            if (noise > 0)
            {
                // Box–Muller from two uniforms.
                var u1 = 1.0 - random.NextDouble();
                var u2 = random.NextDouble();
                vol += noise * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            }

            quotes[i] = new VolQuote(t, forward * Math.Exp(k), forward, vol, 1.0);
        }

        return quotes;
    }

    /// <summary>Five expiries of an SSVI surface with 0.15 vol-point noise and bid/ask weights (like samples/surface).</summary>
    internal static VolQuote[] SampleSurface(int seed)
    {
        var truth = new SsviParameters(-0.65, 1.2, 0.45);
        var random = new Random(seed);
        var quotes = new List<VolQuote>();
        foreach (var t in new[] { 1.0 / 12.0, 0.25, 1.0, 0.5, 2.0 })
        {
            var atm = 0.17 + (0.05 * Math.Exp(-2.0 * t));
            var slice = truth.ToSvi(t * atm * atm);
            var forward = 100.0 * Math.Exp(0.02 * t);
            foreach (var q in Quotes(t, forward, slice, 15, 0.05 + (0.3 * Math.Sqrt(t)), 0.0015, random.Next()))
            {
                var spread = 0.006 + (0.02 * Math.Abs(Math.Log(q.Strike / forward)));
                quotes.Add(VolQuote.FromBidAsk(t, q.Strike, forward, q.ImpliedVol - (spread / 2), q.ImpliedVol + (spread / 2)));
            }
        }

        return [.. quotes];
    }
}
