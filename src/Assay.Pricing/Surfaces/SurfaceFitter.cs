using System.Globalization;
using Assay.Numerics;
using Assay.Pricing.Surfaces.Calibration;

namespace Assay.Pricing.Surfaces;

/// <summary>Fits an implied-volatility surface (raw SVI per slice, or SSVI) to quotes, deterministically.</summary>
/// <remarks>
/// <para>
/// Quotes are grouped by expiry (exact equality of <see cref="VolQuote.ExpiryYears"/>); each group is a slice with one
/// forward, at least <see cref="SviLimits.MinQuotesPerSlice"/> quotes and as many distinct strikes. Targets are total
/// variances vᵢ = T·σᵢ² at kᵢ = ln(Kᵢ/F); the fit minimises Σwᵢ(w(kᵢ) − vᵢ)².
/// </para>
/// <para>
/// Raw SVI: the quasi-explicit method of Zeliade Systems (2009) — an exact constrained linear least squares in
/// (a, d, c) inside a Nelder–Mead search over (m, σ) from fixed starts (see <c>docs/vol-surfaces.md</c>). With
/// <see cref="SurfaceFitOptions.EnforceNoArbitrage"/>, a slice showing butterfly arbitrage, or calendar arbitrage
/// against the previous (already final) slice, is re-fitted in all five parameters with growing penalties.
/// SSVI: see Gatheral and Jacquier (2014) §4; the power-law conditions make every fitted surface arbitrage-free.
/// </para>
/// <para>
/// Every loop has a fixed bound and every operation order is fixed: the same quotes give the same bits on every
/// machine. Only IEEE arithmetic, <c>Math.Sqrt</c> and <see cref="DMath"/> are used.
/// </para>
/// </remarks>
public static class SurfaceFitter
{
    /// <summary>Fits a surface to <paramref name="quotes"/>.</summary>
    /// <param name="quotes">The quotes, any order; several expiries.</param>
    /// <param name="options">Model, arbitrage handling and grid; <see cref="SurfaceFitOptions.Default"/> when null.</param>
    /// <returns>The surface, the per-slice fits and the violations left on the grid.</returns>
    /// <exception cref="PricingInputException">
    /// A quote is invalid (message starts "quote i:", field expiry, strike, forward, iv or weight), or a slice cannot be
    /// fitted (too few quotes or strikes, two forwards for one expiry).
    /// </exception>
    public static SurfaceFitResult Fit(ReadOnlySpan<VolQuote> quotes, SurfaceFitOptions? options = null)
    {
        options ??= SurfaceFitOptions.Default;
        options.Grid.Validate();
        var slices = Group(quotes);
        var fits = new SviParameters[slices.Length];
        var iterations = new int[slices.Length];
        SviParameters? previous = null;
        for (var i = 0; i < slices.Length; i++)
        {
            (fits[i], iterations[i]) = FitSvi(slices[i], previous, options.EnforceNoArbitrage && options.Model == SurfaceModel.Svi, options.Grid);
            previous = fits[i];
        }

        if (options.Model == SurfaceModel.Ssvi)
        {
            var initialThetas = new double[slices.Length];
            for (var i = 0; i < slices.Length; i++)
            {
                initialThetas[i] = Math.Max(fits[i].TotalVariance(0.0), MinTheta);
            }

            var (ssvi, thetas, used) = SsviFitter.Fit(slices, initialThetas);
            var surface = VolSurface.FromSsvi(ssvi, slices.Select((s, i) => new SsviSlice(s.ExpiryYears, s.Forward, thetas[i])));
            var total = used + iterations.Sum();
            return Finish(SurfaceModel.Ssvi, surface, slices, _ => total, options.Grid);
        }

        var svi = VolSurface.FromSvi(slices.Select((s, i) => new SurfaceSlice(s.ExpiryYears, s.Forward, fits[i])));
        return Finish(SurfaceModel.Svi, svi, slices, i => iterations[i], options.Grid);
    }

    /// <summary>Fits one raw SVI slice (the leaf of a surface fit).</summary>
    /// <param name="quotes">The quotes of one expiry.</param>
    /// <param name="previous">The earlier slice, for the calendar penalty of the no-arbitrage re-fit; null for the first.</param>
    /// <param name="options">Arbitrage handling and grid (the model is ignored: always raw SVI); the default when null.</param>
    /// <returns>The slice's parameters and fit statistics, bit-identical to the same slice inside <see cref="Fit"/> given the same previous slice.</returns>
    /// <exception cref="PricingInputException">A quote is invalid, or the quotes span more than one expiry or are too few.</exception>
    public static SliceFit FitSlice(ReadOnlySpan<VolQuote> quotes, SviParameters? previous = null, SurfaceFitOptions? options = null)
    {
        options ??= SurfaceFitOptions.Default;
        options.Grid.Validate();
        var slices = Group(quotes);
        if (slices.Length != 1)
        {
            InputGuard.Fail("expiry", string.Create(CultureInfo.InvariantCulture, $"a slice fit takes the quotes of one expiry (got {slices.Length} expiries)"));
        }

        var (p, iterations) = FitSvi(slices[0], previous, options.EnforceNoArbitrage, options.Grid);
        return Statistics(slices[0], p, iterations);
    }

    /// <summary>A floor for θ, so that a degenerate slice with w(0) = 0 still gives a valid SSVI start.</summary>
    private const double MinTheta = 1e-10;

