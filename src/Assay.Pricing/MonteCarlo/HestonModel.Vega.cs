using System.Globalization;

namespace Assay.Pricing.MonteCarlo;

/// <content>Vega with respect to the initial volatility by bump and reprice on common random numbers.</content>
public sealed partial record HestonModel
{
    /// <summary>Fewest batches accepted by <see cref="BumpVega"/>, so that its standard error has some degrees of freedom.</summary>
    public const int MinVegaBatches = 8;

    /// <summary>∂V/∂√v0 by central bump and reprice on common random numbers, with a standard error across batches.</summary>
    /// <remarks>
    /// <para>Runs <paramref name="spec"/> twice more, with v0 replaced by (√v0 + h)² and (max(√v0 − h, 0))², the same
    /// seed and therefore the same variates path by path (common random numbers), and differences the plain
    /// (uncontrolled) payoff means. Batches are independent, so the per-batch differences D_b (sum over n_b samples)
    /// give the variance of one sample's difference as Σ_b (D_b − n_b·d̄)² / (N − Σ_b n_b²/N), with d̄ the overall
    /// estimate and N the samples; the standard error is its root over √N. The estimate carries the O(h²) bump error
    /// and the scheme's discretisation bias; in QE a bump can move the first step across ψ_c, where the scheme is
    /// discontinuous in v0 (see docs/mc-heston.md).</para>
    /// </remarks>
    /// <param name="spec">A spec whose model is a <see cref="HestonModel"/>, with at least <see cref="MinVegaBatches"/> batches.</param>
    /// <param name="volatilityBump">h, in volatility units, in [1e−4, 0.1].</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="PricingInputException">An input is out of range, the model is not Heston, or there are too few batches.</exception>
    public static HestonVegaResult BumpVega(MonteCarloSpec spec, double volatilityBump = 0.01, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (spec.Model is not HestonModel model)
        {
            InputGuard.Fail("model", $"BumpVega needs a HestonModel (got {spec.Model.GetType().Name})");
            return default;
        }

        InputGuard.InRange(volatilityBump, "vega_bump", 1e-4, 0.1);
        if (spec.BatchCount < MinVegaBatches)
        {
            InputGuard.Fail(
                "paths",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"paths must give at least {MinVegaBatches} batches of {MonteCarloEngine.BatchPaths} for a vega standard error (got {spec.Settings.Paths} paths)"));
        }

        var volatility = Math.Sqrt(model.V0);
        var up = volatility + volatilityBump;
        var down = Math.Max(volatility - volatilityBump, 0.0);
        var upRun = MonteCarloEngine.Run(spec with { Model = model with { V0 = up * up } }, null, cancellationToken);
        var downRun = MonteCarloEngine.Run(spec with { Model = model with { V0 = down * down } }, null, cancellationToken);
        var width = up - down;
        var n = (double)upRun.Totals.Samples;
        var vega = (upRun.Totals.Payoff.ToDouble() - downRun.Totals.Payoff.ToDouble()) / (n * width);
        var squares = 0.0;
        var sizeSquares = 0.0;
        for (var b = 0; b < upRun.Batches.Count; b++)
        {
            var size = (double)upRun.Batches[b].Samples;
            var difference = (upRun.Batches[b].Payoff.ToDouble() - downRun.Batches[b].Payoff.ToDouble()) / width;
            var deviation = difference - (size * vega);
            squares += deviation * deviation;
            sizeSquares += size * size;
        }

        var sampleVariance = squares / (n - (sizeSquares / n));
        return new HestonVegaResult(vega, Math.Sqrt(sampleVariance / n), up, down, upRun.Batches.Count);
    }
}
