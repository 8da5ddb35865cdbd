using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Path ranges: any partition of the paths into ranges merges to exactly the batch sums of <see cref="MonteCarloEngine.Run"/>.</summary>
public class EvaluateRangeTests
{
    private const ulong Seed = 0x5EED_2026_0004;

    // One full batch and a ragged second (1,003 paths; 1,004 with antithetic pairs).
    private const long RaggedPaths = MonteCarloEngine.BatchPaths + 1003;

    public static TheoryData<string> Cases => new()
    {
        "gbm-european", "gbm-european-antithetic", "gbm-asian-control", "gbm-barrier-antithetic", "gbm-lookback",
        "heston-qe-european", "heston-qe-asian-antithetic", "basket-call",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ranges_of_any_partition_merge_to_the_batch_sums_bit_for_bit(string name)
    {
        var spec = Spec(name);
        var run = MonteCarloEngine.Run(spec);
        var antithetic = spec.Settings.Antithetic;
        foreach (var sizes in new[] { new[] { 8 }, new[] { 16 }, new[] { 40 }, new[] { 4096 }, new[] { 2, 6, 130, 4096, 1000, 24 } })
        {
            var merged = BatchSums.Empty;
            var first = 0L;
            var part = 0;
            while (first < spec.Settings.Paths)
            {
                var count = (int)Math.Min(sizes[part++ % sizes.Length], spec.Settings.Paths - first);
                var width = (BatchVectorWidth)((part % 3) + 1);
                merged = BatchSums.Merge(merged, MonteCarloEngine.EvaluateRange(spec, first, count, width));
                first += count;
            }

            Assert.True(
                merged == run.Totals,
                $"seed {Seed}, case {name}, paths {spec.Settings.Paths}, antithetic {antithetic}, range sizes [{string.Join(", ", sizes)}]: merged ranges {merged} != Run totals {run.Totals}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_range_equal_to_a_batch_is_that_batch_for_every_lane_width(string name)
    {
        var spec = Spec(name);
        for (var b = 0L; b < spec.BatchCount; b++)
        {
            var batch = MonteCarloEngine.EvaluateBatch(spec, b, BatchVectorWidth.Scalar);
            var first = b * MonteCarloEngine.BatchPaths;
            var count = (int)Math.Min(MonteCarloEngine.BatchPaths, spec.Settings.Paths - first);
            foreach (var width in new[] { BatchVectorWidth.Scalar, BatchVectorWidth.Vector256, BatchVectorWidth.Vector512 })
            {
                Assert.True(batch == MonteCarloEngine.EvaluateRange(spec, first, count, width), $"seed {Seed}, case {name}, batch {b}, width {width}");
            }
        }
    }

    [Fact]
    public void Unaligned_small_ranges_equal_the_scalar_sums_of_their_paths()
    {
        // Ranges that start off any lane boundary (3, 5, 11) and are shorter than a lane: the sums are exact, so
        // splitting a 24-path range at any point gives the same bits as the whole range.
        var spec = Spec("gbm-asian-control");
        var whole = MonteCarloEngine.EvaluateRange(spec, 3, 24, BatchVectorWidth.Vector512);
        foreach (var cut in new[] { 1, 2, 5, 8, 11, 23 })
        {
            var split = BatchSums.Merge(
                MonteCarloEngine.EvaluateRange(spec, 3, cut, BatchVectorWidth.Vector256),
                MonteCarloEngine.EvaluateRange(spec, 3 + cut, 24 - cut, BatchVectorWidth.Scalar));
            Assert.True(whole == split, $"seed {Seed}, range [3, 27) cut after {cut} paths");
        }

        Assert.Equal(24UL, whole.Samples);
    }

    [Fact]
    public void Ranges_outside_the_paths_longer_than_a_batch_or_splitting_a_pair_are_refused()
    {
        var spec = Spec("gbm-european");
        var paths = spec.Settings.Paths;
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloEngine.EvaluateRange(spec, -1, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloEngine.EvaluateRange(spec, paths, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloEngine.EvaluateRange(spec, paths - 4, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloEngine.EvaluateRange(spec, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloEngine.EvaluateRange(spec, 0, MonteCarloEngine.BatchPaths + 1));
        Assert.Equal(4UL, MonteCarloEngine.EvaluateRange(spec, paths - 4, 4).Samples);

        var pairs = Spec("gbm-european-antithetic");
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloEngine.EvaluateRange(pairs, 1, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloEngine.EvaluateRange(pairs, 0, 7));
        Assert.Equal(4UL, MonteCarloEngine.EvaluateRange(pairs, 2, 8).Samples);

        var american = new MonteCarloSpec(
            new GbmModel(100, 1, 0.05, 0, 0.2), new PayoffSpec(PayoffKind.American, OptionType.Put, 100), new MonteCarloSettings(8192, 10, Seed, MaxDegreeOfParallelism: 1));
        var e = Assert.Throws<PricingInputException>(() => MonteCarloEngine.EvaluateRange(american, 0, 16));
        Assert.Equal("payoff", e.Field);
    }

    private static MonteCarloSpec Spec(string name)
    {
        var gbm = new GbmModel(100.0, 1.0, 0.04, 0.01, 0.25);
        var heston = new HestonModel(100.0, 1.0, 0.03, 0.0, 0.04, 1.5, 0.05, 0.6, -0.7);
        var basket = new BasketModel([100.0, 80.0, 120.0], [0.0, 0.02, 0.01], [0.2, 0.35, 0.25], [0.5, 1.0, 0.25], [1.0, 0.3, 0.1, 0.3, 1.0, 0.4, 0.1, 0.4, 1.0], 1.0, 0.03);
        return name switch
        {
            "gbm-european" => New(gbm, new PayoffSpec(PayoffKind.European, OptionType.Call, 105.0), 1, false),
            "gbm-european-antithetic" => New(gbm, new PayoffSpec(PayoffKind.European, OptionType.Put, 95.0), 3, true),
            "gbm-asian-control" => New(gbm, new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Call, 100.0, FixingCount: 4), 8, false),
            "gbm-barrier-antithetic" => New(gbm, new PayoffSpec(PayoffKind.Barrier, OptionType.Put, 100.0, 0, BarrierType.DownOut, 85.0, 1.5), 6, true),
            "gbm-lookback" => New(gbm, new PayoffSpec(PayoffKind.FloatingLookback, OptionType.Call, 100.0), 5, false),
            "heston-qe-european" => New(heston, new PayoffSpec(PayoffKind.European, OptionType.Call, 100.0), 4, false),
            "heston-qe-asian-antithetic" => New(heston, new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Put, 100.0, FixingCount: 3), 6, true),
            "basket-call" => New(basket, new PayoffSpec(PayoffKind.Basket, OptionType.Call, 110.0), 2, false),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
        };
    }

    private static MonteCarloSpec New(PathModel model, PayoffSpec payoff, int steps, bool antithetic) =>
        new(model, payoff, new MonteCarloSettings(antithetic ? RaggedPaths + 1 : RaggedPaths, steps, Seed, antithetic, MaxDegreeOfParallelism: 1));
}
