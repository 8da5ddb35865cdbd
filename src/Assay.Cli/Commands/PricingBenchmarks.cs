using System.Diagnostics;
using Assay.Pricing.Engines.American;
using Assay.Pricing.Engines.Fourier;
using Assay.Pricing.Models;
using Assay.Pricing.Volatility;

namespace Assay.Cli.Commands;

/// <summary>The workloads of <c>assay bench pricing</c>, on inputs drawn like bench/quantlib/pricing_bench.cpp's.</summary>
public static class PricingBenchmarks
{
    /// <summary>Shortest warm-up, enough for tiered compilation to reach optimised code.</summary>
    private const double MinWarmupSeconds = 0.5;

    /// <summary>Runs every pricing benchmark on one thread and on all cores.</summary>
    public static IReadOnlyList<BenchResult> Run(bool quick)
    {
        var seconds = quick ? 0.1 : 1.0;
        var cores = Environment.ProcessorCount;
        var threadCounts = cores > 1 ? new[] { 1, cores } : [1];
        var results = new List<BenchResult>();

        var book = BenchBook.Create(quick ? 20_000 : 200_000);
        foreach (var t in threadCounts)
        {
            results.Add(new BenchResult("bsm_greeks", t, BsmGreeks(book, t, seconds)));
        }

        var ivCases = ImpliedVolCases(book, quick ? 2_000 : 20_000);
        var ivResults = new ImpliedVolatilityResult[ivCases.Length];
        foreach (var t in threadCounts)
        {
            results.Add(new BenchResult("implied_vol", t, Time(ivCases.Length, seconds, () => SolveSplit(ivCases, ivResults, t))));
        }

        var american = Enumerable.Range(0, quick ? 200 : 2_000).Select(i => new AmericanParameters(
            book.Types[i], book.Spot[i], book.Strike[i], book.ExpiryYears[i], book.Rate[i], book.DividendYield[i], book.Volatility[i])).ToArray();
        foreach (var t in threadCounts)
        {
            results.Add(new BenchResult("american", t, PerItem(american.Length, t, seconds, i => AmericanOption.Price(american[i]))));
        }

        var heston = Enumerable.Range(0, quick ? 200 : 2_000).Select(i =>
        {
            var v0 = book.Volatility[i] * book.Volatility[i];
            return new HestonParameters(book.Types[i], book.Spot[i], book.Strike[i], book.ExpiryYears[i], book.Rate[i],
                book.DividendYield[i], v0, 1.5, v0, 0.5, -0.7);
        }).ToArray();
        foreach (var t in threadCounts)
        {
            results.Add(new BenchResult("heston", t, PerItem(heston.Length, t, seconds, i => HestonEngine.Price(heston[i]))));
        }

        return results;
    }

    private static ImpliedVolatilityParameters[] ImpliedVolCases(BenchBook book, int count)
    {
        var cases = new ImpliedVolatilityParameters[count];
        for (var i = 0; i < count; i++)
        {
            var price = Assay.Pricing.Engines.Analytic.BlackScholesMerton.Price(new(
                book.Types[i], book.Spot[i], book.Strike[i], book.ExpiryYears[i], book.Rate[i], book.DividendYield[i], book.Volatility[i]));
            cases[i] = new ImpliedVolatilityParameters(book.Types[i], book.Spot[i], book.Strike[i], book.ExpiryYears[i],
                book.Rate[i], book.DividendYield[i], price);
        }

        return cases;
    }

    /// <summary>The span batch of implied volatilities, the quotes split evenly over <paramref name="threads"/> threads.</summary>
    /// <remarks>One thread calls the batch directly on the calling thread (no <see cref="Parallel"/> machinery in the figure).</remarks>
    private static void SolveSplit(ImpliedVolatilityParameters[] quotes, ImpliedVolatilityResult[] results, int threads)
    {
        if (threads == 1)
        {
            ImpliedVolatility.Calculate(quotes, results);
            return;
        }

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
        {
            var start = (int)((long)quotes.Length * part / threads);
            var end = (int)((long)quotes.Length * (part + 1) / threads);
            ImpliedVolatility.Calculate(quotes.AsSpan(start, end - start), results.AsSpan(start, end - start));
        });
    }

    private static double BsmGreeks(BenchBook book, int threads, double seconds) =>
        Time(book.Count, seconds, () => book.PriceBatch(threads));

    /// <summary>ns per item for calling <paramref name="item"/> on every index, split over <paramref name="threads"/> threads.</summary>
    private static double PerItem(int count, int threads, double seconds, Func<int, double> item)
    {
        var sink = new double[count];
        return Time(count, seconds, () =>
        {
            if (threads == 1)
            {
                for (var i = 0; i < count; i++)
                {
                    sink[i] = item(i);
                }
            }
            else
            {
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
                {
                    var end = (int)((long)count * (part + 1) / threads);
                    for (var i = (int)((long)count * part / threads); i < end; i++)
                    {
                        sink[i] = item(i);
                    }
                });
            }
        });
    }

    /// <summary>Best of three: repeat <paramref name="pass"/> (over <paramref name="items"/> items) for at least <paramref name="seconds"/>.</summary>
    private static double Time(int items, double seconds, Action pass)
    {
        // Warm-up for as long as one measurement: the JIT promotes hot methods to optimised code only after
        // they have run a while (tiered compilation), and a method called once per pass needs many passes.
        var warmup = Stopwatch.StartNew();
        do
        {
            pass();
        }
        while (warmup.Elapsed.TotalSeconds < Math.Max(seconds, MinWarmupSeconds));

        var best = double.MaxValue;
        for (var rep = 0; rep < 3; rep++)
        {
            var sw = Stopwatch.StartNew();
            var passes = 0;
            do
            {
                pass();
                passes++;
            }
            while (sw.Elapsed.TotalSeconds < seconds);
            best = Math.Min(best, sw.Elapsed.TotalNanoseconds / ((double)passes * items));
        }

        return best;
    }
}
