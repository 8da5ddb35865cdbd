using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Heston batch sums are the same bits for every lane width and thread count, and any batch recomputes alone.</summary>
public class HestonDeterminismTests
{
    // A full batch and a ragged one whose length (517) is not a multiple of any lane width.
    private const long RaggedPaths = MonteCarloEngine.BatchPaths + 517;

    [Theory]
    [InlineData(HestonScheme.QuadraticExponential, PayoffKind.European, false, 5)]
    [InlineData(HestonScheme.QuadraticExponential, PayoffKind.European, true, 4)]
    [InlineData(HestonScheme.QuadraticExponential, PayoffKind.Digital, false, 3)]
    [InlineData(HestonScheme.FullTruncationEuler, PayoffKind.European, true, 5)]
    [InlineData(HestonScheme.FullTruncationEuler, PayoffKind.Digital, false, 2)]
    public void Totals_and_batches_are_identical_for_one_two_and_all_threads_and_every_lane_width(
        HestonScheme scheme, PayoffKind kind, bool antithetic, int steps)
    {
        const ulong seed = 0x4E57_2026;

        // Feller-violating with a long step, so that QE takes both the quadratic and the exponential branch.
        var model = new HestonModel(100, 1.0, 0.03, 0.01, 0.04, 1.0, 0.04, 0.9, -0.7, scheme);
        var paths = antithetic ? RaggedPaths + 1 : RaggedPaths;
        MonteCarloSpec Spec(int threads, BatchVectorWidth width) =>
            new(model, new PayoffSpec(kind, OptionType.Call, 100), new MonteCarloSettings(paths, steps, seed, antithetic, threads, width));
        var reference = MonteCarloEngine.Run(Spec(1, BatchVectorWidth.Scalar));
        foreach (var threads in new[] { 1, 2, -1 })
        {
            foreach (var width in new[] { BatchVectorWidth.Scalar, BatchVectorWidth.Vector256, BatchVectorWidth.Vector512, BatchVectorWidth.Auto })
            {
                var run = MonteCarloEngine.Run(Spec(threads, width));
                var context = $"seed {seed}, {scheme}, {kind}, antithetic {antithetic}, steps {steps}, threads {threads}, width {width}";
                Assert.True(reference.Totals == run.Totals, context);
                Assert.Equal(reference.Batches, run.Batches);
                Assert.True(BitConverter.DoubleToInt64Bits(reference.Price) == BitConverter.DoubleToInt64Bits(run.Price), context);
                Assert.True(BitConverter.DoubleToInt64Bits(reference.StandardError) == BitConverter.DoubleToInt64Bits(run.StandardError), context);
            }
        }

        for (var b = 0; b < reference.Batches.Count; b++)
        {
            Assert.True(reference.Batches[b] == MonteCarloEngine.EvaluateBatch(Spec(-1, BatchVectorWidth.Vector256), b), $"seed {seed}, {scheme}, batch {b} alone");
        }
    }

    [Fact]
    public void The_schemes_differ_and_the_seed_matters()
    {
        const ulong seed = 17;
        var model = new HestonModel(100, 1.0, 0.03, 0.0, 0.04, 1.0, 0.04, 0.5, -0.5);
        MonteCarloSpec Spec(HestonModel m, ulong s) => new(m, new PayoffSpec(PayoffKind.European, OptionType.Put, 100), new MonteCarloSettings(4096, 4, s));
        var qe = MonteCarloEngine.Run(Spec(model, seed));
        Assert.NotEqual(qe.Totals, MonteCarloEngine.Run(Spec(model with { Scheme = HestonScheme.FullTruncationEuler }, seed)).Totals);
        Assert.NotEqual(qe.Totals, MonteCarloEngine.Run(Spec(model, seed + 1)).Totals);
        Assert.Equal(qe.Totals, MonteCarloEngine.Run(Spec(model, seed)).Totals);
    }
}
