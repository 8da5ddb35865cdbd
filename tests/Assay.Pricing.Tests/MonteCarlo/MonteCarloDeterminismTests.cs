using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>The verification structure: batch sums are the same bits for any thread count, lane width and schedule.</summary>
public class MonteCarloDeterminismTests
{
    // 3 full batches and a ragged one whose length (1,003) is not a multiple of any lane width.
    private const long RaggedPaths = (3 * MonteCarloEngine.BatchPaths) + 1003;

    [Theory]
    [InlineData(PayoffKind.European, false, 1)]
    [InlineData(PayoffKind.European, true, 5)]
    [InlineData(PayoffKind.Digital, false, 3)]
    public void Totals_and_batches_are_identical_for_one_two_and_all_threads_and_every_lane_width(PayoffKind kind, bool antithetic, int steps)
    {
        const ulong seed = 0xA55A_2026;
        var paths = antithetic ? RaggedPaths + 1 : RaggedPaths;
        var reference = MonteCarloEngine.Run(Spec(kind, paths, steps, seed, antithetic, 1, BatchVectorWidth.Scalar));
        foreach (var threads in new[] { 1, 2, -1 })
        {
            foreach (var width in new[] { BatchVectorWidth.Scalar, BatchVectorWidth.Vector256, BatchVectorWidth.Vector512, BatchVectorWidth.Auto })
            {
                var run = MonteCarloEngine.Run(Spec(kind, paths, steps, seed, antithetic, threads, width));
                var context = $"seed {seed}, {kind}, antithetic {antithetic}, steps {steps}, threads {threads}, width {width}";
                Assert.True(reference.Totals == run.Totals, context);
                Assert.Equal(reference.Batches, run.Batches);
                Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Price), BitConverter.DoubleToInt64Bits(run.Price));
                Assert.Equal(BitConverter.DoubleToInt64Bits(reference.StandardError), BitConverter.DoubleToInt64Bits(run.StandardError));
            }
        }
    }

    [Fact]
    public void Any_batch_recomputed_alone_equals_the_batch_of_the_full_run()
    {
        const ulong seed = 42;
        var spec = Spec(PayoffKind.European, RaggedPaths, 2, seed, false, -1, BatchVectorWidth.Auto);
        var run = MonteCarloEngine.Run(spec);
        Assert.Equal(4, run.Batches.Count);
        for (var b = 0; b < run.Batches.Count; b++)
        {
            Assert.True(run.Batches[b] == MonteCarloEngine.EvaluateBatch(spec, b, BatchVectorWidth.Scalar), $"seed {seed}, batch {b}");
        }

        Assert.Equal(1003UL, run.Batches[3].Samples);
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloEngine.EvaluateBatch(spec, 4));
    }

    [Fact]
    public void A_different_seed_gives_different_sums_and_the_same_seed_the_same()
    {
        var a = MonteCarloEngine.Run(Spec(PayoffKind.European, 8192, 1, 1, false, -1, BatchVectorWidth.Auto));
        var b = MonteCarloEngine.Run(Spec(PayoffKind.European, 8192, 1, 2, false, -1, BatchVectorWidth.Auto));
        var c = MonteCarloEngine.Run(Spec(PayoffKind.European, 8192, 1, 1, false, -1, BatchVectorWidth.Auto));
        Assert.NotEqual(a.Totals, b.Totals);
        Assert.Equal(a.Totals, c.Totals);
    }

    [Fact]
    public void Batch_sums_round_trip_through_their_canonical_encoding_and_reject_a_corrupted_one()
    {
        var sums = MonteCarloEngine.Run(Spec(PayoffKind.European, 5000, 1, 5, false, -1, BatchVectorWidth.Auto)).Totals;
        var bytes = new byte[BatchSums.EncodedLength];
        sums.WriteTo(bytes);
        Assert.Equal(sums, BatchSums.ReadFrom(bytes));
        bytes[BatchSums.EncodedLength - 8] ^= 1; // the count of the last field no longer matches the others
        Assert.Throws<FormatException>(() => BatchSums.ReadFrom(bytes));
    }

    private static MonteCarloSpec Spec(PayoffKind kind, long paths, int steps, ulong seed, bool antithetic, int threads, BatchVectorWidth width) =>
        MonteCarloGbmTests.Spec(kind, OptionType.Call, 100, 100, 1, 0.03, 0.01, 0.25, paths, steps, seed, antithetic, threads, width);
}
