using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Pricing.MonteCarlo.LongstaffSchwartz;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>The Longstaff–Schwartz passes are pure functions: the same policy and batch sums for any thread count, lane width and schedule.</summary>
public class LongstaffSchwartzDeterminismTests
{
    // 3 full batches and a ragged one whose length (1,003) is not a multiple of any lane width.
    private const long RaggedPaths = (3 * MonteCarloEngine.BatchPaths) + 1003;

    [Theory]
    [InlineData(OptionType.Put, false, 7)]
    [InlineData(OptionType.Call, true, 6)]
    public void Policy_totals_and_batches_are_identical_for_one_two_and_all_threads_and_every_lane_width(OptionType type, bool antithetic, int steps)
    {
        const ulong seed = 0xA55A_2027;
        var paths = antithetic ? RaggedPaths + 1 : RaggedPaths;
        var reference = LongstaffSchwartzEngine.Run(Spec(type, paths, steps, seed, antithetic, 1, BatchVectorWidth.Scalar));
        Assert.True(reference.Estimate.Price > 0.0);
        foreach (var threads in new[] { 1, 2, -1 })
        {
            foreach (var width in new[] { BatchVectorWidth.Scalar, BatchVectorWidth.Vector256, BatchVectorWidth.Vector512, BatchVectorWidth.Auto })
            {
                var run = LongstaffSchwartzEngine.Run(Spec(type, paths, steps, seed, antithetic, threads, width));
                var context = $"seed {seed}, {type}, antithetic {antithetic}, steps {steps}, threads {threads}, width {width}";
                AssertSamePolicy(reference.Policy, run.Policy, context);
                Assert.True(reference.Estimate.Totals == run.Estimate.Totals, context);
                Assert.Equal(reference.Estimate.Batches, run.Estimate.Batches);
                Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Estimate.Price), BitConverter.DoubleToInt64Bits(run.Estimate.Price));
            }
        }
    }

    [Fact]
    public void Any_batch_recomputed_alone_equals_the_batch_of_the_full_run_through_either_entry_point()
    {
        const ulong seed = 43;
        var spec = Spec(OptionType.Put, RaggedPaths, 5, seed, false, -1, BatchVectorWidth.Auto);
        var run = MonteCarloEngine.Run(spec);
        var policy = LongstaffSchwartzEngine.FitPolicy(spec, BatchVectorWidth.Scalar);
        Assert.Equal(4, run.Batches.Count);
        for (var b = 0; b < run.Batches.Count; b++)
        {
            Assert.True(run.Batches[b] == MonteCarloEngine.EvaluateBatch(spec, b, BatchVectorWidth.Scalar), $"seed {seed}, batch {b}");
            Assert.True(run.Batches[b] == LongstaffSchwartzEngine.EvaluateBatch(spec, policy, b, BatchVectorWidth.Vector256), $"seed {seed}, batch {b}");
        }

        Assert.Equal(1003UL, run.Batches[3].Samples);
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloEngine.EvaluateBatch(spec, 4));
    }

    [Fact]
    public void A_policy_is_refused_for_a_spec_it_was_not_fitted_for()
    {
        const ulong seed = 44;
        var spec = Spec(OptionType.Put, 8192, 5, seed, false, -1, BatchVectorWidth.Auto);
        var policy = LongstaffSchwartzEngine.FitPolicy(spec);
        var otherSeed = spec with { Settings = spec.Settings with { Seed = seed + 1 } };
        var otherStrike = spec with { Payoff = spec.Payoff with { Strike = 41 } };
        Assert.Throws<ArgumentException>(() => LongstaffSchwartzEngine.EvaluateBatch(otherSeed, policy, 0));
        Assert.Throws<ArgumentException>(() => LongstaffSchwartzEngine.EvaluateBatch(otherStrike, policy, 0));

        // Threads, lane width and antithetic pricing do not enter the policy.
        var sameRule = spec with { Settings = spec.Settings with { MaxDegreeOfParallelism = 1, VectorWidth = BatchVectorWidth.Scalar } };
        Assert.Equal(MonteCarloEngine.EvaluateBatch(sameRule, 1), LongstaffSchwartzEngine.EvaluateBatch(sameRule, policy, 1));
    }

    [Fact]
    public void A_different_seed_gives_a_different_policy_and_the_same_seed_the_same()
    {
        var a = LongstaffSchwartzEngine.FitPolicy(Spec(OptionType.Put, 8192, 4, 1, false, -1, BatchVectorWidth.Auto));
        var b = LongstaffSchwartzEngine.FitPolicy(Spec(OptionType.Put, 8192, 4, 2, false, -1, BatchVectorWidth.Auto));
        var c = LongstaffSchwartzEngine.FitPolicy(Spec(OptionType.Put, 8192, 4, 1, false, -1, BatchVectorWidth.Auto));
        AssertSamePolicy(a, c, "seed 1 twice");
        Assert.NotEqual(a.Coefficients(2).ToArray(), b.Coefficients(2).ToArray());
        Assert.Equal(8192, a.PolicyPaths);
    }

    private static void AssertSamePolicy(ExercisePolicy expected, ExercisePolicy actual, string context)
    {
        Assert.Equal(expected.ExerciseDates, actual.ExerciseDates);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.ContinuationAtStart), BitConverter.DoubleToInt64Bits(actual.ContinuationAtStart));
        for (var date = 1; date < expected.ExerciseDates; date++)
        {
            Assert.True(expected.HasRule(date) == actual.HasRule(date), $"date {date}: " + context);
            Assert.True(expected.InTheMoneyPaths(date) == actual.InTheMoneyPaths(date), $"date {date}: " + context);
            Assert.True(expected.Coefficients(date).SequenceEqual(actual.Coefficients(date)), $"date {date}: " + context);
        }
    }

    private static MonteCarloSpec Spec(OptionType type, long paths, int steps, ulong seed, bool antithetic, int threads, BatchVectorWidth width) =>
        MonteCarloGbmTests.Spec(PayoffKind.American, type, 100, 100, 1, 0.03, 0.04, 0.3, paths, steps, seed, antithetic, threads, width);
}
