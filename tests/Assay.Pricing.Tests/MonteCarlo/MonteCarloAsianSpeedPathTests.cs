using Assay.Numerics;
using Assay.Numerics.FixedPoint;
using Assay.Numerics.RandomNumbers;
using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>
/// The fixings-only GBM walk of the arithmetic Asian (with its geometric control variate) against a plain per-path
/// re-simulation from <see cref="Variates.NormalFast"/>, summed item by item with <see cref="FixedPointAccumulator.Add"/>.
/// </summary>
/// <remarks>
/// The reference follows the operation order documented in GbmStepper and ArithmeticAsianPayoff: L += (r − q − σ²/2)Δt
/// + σ√Δt·Z, W += √Δt·Z, and at each fixing t_j (every (steps/N)-th step) S = e^L·S(0), A += S, A_σ += S·(W − σt_j),
/// G += L; then payoff, pathwise delta and vega, and the discounted geometric payoff as control. Equal sums pin the walk
/// bit for bit (fixings sparser than the grid, where the walk forms e^L only at fixings, included).
/// </remarks>
public class MonteCarloAsianSpeedPathTests
{
    [Theory]
    [InlineData(OptionType.Call, 12, 12, false, BatchVectorWidth.Vector256)]
    [InlineData(OptionType.Call, 12, 4, false, BatchVectorWidth.Vector512)]
    [InlineData(OptionType.Put, 13, 13, true, BatchVectorWidth.Scalar)]
    [InlineData(OptionType.Put, 15, 5, true, BatchVectorWidth.Auto)]
    public void Batch_sums_equal_the_item_by_item_sums_of_a_plain_resimulation(OptionType type, int steps, int fixings, bool antithetic, BatchVectorWidth width)
    {
        const ulong seed = 0xA51A_0001;
        var paths = MonteCarloEngine.BatchPaths + (antithetic ? 74L : 37L);
        var spec = new MonteCarloSpec(
            new GbmModel(100.0, 0.75, 0.04, 0.01, 0.3),
            new PayoffSpec(PayoffKind.ArithmeticAsian, type, 98.0, FixingCount: fixings),
            new MonteCarloSettings(paths, steps, seed, antithetic, 1, width));
        for (var b = 0L; b < spec.BatchCount; b++)
        {
            var engine = MonteCarloEngine.EvaluateBatch(spec, b, width);
            var reference = ReferenceBatch(spec, b);
            var context = $"seed {seed}, arithmetic Asian {type}, steps {steps}, fixings {fixings}, antithetic {antithetic}, width {width}, batch {b}";
            Assert.True(reference == engine, $"{context}: engine {engine} vs item-by-item {reference}");
        }
    }

    private static BatchSums ReferenceBatch(MonteCarloSpec spec, long batchIndex)
    {
        var settings = spec.Settings;
        var firstPath = batchIndex * MonteCarloEngine.BatchPaths;
        var pathCount = Math.Min(MonteCarloEngine.BatchPaths, settings.Paths - firstPath);
        var samples = settings.Antithetic ? pathCount / 2 : pathCount;
        var firstVariatePath = (ulong)(settings.Antithetic ? firstPath / 2 : firstPath);
        var sums = new FixedPointAccumulator[BatchSums.FieldCount];
        Array.Fill(sums, new FixedPointAccumulator(BatchSums.Scale));
        for (var k = 0L; k < samples; k++)
        {
            var (y, d, v, c) = Sample(spec, firstVariatePath + (ulong)k, negate: false);
            if (settings.Antithetic)
            {
                var (ym, dm, vm, cm) = Sample(spec, firstVariatePath + (ulong)k, negate: true);
                (y, d, v, c) = ((y + ym) * 0.5, (d + dm) * 0.5, (v + vm) * 0.5, (c + cm) * 0.5);
            }

            double[] items = [y, y * y, d, d * d, v, v * v, c, c * c, y * c];
            for (var i = 0; i < items.Length; i++)
            {
                sums[i] = sums[i].Add(items[i]);
            }
        }

        return new BatchSums(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8]);
    }

    private static (double Payoff, double Delta, double Vega, double Control) Sample(MonteCarloSpec spec, ulong variatePath, bool negate)
    {
        var model = (GbmModel)spec.Model;
        var steps = spec.Settings.Steps;
        var fixings = spec.Payoff.FixingCount;
        var interval = steps / fixings;
        var dt = model.ExpiryYears / steps;
        var sqrtDt = Math.Sqrt(dt);
        var drift = (model.Rate - model.DividendYield - (0.5 * model.Volatility * model.Volatility)) * dt;
        var diffusion = model.Volatility * sqrtDt;
        var sign = negate ? -1.0 : 1.0;
        double logReturn = 0.0, brownian = 0.0, sum = 0.0, sumVega = 0.0, logSum = 0.0;
        for (var step = 0; step < steps; step++)
        {
            var z = Variates.NormalFast(spec.Settings.Seed, variatePath, (uint)step, 0) * sign;
            logReturn += drift + (z * diffusion);
            brownian += z * sqrtDt;
            if ((step + 1) % interval == 0)
            {
                var sensitivity = brownian - (model.Volatility * ((step + 1) * dt));
                var spot = DMath.Exp(logReturn) * model.Spot;
                sum += spot;
                sumVega += spot * sensitivity;
                logSum += logReturn;
            }
        }

        var discount = DMath.Exp(-model.Rate * model.ExpiryYears);
        var theta = spec.Payoff.Type == OptionType.Call ? 1.0 : -1.0;
        var strike = spec.Payoff.Strike;
        var inverseFixings = 1.0 / fixings;
        var average = sum * inverseFixings;
        var intrinsic = (average - strike) * theta;
        var weight = discount * theta;
        var geometricIntrinsic = ((DMath.Exp(logSum * inverseFixings) * model.Spot) - strike) * theta;
        var control = geometricIntrinsic > 0.0 ? geometricIntrinsic * discount : 0.0;
        return intrinsic > 0.0
            ? (intrinsic * discount, average * (weight / model.Spot), (sumVega * inverseFixings) * weight, control)
            : (0.0, 0.0, 0.0, control);
    }
}
