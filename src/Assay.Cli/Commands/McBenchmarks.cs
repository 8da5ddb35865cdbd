using System.Diagnostics;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;

namespace Assay.Cli.Commands;

/// <summary>The workloads of <c>assay bench mc</c>, on the contract of bench/quantlib/mc_bench.cpp.</summary>
/// <remarks>
/// <para>Contract: call, S = K = 100, T = 1, r = 0.03, q = 0.01, σ = 0.25 (GBM), seed 42, no antithetic variates.
/// Each figure is the best of three timed runs of whole <see cref="MonteCarloEngine.Run"/> calls (batch sums, price,
/// delta and vega with their errors), after a warm-up.</para>
/// <list type="table">
/// <item><term>mc_european_1step</term><description>European, one time step: ns per path.</description></item>
/// <item><term>mc_european_252steps</term><description>European on 252 steps (the walk without per-step spots): ns per path-step.</description></item>
/// </list>
/// <para>The arithmetic Asian (mc_asian_252steps) and Heston QE (mc_heston_252steps) figures of the QuantLib reference
/// join here when those payoffs and models are in the engine.</para>
/// </remarks>
public static class McBenchmarks
{
    /// <summary>Time steps of the multi-step workloads (one business year).</summary>
    public const int YearSteps = 252;

    /// <summary>Shortest warm-up, enough for tiered compilation to reach optimised code.</summary>
    private const double MinWarmupSeconds = 0.5;

    /// <summary>Runs every Monte Carlo benchmark on one thread and on all cores.</summary>
    public static IReadOnlyList<BenchResult> Run(bool quick)
    {
        var seconds = quick ? 0.1 : 1.0;
        var cores = Environment.ProcessorCount;
        var threadCounts = cores > 1 ? new[] { 1, cores } : [1];
        var results = new List<BenchResult>();
        var batch = MonteCarloEngine.BatchPaths;

        foreach (var t in threadCounts)
        {
            var paths = (long)batch * (quick ? 16 : 128) * t;
            results.Add(new BenchResult("mc_european_1step", t, Time(European(paths, 1, t), paths, seconds)));
        }

        foreach (var t in threadCounts)
        {
            var paths = (long)batch * (quick ? 1 : 4) * t;
            results.Add(new BenchResult("mc_european_252steps", t, Time(European(paths, YearSteps, t), paths * (double)YearSteps, seconds)));
        }

        foreach (var t in threadCounts)
        {
            var paths = (long)batch * (quick ? 1 : 4) * t;
            var asian = new MonteCarloSpec(
                new GbmModel(100.0, 1.0, 0.03, 0.01, 0.25),
                new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Call, 100.0, FixingCount: YearSteps),
                new MonteCarloSettings(paths, YearSteps, 42, Antithetic: false, MaxDegreeOfParallelism: t));
            results.Add(new BenchResult("mc_asian_252steps", t, Time(asian, paths * (double)YearSteps, seconds)));
        }

        foreach (var t in threadCounts)
        {
            var paths = (long)batch * (quick ? 1 : 2) * t;
            var heston = new MonteCarloSpec(
                new HestonModel(100.0, 1.0, 0.03, 0.01, 0.04, 1.5, 0.04, 0.5, -0.7),
                new PayoffSpec(PayoffKind.European, OptionType.Call, 100.0),
                new MonteCarloSettings(paths, YearSteps, 42, Antithetic: false, MaxDegreeOfParallelism: t));
            results.Add(new BenchResult("mc_heston_252steps", t, Time(heston, paths * (double)YearSteps, seconds)));
        }

        return results;
    }

    private static MonteCarloSpec European(long paths, int steps, int threads) => new(
        new GbmModel(100.0, 1.0, 0.03, 0.01, 0.25),
        new PayoffSpec(PayoffKind.European, OptionType.Call, 100.0),
        new MonteCarloSettings(paths, steps, 42, Antithetic: false, MaxDegreeOfParallelism: threads));

    /// <summary>Best of three: ns per item of whole runs of <paramref name="spec"/> (<paramref name="items"/> items each), each timing at least <paramref name="seconds"/>.</summary>
    private static double Time(MonteCarloSpec spec, double items, double seconds)
    {
        var sink = 0.0;
        var warmup = Stopwatch.StartNew();
        do
        {
            sink += MonteCarloEngine.Run(spec).Price;
        }
        while (warmup.Elapsed.TotalSeconds < Math.Max(seconds, MinWarmupSeconds));

        var best = double.MaxValue;
        for (var rep = 0; rep < 3; rep++)
        {
            var sw = Stopwatch.StartNew();
            var runs = 0;
            do
            {
                sink += MonteCarloEngine.Run(spec).Price;
                runs++;
            }
            while (sw.Elapsed.TotalSeconds < seconds);
            best = Math.Min(best, sw.Elapsed.TotalNanoseconds / (runs * items));
        }

        // Every run is the same bits, so the sink is a finite multiple of the price; this keeps the runs observable.
        return double.IsFinite(sink) ? best : double.NaN;
    }
}
