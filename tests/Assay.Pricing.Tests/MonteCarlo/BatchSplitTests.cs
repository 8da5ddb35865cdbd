using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>Runs with few batches per thread cut each batch into path ranges; the batch sums stay those of the whole batch, bit for bit.</summary>
public class BatchSplitTests
{
    public static TheoryData<string, long, bool, int> Cases => new()
    {
        // name, paths, antithetic, threads: 2 batches on 2 threads (4 ranges each, the ragged one mostly empty),
        // 3 batches on 2 threads (4 ranges), 9 batches on 1 thread (no cut) and on 2 threads (2 ranges).
        { "gbm-asian", (2 * MonteCarloEngine.BatchPaths) - 1021, false, 2 },
        { "gbm-asian", (2 * MonteCarloEngine.BatchPaths) + 2050, true, 2 },
        { "heston-qe", (2 * MonteCarloEngine.BatchPaths) + 1027, false, 2 },
        { "heston-qe", (2 * MonteCarloEngine.BatchPaths) + 1030, true, 2 },
        { "gbm-european", (8 * MonteCarloEngine.BatchPaths) + 3, false, 2 },
        { "gbm-european", (8 * MonteCarloEngine.BatchPaths) + 3, false, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_batch_equals_the_batch_evaluated_alone_and_progress_counts_batches(string name, long paths, bool antithetic, int threads)
    {
        const ulong seed = 0x5117_2026;
        var spec = Spec(name, paths, antithetic, threads);
        var reported = new List<(long Done, long Total)>();
        var run = MonteCarloEngine.Run(spec, (done, total) =>
        {
            lock (reported)
            {
                reported.Add((done, total));
            }
        });
        var context = $"{name}, seed {seed}, paths {paths}, antithetic {antithetic}, threads {threads}";
        Assert.True(run.Batches.Count == spec.BatchCount, context);
        for (var b = 0; b < run.Batches.Count; b++)
        {
            Assert.True(run.Batches[b] == MonteCarloEngine.EvaluateBatch(spec, b, BatchVectorWidth.Scalar), $"{context}, batch {b}");
        }

        var single = MonteCarloEngine.Run(Spec(name, paths, antithetic, 1));
        Assert.True(single.Totals == run.Totals, context);
        Assert.True(BitConverter.DoubleToInt64Bits(single.Price) == BitConverter.DoubleToInt64Bits(run.Price), context);
        Assert.True(reported.Count == spec.BatchCount, $"{context}: {reported.Count} progress calls");
        Assert.True(reported.Max(r => r.Done) == spec.BatchCount && reported.All(r => r.Total == spec.BatchCount), context);

        static MonteCarloSpec Spec(string name, long paths, bool antithetic, int threads)
        {
            var settings = new MonteCarloSettings(paths, name == "gbm-european" ? 1 : 6, seed, antithetic, threads, BatchVectorWidth.Auto);
            return name switch
            {
                "gbm-asian" => new MonteCarloSpec(
                    new GbmModel(100, 1.0, 0.03, 0.01, 0.25), new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Call, 100, FixingCount: 6), settings),
                "heston-qe" => new MonteCarloSpec(
                    new HestonModel(100, 1.0, 0.03, 0.01, 0.04, 1.0, 0.04, 0.9, -0.7), new PayoffSpec(PayoffKind.European, OptionType.Put, 100), settings),
                _ => new MonteCarloSpec(new GbmModel(100, 1.0, 0.03, 0.01, 0.25), new PayoffSpec(PayoffKind.European, OptionType.Call, 100), settings),
            };
        }
    }
}
