using System.Globalization;
using System.Runtime.CompilerServices;
using Assay.Numerics.FixedPoint;
using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;
using Assay.Pricing.MonteCarlo.Payoffs;

namespace Assay.Pricing.MonteCarlo;

/// <content>The batch loop and the exact per-batch sums.</content>
public static partial class MonteCarloEngine
{
    /// <summary>The batch loop: walk lanes of paths, evaluate the payoff, add every lane's sample to exact sums.</summary>
    private static class BatchRunner
    {
        public static BatchSums Run<TLane, TMask, TStepper, TPayoff>(TStepper stepper, TPayoff payoff, MonteCarloSettings settings, long batchIndex)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
            where TStepper : struct, IPathStepper
            where TPayoff : struct, IPathPayoff
        {
            var firstPath = batchIndex * BatchPaths;
            var pathCount = Math.Min(BatchPaths, settings.Paths - firstPath);
            var antithetic = settings.Antithetic;
            var samples = antithetic ? pathCount / 2 : pathCount;
            var firstVariatePath = (ulong)(antithetic ? firstPath / 2 : firstPath);
            var sums = new SampleSums();
            var k = 0L;
            for (; k + TLane.Width <= samples; k += TLane.Width)
            {
                var sample = Sample<TLane, TMask, TStepper, TPayoff>(stepper, payoff, settings, firstVariatePath + (ulong)k, antithetic);
                sums.Add<TLane, TMask>(sample, firstPath, k);
            }

            for (; k < samples; k++)
            {
                var sample = Sample<ScalarLane, bool, TStepper, TPayoff>(stepper, payoff, settings, firstVariatePath + (ulong)k, antithetic);
                sums.Add<ScalarLane, bool>(sample, firstPath, k);
            }

            return sums.ToBatchSums((ulong)samples);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static PathSample<TLane> Sample<TLane, TMask, TStepper, TPayoff>(
            in TStepper stepper, in TPayoff payoff, in MonteCarloSettings settings, ulong variatePath, bool antithetic)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
            where TStepper : struct, IPathStepper
            where TPayoff : struct, IPathPayoff
        {
            var requirements = payoff.Requirements;
            var path = stepper.Walk<TLane, TMask>(settings.Seed, variatePath, negate: false, requirements);
            var sample = payoff.Evaluate<TLane, TMask>(path);
            if (!antithetic)
            {
                return sample;
            }

            var mirror = payoff.Evaluate<TLane, TMask>(stepper.Walk<TLane, TMask>(settings.Seed, variatePath, negate: true, requirements));
            sample.Payoff = (sample.Payoff + mirror.Payoff) * 0.5;
            sample.Delta = (sample.Delta + mirror.Delta) * 0.5;
            sample.Vega = (sample.Vega + mirror.Vega) * 0.5;
            sample.Control = (sample.Control + mirror.Control) * 0.5;
            return sample;
        }
    }

    /// <summary>Exact Int128 sums of fixed-point images (round-half-even at <see cref="BatchSums.Scale"/>).</summary>
    private struct SampleSums
    {
        private Int128 _payoff;
        private Int128 _payoffSquared;
        private Int128 _delta;
        private Int128 _deltaSquared;
        private Int128 _vega;
        private Int128 _vegaSquared;
        private Int128 _control;
        private Int128 _controlSquared;
        private Int128 _payoffControl;

        public void Add<TLane, TMask>(in PathSample<TLane> sample, long firstPath, long sampleIndex)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
        {
            Span<double> y = stackalloc double[TLane.Width];
            Span<double> d = stackalloc double[TLane.Width];
            Span<double> v = stackalloc double[TLane.Width];
            Span<double> c = stackalloc double[TLane.Width];
            TLane.Store(sample.Payoff, y, 0);
            TLane.Store(sample.Delta, d, 0);
            TLane.Store(sample.Vega, v, 0);
            TLane.Store(sample.Control, c, 0);
            var scale = BatchSums.Scale;
            for (var lane = 0; lane < TLane.Width; lane++)
            {
                if (!(Math.Abs(y[lane]) <= MaxSampleMagnitude && Math.Abs(d[lane]) <= MaxSampleMagnitude
                    && Math.Abs(v[lane]) <= MaxSampleMagnitude && Math.Abs(c[lane]) <= MaxSampleMagnitude))
                {
                    ThrowSampleOutOfRange(firstPath, sampleIndex + lane, y[lane], d[lane], v[lane], c[lane]);
                }

                _payoff += FixedPointAccumulator.ToScaled(y[lane], scale);
                _payoffSquared += FixedPointAccumulator.ToScaled(y[lane] * y[lane], scale);
                _delta += FixedPointAccumulator.ToScaled(d[lane], scale);
                _deltaSquared += FixedPointAccumulator.ToScaled(d[lane] * d[lane], scale);
                _vega += FixedPointAccumulator.ToScaled(v[lane], scale);
                _vegaSquared += FixedPointAccumulator.ToScaled(v[lane] * v[lane], scale);
                _control += FixedPointAccumulator.ToScaled(c[lane], scale);
                _controlSquared += FixedPointAccumulator.ToScaled(c[lane] * c[lane], scale);
                _payoffControl += FixedPointAccumulator.ToScaled(y[lane] * c[lane], scale);
            }
        }

        public readonly BatchSums ToBatchSums(ulong count)
        {
            var scale = BatchSums.Scale;
            return new BatchSums(
                FixedPointAccumulator.FromScaledSum(scale, _payoff, count),
                FixedPointAccumulator.FromScaledSum(scale, _payoffSquared, count),
                FixedPointAccumulator.FromScaledSum(scale, _delta, count),
                FixedPointAccumulator.FromScaledSum(scale, _deltaSquared, count),
                FixedPointAccumulator.FromScaledSum(scale, _vega, count),
                FixedPointAccumulator.FromScaledSum(scale, _vegaSquared, count),
                FixedPointAccumulator.FromScaledSum(scale, _control, count),
                FixedPointAccumulator.FromScaledSum(scale, _controlSquared, count),
                FixedPointAccumulator.FromScaledSum(scale, _payoffControl, count));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowSampleOutOfRange(long firstPath, long sample, double y, double d, double v, double c) =>
            throw new PricingInputException(
                "payoff",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"sample {sample} of the batch starting at path {firstPath} is out of the fixed-point range |x| <= 2^23 = {MaxSampleMagnitude}: payoff {y:R}, delta {d:R}, vega {v:R}, control {c:R}; scale the contract down (e.g. price per unit of a smaller notional)"));
    }
}