    private static (SviParameters Parameters, int Iterations) FitSvi(SliceData data, SviParameters? previous, bool enforceNoArbitrage, ArbitrageGrid grid)
    {
        var (p, iterations) = SviSliceFitter.Fit(data);
        if (enforceNoArbitrage && SviPenaltyObjective.Violated(p, previous, grid))
        {
            var (refit, more) = SviSliceFitter.RefitWithoutArbitrage(data, p, previous, grid);
            return (refit, iterations + more);
        }

        return (p, iterations);
    }

    private static SurfaceFitResult Finish(SurfaceModel model, VolSurface surface, SliceData[] slices, Func<int, int> iterations, ArbitrageGrid grid)
    {
        var fits = new SliceFit[slices.Length];
        for (var i = 0; i < slices.Length; i++)
        {
            fits[i] = Statistics(slices[i], surface.Slices[i].Parameters, iterations(i));
        }

        return new SurfaceFitResult(model, surface, fits, ArbitrageCheck.Find(surface, grid));
    }

    private static SliceFit Statistics(SliceData data, in SviParameters p, int iterations)
    {
        var sumSquares = 0.0;
        var maxAbs = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            var model = Math.Sqrt(Math.Max(p.TotalVariance(data.LogMoneyness[i]), 0.0) / data.ExpiryYears);
            var error = 100.0 * (model - data.ImpliedVols[i]);
            sumSquares += error * error;
            maxAbs = Math.Max(maxAbs, Math.Abs(error));
        }

        return new SliceFit(
            data.ExpiryYears, data.Forward, p, p.TotalVariance(0.0), data.Count, Math.Sqrt(sumSquares / data.Count), maxAbs, iterations);
    }

    /// <summary>Validates the quotes and groups them by expiry, in increasing expiry and strike.</summary>
    private static SliceData[] Group(ReadOnlySpan<VolQuote> quotes)
    {
        if (quotes.Length > SviLimits.MaxQuotes)
        {
            InputGuard.Fail("iv", string.Create(CultureInfo.InvariantCulture, $"a fit takes at most {SviLimits.MaxQuotes} quotes (got {quotes.Length})"));
        }

        for (var i = 0; i < quotes.Length; i++)
        {
            try
            {
                quotes[i].Validate();
            }
            catch (PricingInputException ex)
            {
                throw new PricingInputException(ex.Field, string.Create(CultureInfo.InvariantCulture, $"quote {i}: {ex.Message}"));
            }
        }

        var copy = quotes.ToArray();
        // A canonical order (expiry, strike, vol, weight; then input position) makes the fit independent of the
        // order of the input: every sum over a slice runs in the same order whatever order the quotes came in.
        var order = Enumerable.Range(0, copy.Length)
            .OrderBy(i => copy[i].ExpiryYears)
            .ThenBy(i => copy[i].Strike)
            .ThenBy(i => copy[i].ImpliedVol)
            .ThenBy(i => copy[i].Weight)
            .ToArray();
        var slices = new List<SliceData>();
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            var expiry = copy[order[start]].ExpiryYears;
            while (end < order.Length && copy[order[end]].ExpiryYears == expiry)
            {
                end++;
            }

            slices.Add(BuildSlice(copy, order.AsSpan(start, end - start)));
            start = end;
        }

        if (slices.Count == 0)
        {
            InputGuard.Fail("iv", "no quotes: a fit needs at least one expiry with at least 5 quotes");
        }

        if (slices.Count > SviLimits.MaxSlices)
        {
            InputGuard.Fail("expiry", string.Create(CultureInfo.InvariantCulture, $"a fit takes at most {SviLimits.MaxSlices} expiries (got {slices.Count})"));
        }

        return [.. slices];
    }

    private static SliceData BuildSlice(VolQuote[] quotes, ReadOnlySpan<int> indices)
    {
        var first = quotes[indices[0]];
        var n = indices.Length;
        if (n < SviLimits.MinQuotesPerSlice)
        {
            InputGuard.Fail("expiry", string.Create(
                CultureInfo.InvariantCulture,
                $"expiry {first.ExpiryYears:R} has {n} quotes; a slice needs at least {SviLimits.MinQuotesPerSlice} to fit 5 SVI parameters"));
        }

        var k = new double[n];
        var v = new double[n];
        var w = new double[n];
        var iv = new double[n];
        var strikes = new HashSet<double>();
        for (var j = 0; j < n; j++)
        {
            var q = quotes[indices[j]];
            if (q.Forward != first.Forward)
            {
                InputGuard.Fail("forward", string.Create(
                    CultureInfo.InvariantCulture,
                    $"quote {indices[j]}: forward {q.Forward:R} differs from {first.Forward:R} of quote {indices[0]} with the same expiry {q.ExpiryYears:R}; one forward per expiry"));
            }

            k[j] = DMath.Log(q.Strike / q.Forward);
            v[j] = q.ExpiryYears * q.ImpliedVol * q.ImpliedVol;
            w[j] = q.Weight;
            iv[j] = q.ImpliedVol;
            strikes.Add(q.Strike);
        }

        if (strikes.Count < SviLimits.MinQuotesPerSlice)
        {
            InputGuard.Fail("strike", string.Create(
                CultureInfo.InvariantCulture,
                $"expiry {first.ExpiryYears:R} has {strikes.Count} distinct strikes; a slice needs at least {SviLimits.MinQuotesPerSlice}"));
        }

        return new SliceData(first.ExpiryYears, first.Forward, k, v, w, iv);
    }
}
