using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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
        /// <summary>Bits of the path count in a <see cref="RangeToken"/>: counts up to 2^12 = <see cref="BatchPaths"/>.</summary>
        private const int RangeCountBits = 13;

        /// <summary>The sums of the paths <paramref name="batchIndex"/> stands for: a batch index (≥ 0) or a <see cref="RangeToken"/> (&lt; 0).</summary>
        public static BatchSums Run<TLane, TMask, TStepper, TPayoff>(TStepper stepper, TPayoff payoff, MonteCarloSettings settings, long batchIndex)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
            where TStepper : struct, IPathStepper
            where TPayoff : struct, IPathPayoff
        {
            var (firstPath, pathCount) = PathsOf(batchIndex, settings.Paths);
            var antithetic = settings.Antithetic;
            var samples = antithetic ? pathCount / 2 : pathCount;
            var firstVariatePath = (ulong)(antithetic ? firstPath / 2 : firstPath);
            var sums = new SampleSums();
            var k = 0L;
            for (; k + TLane.Width <= samples; k += TLane.Width)
            {
                var sample = Sample<TLane, TMask, TStepper, TPayoff>(stepper, payoff, settings, firstVariatePath + (ulong)k, antithetic);
                sums.Add<TLane, TMask>(sample, firstPath, k, payoff.HasControl);
            }

            for (; k < samples; k++)
            {
                var sample = Sample<ScalarLane, bool, TStepper, TPayoff>(stepper, payoff, settings, firstVariatePath + (ulong)k, antithetic);
                sums.Add<ScalarLane, bool>(sample, firstPath, k, payoff.HasControl);
            }

            return sums.ToBatchSums((ulong)samples);
        }

        /// <summary>Packs the path range [<paramref name="firstPath"/>, + <paramref name="pathCount"/>) into the negative long that the batch dispatch carries in place of a batch index.</summary>
        /// <remarks>~(firstPath·2^13 + pathCount): firstPath ≤ 2^32 and pathCount ≤ 2^12 = <see cref="BatchPaths"/>, so the value is negative and decodes uniquely.</remarks>
        public static long RangeToken(long firstPath, int pathCount) => ~((firstPath << RangeCountBits) | (long)pathCount);

        /// <summary>The first path and path count of a batch index (≥ 0) or of a <see cref="RangeToken"/> (&lt; 0).</summary>
        public static (long FirstPath, long PathCount) PathsOf(long batchOrRange, long paths)
        {
            if (batchOrRange >= 0)
            {
                var first = batchOrRange * BatchPaths;
                return (first, Math.Min(BatchPaths, paths - first));
            }

            var packed = ~batchOrRange;
            return (packed >> RangeCountBits, packed & ((1L << RangeCountBits) - 1));
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

    /// <summary>Exact sums of fixed-point images (round-half-even at <see cref="BatchSums.Scale"/>, 2^−48), four lanes at a time.</summary>
    /// <remarks>
    /// <para>The image round(x·2^48) of an item x (|x| ≤ 2^46) is split exactly as a·2^48 + f with a = round(x) and
    /// f = round((x − a)·2^48): a·2^48 is an even integer, so rounding x·2^48 half to even is a·2^48 plus rounding
    /// (x − a)·2^48 half to even. Both roundings use the magic number M = 1.5·2^52: for |y| &lt; 2^51, y + M rounds to
    /// M + round(y) (M is even, so ties go the same way) and its bit pattern is bits(M) + round(y). x − a is exact
    /// (|x − a| ≤ 1/2, both multiples of ulp(x) or of 1), and (x − a)·2^48 is exact (a power of two).</para>
    /// <para>Each lane accumulates the bit patterns of x + M and (x − a)·2^48 + M in 64-bit integers, wrapping;
    /// bits(M) per addition is removed at the end, so the lane totals are exact as long as the true sums fit: at most
    /// <see cref="BatchPaths"/> = 2^12 additions per lane, |a| ≤ 2^46 (squares of items up to 2^23) and |f| ≤ 2^47 give
    /// |Σa| ≤ 2^58 and |Σf| ≤ 2^59, well inside 2^63. The Int128 total Σ(Σa·2^48 + Σf) over lanes is then exactly
    /// Σ <see cref="FixedPointAccumulator.ToScaled(double, FixedPointScale)"/>. A scalar sample uses lane 0 (the other
    /// lanes add zeros, which contribute exactly nothing).</para>
    /// </remarks>
    private struct SampleSums
    {
        /// <summary>1.5·2^52: y + M is M + round-half-even(y) for |y| &lt; 2^51.</summary>
        private const double Magic = 6755399441055744.0;

        /// <summary>2^48, the scale of <see cref="BatchSums.Scale"/>.</summary>
        private const double FractionScale = 281474976710656.0;

        private const int FractionBits = 48;

        private static readonly long MagicBits = BitConverter.DoubleToInt64Bits(Magic);

        // Per sum: the wrapped lane totals of bits(x + M) (integer parts) and bits(frac·2^48 + M) (fractions).
        private Vector256<long> _payoffUnits;
        private Vector256<long> _payoffFraction;
        private Vector256<long> _payoffSquaredUnits;
        private Vector256<long> _payoffSquaredFraction;
        private Vector256<long> _deltaUnits;
        private Vector256<long> _deltaFraction;
        private Vector256<long> _deltaSquaredUnits;
        private Vector256<long> _deltaSquaredFraction;
        private Vector256<long> _vegaUnits;
        private Vector256<long> _vegaFraction;
        private Vector256<long> _vegaSquaredUnits;
        private Vector256<long> _vegaSquaredFraction;
        private Vector256<long> _controlUnits;
        private Vector256<long> _controlFraction;
        private Vector256<long> _controlSquaredUnits;
        private Vector256<long> _controlSquaredFraction;
        private Vector256<long> _payoffControlUnits;
        private Vector256<long> _payoffControlFraction;

        /// <summary>Number of <see cref="AddLanes"/> calls: every lane of the payoff and Greek sums has received this many additions of M.</summary>
        private long _additions;

        /// <summary>The same for the three control-variate sums (which are skipped for payoffs without one).</summary>
        private long _controlAdditions;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add<TLane, TMask>(in PathSample<TLane> sample, long firstPath, long sampleIndex, bool hasControl)
            where TLane : unmanaged, ILane<TLane, TMask>
            where TMask : unmanaged
        {
            if (typeof(TLane) == typeof(Vector256Lane))
            {
                ref readonly var s = ref Unsafe.As<PathSample<TLane>, PathSample<Vector256Lane>>(ref Unsafe.AsRef(in sample));
                AddLanes(s.Payoff.Value, s.Delta.Value, s.Vega.Value, s.Control.Value, firstPath, sampleIndex, hasControl);
            }
            else if (typeof(TLane) == typeof(Vector512Lane))
            {
                ref readonly var s = ref Unsafe.As<PathSample<TLane>, PathSample<Vector512Lane>>(ref Unsafe.AsRef(in sample));
                AddLanes(s.Payoff.Value.GetLower(), s.Delta.Value.GetLower(), s.Vega.Value.GetLower(), s.Control.Value.GetLower(), firstPath, sampleIndex, hasControl);
                AddLanes(s.Payoff.Value.GetUpper(), s.Delta.Value.GetUpper(), s.Vega.Value.GetUpper(), s.Control.Value.GetUpper(), firstPath, sampleIndex + 4, hasControl);
            }
            else if (typeof(TLane) == typeof(ScalarLane))
            {
                ref readonly var s = ref Unsafe.As<PathSample<TLane>, PathSample<ScalarLane>>(ref Unsafe.AsRef(in sample));
                AddLanes(
                    Vector256.CreateScalar(s.Payoff.Value),
                    Vector256.CreateScalar(s.Delta.Value),
                    Vector256.CreateScalar(s.Vega.Value),
                    Vector256.CreateScalar(s.Control.Value),
                    firstPath,
                    sampleIndex,
                    hasControl);
            }
            else
            {
                throw new NotSupportedException($"No fixed-point sums for lane type {typeof(TLane).Name}.");
            }
        }

        public readonly BatchSums ToBatchSums(ulong count)
        {
            var scale = BatchSums.Scale;
            return new BatchSums(
                FixedPointAccumulator.FromScaledSum(scale, Total(_payoffUnits, _payoffFraction, _additions), count),
                FixedPointAccumulator.FromScaledSum(scale, Total(_payoffSquaredUnits, _payoffSquaredFraction, _additions), count),
                FixedPointAccumulator.FromScaledSum(scale, Total(_deltaUnits, _deltaFraction, _additions), count),
                FixedPointAccumulator.FromScaledSum(scale, Total(_deltaSquaredUnits, _deltaSquaredFraction, _additions), count),
                FixedPointAccumulator.FromScaledSum(scale, Total(_vegaUnits, _vegaFraction, _additions), count),
                FixedPointAccumulator.FromScaledSum(scale, Total(_vegaSquaredUnits, _vegaSquaredFraction, _additions), count),
                FixedPointAccumulator.FromScaledSum(scale, Total(_controlUnits, _controlFraction, _controlAdditions), count),
                FixedPointAccumulator.FromScaledSum(scale, Total(_controlSquaredUnits, _controlSquaredFraction, _controlAdditions), count),
                FixedPointAccumulator.FromScaledSum(scale, Total(_payoffControlUnits, _payoffControlFraction, _controlAdditions), count));
        }

        /// <summary>Adds four samples (one per lane) after checking that each lies within <see cref="MaxSampleMagnitude"/>.</summary>
        /// <remarks>Without <paramref name="hasControl"/>, C is zero (<see cref="IPathPayoff.HasControl"/>) and its three sums are skipped: zeros add exactly nothing.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void AddLanes(Vector256<double> y, Vector256<double> d, Vector256<double> v, Vector256<double> c, long firstPath, long sampleIndex, bool hasControl)
        {
            var max = Vector256.Create(MaxSampleMagnitude);
            var inRange = Vector256.LessThanOrEqual(Vector256.Abs(y), max) & Vector256.LessThanOrEqual(Vector256.Abs(d), max)
                & Vector256.LessThanOrEqual(Vector256.Abs(v), max) & Vector256.LessThanOrEqual(Vector256.Abs(c), max);
            if (!Vector256.EqualsAll(inRange.AsInt64(), Vector256<long>.AllBitsSet))
            {
                ThrowSampleOutOfRange(y, d, v, c, firstPath, sampleIndex);
            }

            _additions++;
            Accumulate(y, ref _payoffUnits, ref _payoffFraction);
            Accumulate(y * y, ref _payoffSquaredUnits, ref _payoffSquaredFraction);
            Accumulate(d, ref _deltaUnits, ref _deltaFraction);
            Accumulate(d * d, ref _deltaSquaredUnits, ref _deltaSquaredFraction);
            Accumulate(v, ref _vegaUnits, ref _vegaFraction);
            Accumulate(v * v, ref _vegaSquaredUnits, ref _vegaSquaredFraction);
            if (hasControl)
            {
                // Without a control variate C is zero, and zeros add exactly nothing.
                _controlAdditions++;
                Accumulate(c, ref _controlUnits, ref _controlFraction);
                Accumulate(c * c, ref _controlSquaredUnits, ref _controlSquaredFraction);
                Accumulate(y * c, ref _payoffControlUnits, ref _payoffControlFraction);
            }
        }

        /// <summary>Adds bits(x + M) and bits((x − round(x))·2^48 + M) lane-wise (see the type remarks); |x| ≤ 2^46.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Accumulate(Vector256<double> x, ref Vector256<long> units, ref Vector256<long> fraction)
        {
            var magic = Vector256.Create(Magic);
            var shifted = x + magic;
            var rest = x - (shifted - magic);
            units += shifted.AsInt64();
            fraction += ((rest * Vector256.Create(FractionScale)) + magic).AsInt64();
        }

        /// <summary>Σ over lanes of (units − n·bits(M))·2^48 + (fraction − n·bits(M)) with n = <paramref name="additions"/>, exactly.</summary>
        private static Int128 Total(Vector256<long> units, Vector256<long> fraction, long additions)
        {
            var offset = unchecked(additions * MagicBits);
            var total = Int128.Zero;
            for (var lane = 0; lane < Vector256<long>.Count; lane++)
            {
                var a = unchecked(units.GetElement(lane) - offset);
                var f = unchecked(fraction.GetElement(lane) - offset);
                total += ((Int128)a << FractionBits) + f;
            }

            return total;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowSampleOutOfRange(Vector256<double> y, Vector256<double> d, Vector256<double> v, Vector256<double> c, long firstPath, long sampleIndex)
        {
            for (var lane = 0; lane < Vector256<double>.Count; lane++)
            {
                var (yl, dl, vl, cl) = (y.GetElement(lane), d.GetElement(lane), v.GetElement(lane), c.GetElement(lane));
                if (!(Math.Abs(yl) <= MaxSampleMagnitude && Math.Abs(dl) <= MaxSampleMagnitude
                    && Math.Abs(vl) <= MaxSampleMagnitude && Math.Abs(cl) <= MaxSampleMagnitude))
                {
                    throw new PricingInputException(
                        "payoff",
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"sample {sampleIndex + lane} of the batch starting at path {firstPath} is out of the fixed-point range |x| <= 2^23 = {MaxSampleMagnitude}: payoff {yl:R}, delta {dl:R}, vega {vl:R}, control {cl:R}; scale the contract down (e.g. price per unit of a smaller notional)"));
                }
            }
        }
    }
}
