using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.Volatility;
using BenchmarkDotNet.Attributes;

namespace Assay.Benchmarks;

/// <summary>Implied volatility per quote: the scalar call and the batch call (single thread) on typical quotes.</summary>
/// <remarks>
/// The quote set is the one of <see cref="BlackScholesBenchmarks"/> (seed 20261121): S = 100, K ∈ [70, 130],
/// T ∈ [0.05, 2], r ∈ [0, 8%], q ∈ [0, 4%], σ ∈ [0.1, 0.6], priced by <see cref="BlackScholesMerton.Price"/>.
/// </remarks>
[MemoryDiagnoser]
public class ImpliedVolatilityBenchmarks
{
    private const int N = 8192;
    private ImpliedVolatilityParameters[] _quotes = [];
    private readonly ImpliedVolatilityResult[] _results = new ImpliedVolatilityResult[N];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261121);
        _quotes = new ImpliedVolatilityParameters[N];
        for (var i = 0; i < N; i++)
        {
            var p = new BlackScholesParameters(
                rng.NextDouble() < 0.5 ? OptionType.Call : OptionType.Put, 100.0, 70.0 + (60.0 * rng.NextDouble()),
                0.05 + (1.95 * rng.NextDouble()), 0.08 * rng.NextDouble(), 0.04 * rng.NextDouble(), 0.1 + (0.5 * rng.NextDouble()));
            _quotes[i] = new ImpliedVolatilityParameters(p.Type, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, BlackScholesMerton.Price(p));
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void Scalar()
    {
        for (var i = 0; i < N; i++)
        {
            _results[i] = ImpliedVolatility.Calculate(_quotes[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void Batch() => ImpliedVolatility.Calculate(_quotes, _results);
}
