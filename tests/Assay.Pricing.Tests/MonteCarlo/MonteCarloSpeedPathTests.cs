using Assay.Numerics;
using Assay.Numerics.FixedPoint;
using Assay.Numerics.RandomNumbers;
using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>
/// The fast paths of the batch loop (vectorised fixed-point sums, the PPND16 variate, the per-thread normal cache)
/// against a plain per-path re-simulation summed one item at a time with <see cref="FixedPointAccumulator.Add"/>.
/// </summary>
/// <remarks>
/// The reference walks each path alone from <see cref="Variates.NormalFast"/> with the operation order documented in
/// GbmStepper, EuropeanPayoff and CashDigitalPayoff (log step L += (r − q − σ²/2)Δt + σ√Δt·Z, W += √Δt·Z,
/// S_T = S·e^L), so equality of the batch sums checks the exact split accumulation and the variate definition at once.
/// </remarks>
public class MonteCarloSpeedPathTests
{
    public static TheoryData<PayoffKind, OptionType, double, int, bool, BatchVectorWidth> Cases => new()
    {
        // One step, two batches with a ragged one (1,003 samples: not a multiple of any lane width). The normal
        // cache serves one-step walks from blocks of 16 path groups, across the batch boundary.
        { PayoffKind.European, OptionType.Call, 100.0, 1, false, BatchVectorWidth.Auto },
        { PayoffKind.European, OptionType.Call, 100.0, 1, true, BatchVectorWidth.Vector512 },

        // 3 steps (2 step pairs, the last step odd): blocks of 8 path groups × 2 pairs once the walk length is known.
        { PayoffKind.European, OptionType.Call, 100.0, 3, false, BatchVectorWidth.Vector256 },

        // 37 steps: 19 step pairs, so the first walk's blocks double (1, 2, 4, 8 pairs) and later walks start with
        // 16; the last step is odd. Antithetic: the mirror walk reads the same cached normals.
        { PayoffKind.European, OptionType.Put, 100.0, 37, true, BatchVectorWidth.Vector256 },
        { PayoffKind.European, OptionType.Put, 100.0, 37, true, BatchVectorWidth.Vector512 },
        { PayoffKind.European, OptionType.Put, 100.0, 37, true, BatchVectorWidth.Scalar },

        // Large payoffs (S = K = 1e5): squares up to ~1e11, integer parts far above 2^32.
        { PayoffKind.European, OptionType.Call, 1e5, 1, false, BatchVectorWidth.Vector256 },
        { PayoffKind.Digital, OptionType.Call, 100.0, 2, false, BatchVectorWidth.Vector512 },
        { PayoffKind.Digital, OptionType.Put, 100.0, 3, true, BatchVectorWidth.Auto },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Batch_sums_equal_the_item_by_item_fixed_point_sums_of_a_plain_resimulation(
        PayoffKind kind, OptionType type, double spot, int steps, bool antithetic, BatchVectorWidth width)
    {
        const ulong seed = 0x5EED_0003;
        var paths = MonteCarloEngine.BatchPaths + (antithetic ? 2006L : 1003L);
        var spec = MonteCarloGbmTests.Spec(kind, type, spot, spot, 0.75, 0.04, 0.01, 0.3, paths, steps, seed, antithetic, 1, width);
        for (var b = 0L; b < spec.BatchCount; b++)
        {
            var engine = MonteCarloEngine.EvaluateBatch(spec, b, width);
            var reference = ReferenceBatch(spec, b);
            var context = $"seed {seed}, {kind} {type}, S=K={spot}, steps {steps}, antithetic {antithetic}, width {width}, batch {b}";
            Assert.True(reference.Samples == engine.Samples, $"{context}: samples {engine.Samples} vs {reference.Samples}");
            AssertSame(reference.Payoff, engine.Payoff, "payoff", context);
            AssertSame(reference.PayoffSquared, engine.PayoffSquared, "payoff^2", context);
            AssertSame(reference.Delta, engine.Delta, "delta", context);
            AssertSame(reference.DeltaSquared, engine.DeltaSquared, "delta^2", context);
            AssertSame(reference.Vega, engine.Vega, "vega", context);
            AssertSame(reference.VegaSquared, engine.VegaSquared, "vega^2", context);
            AssertSame(reference.Control, engine.Control, "control", context);
            AssertSame(reference.ControlSquared, engine.ControlSquared, "control^2", context);
            AssertSame(reference.PayoffControl, engine.PayoffControl, "payoff*control", context);
        }
    }

    [Fact]
    public void Interleaved_specs_on_one_thread_do_not_disturb_each_other_through_the_normal_cache()
    {
        const ulong seedA = 11;
        const ulong seedB = 12;
        var a = MonteCarloGbmTests.Spec(PayoffKind.European, OptionType.Call, 100, 100, 1, 0.03, 0, 0.2, 3 * MonteCarloEngine.BatchPaths, 40, seedA, false, 1);
        var b = MonteCarloGbmTests.Spec(PayoffKind.European, OptionType.Call, 100, 95, 1, 0.03, 0, 0.2, 3 * MonteCarloEngine.BatchPaths, 7, seedB, true, 1);
        var a1 = MonteCarloEngine.EvaluateBatch(a, 1, BatchVectorWidth.Vector256);
        var b0 = MonteCarloEngine.EvaluateBatch(b, 0, BatchVectorWidth.Vector256);
        var a0 = MonteCarloEngine.EvaluateBatch(a, 0, BatchVectorWidth.Vector256);

        // The same batches again, in another order and width, and alone: the same bits.
        Assert.True(MonteCarloEngine.EvaluateBatch(a, 0, BatchVectorWidth.Vector512) == a0, $"seeds {seedA}/{seedB}: batch 0 of A");
        Assert.True(MonteCarloEngine.EvaluateBatch(b, 0, BatchVectorWidth.Scalar) == b0, $"seeds {seedA}/{seedB}: batch 0 of B");
        Assert.True(MonteCarloEngine.EvaluateBatch(a, 1, BatchVectorWidth.Vector256) == a1, $"seeds {seedA}/{seedB}: batch 1 of A");
        Assert.True(ReferenceBatch(a, 1) == a1, $"seed {seedA}: batch 1 of A against the re-simulation");
    }

    [Theory]
    [InlineData(BatchVectorWidth.Vector256)]
    [InlineData(BatchVectorWidth.Vector512)]
    [InlineData(BatchVectorWidth.Scalar)]
    public void The_first_sample_out_of_the_fixed_point_range_is_reported_by_its_own_index(BatchVectorWidth width)
    {
        // S = 2e6, σ = 0.5: the vega estimator S_T·(W − σT)·e^(−rT) passes 2^23 on roughly one path in a few
        // hundred, so the first offender sits in some lane of some vector; the message must name that sample.
        const ulong seed = 99;
        var spec = MonteCarloGbmTests.Spec(PayoffKind.European, OptionType.Call, 2e6, 2e6, 1, 0.01, 0, 0.5, 4000, 1, seed, false, 1, width);
        var model = (GbmModel)spec.Model;
        var first = -1L;
        for (var k = 0L; k < spec.Settings.Paths && first < 0; k++)
        {
            var (y, d, v) = Sample(spec, model, (ulong)k, negate: false);
            if (Math.Max(Math.Abs(y), Math.Max(Math.Abs(d), Math.Abs(v))) > MonteCarloEngine.MaxSampleMagnitude)
            {
                first = k;
            }
        }

        Assert.True(first > 0, $"seed {seed}: the case needs an offender after sample 0 (found {first})");
        var e = Assert.Throws<PricingInputException>(() => MonteCarloEngine.EvaluateBatch(spec, 0, width));
        Assert.Equal("payoff", e.Field);
        Assert.Contains($"sample {first} of the batch starting at path 0", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The sums of one batch, path by path, item by item (the definition the fast loop must reproduce).</summary>
    internal static BatchSums ReferenceBatch(MonteCarloSpec spec, long batchIndex)
    {
        var model = (GbmModel)spec.Model;
        var settings = spec.Settings;
        var firstPath = batchIndex * MonteCarloEngine.BatchPaths;
        var pathCount = Math.Min(MonteCarloEngine.BatchPaths, settings.Paths - firstPath);
        var samples = settings.Antithetic ? pathCount / 2 : pathCount;
        var firstVariatePath = (ulong)(settings.Antithetic ? firstPath / 2 : firstPath);
        var sums = new FixedPointAccumulator[BatchSums.FieldCount];
        Array.Fill(sums, new FixedPointAccumulator(BatchSums.Scale));
        for (var k = 0L; k < samples; k++)
        {
            var (y, d, v) = Sample(spec, model, firstVariatePath + (ulong)k, negate: false);
            if (settings.Antithetic)
            {
                var (ym, dm, vm) = Sample(spec, model, firstVariatePath + (ulong)k, negate: true);
                (y, d, v) = ((y + ym) * 0.5, (d + dm) * 0.5, (v + vm) * 0.5);
            }

            double[] items = [y, y * y, d, d * d, v, v * v, 0.0, 0.0, 0.0];
            for (var i = 0; i < items.Length; i++)
            {
                sums[i] = sums[i].Add(items[i]);
            }
        }

        return new BatchSums(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8]);
    }

    private static (double Payoff, double Delta, double Vega) Sample(MonteCarloSpec spec, GbmModel model, ulong variatePath, bool negate)
    {
        var steps = spec.Settings.Steps;
        var dt = model.ExpiryYears / steps;
        var sqrtDt = Math.Sqrt(dt);
        var drift = (model.Rate - model.DividendYield - (0.5 * model.Volatility * model.Volatility)) * dt;
        var diffusion = model.Volatility * sqrtDt;
        var sign = negate ? -1.0 : 1.0;
        var logReturn = 0.0;
        var brownian = 0.0;
        for (var step = 0; step < steps; step++)
        {
            var z = Variates.NormalFast(spec.Settings.Seed, variatePath, (uint)step, 0) * sign;
            logReturn += drift + (z * diffusion);
            brownian += z * sqrtDt;
        }

        var final = model.Spot * DMath.Exp(logReturn);
        var discount = DMath.Exp(-model.Rate * model.ExpiryYears);
        var theta = spec.Payoff.Type == OptionType.Call ? 1.0 : -1.0;
        if (spec.Payoff.Kind == PayoffKind.European)
        {
            var intrinsic = (final - spec.Payoff.Strike) * theta;
            var weight = discount * theta;
            return intrinsic > 0.0
                ? (intrinsic * discount, final * (weight / model.Spot), (final * (brownian - (model.Volatility * model.ExpiryYears))) * weight)
                : (0.0, 0.0, 0.0);
        }

        var sigmaT = model.Volatility * model.ExpiryYears;
        var payoff = (final - spec.Payoff.Strike) * theta > 0.0 ? discount : 0.0;
        return (payoff, payoff * (brownian * (1.0 / (model.Spot * sigmaT))), payoff * ((((brownian * brownian) - model.ExpiryYears) * (1.0 / sigmaT)) - brownian));
    }

    private static void AssertSame(FixedPointAccumulator expected, FixedPointAccumulator actual, string field, string context) =>
        Assert.True(expected == actual, $"{context}: {field} sum {actual} vs item-by-item {expected}");
}
