using Assay.Pricing.Batch;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.Volatility;
using BenchmarkDotNet.Attributes;

namespace Assay.Benchmarks;

/// <summary>Black–Scholes price + 5 Greeks (scalar and batch) and implied volatility, per option.</summary>
[MemoryDiagnoser]
public class BlackScholesBenchmarks
{
    private const int N = 8192;
    private BlackScholesParameters[] _options = [];
    private ImpliedVolatilityParameters[] _quotes = [];
    private BlackScholesBatchInput _input = null!;
    private BlackScholesBatchOutput _output = null!;
    private readonly double[] _sink = new double[N];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261121);
        _options = new BlackScholesParameters[N];
        _quotes = new ImpliedVolatilityParameters[N];
        for (var i = 0; i < N; i++)
        {
            var p = new BlackScholesParameters(
                rng.NextDouble() < 0.5 ? OptionType.Call : OptionType.Put, 100.0, 70.0 + (60.0 * rng.NextDouble()),
                0.05 + (1.95 * rng.NextDouble()), 0.08 * rng.NextDouble(), 0.04 * rng.NextDouble(), 0.1 + (0.5 * rng.NextDouble()));
            _options[i] = p;
            _quotes[i] = new ImpliedVolatilityParameters(p.Type, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, BlackScholesMerton.Price(p));
        }

        _input = new BlackScholesBatchInput(
            _options.Select(o => o.Type).ToArray(), _options.Select(o => o.Spot).ToArray(), _options.Select(o => o.Strike).ToArray(),
            _options.Select(o => o.ExpiryYears).ToArray(), _options.Select(o => o.Rate).ToArray(),
            _options.Select(o => o.DividendYield).ToArray(), _options.Select(o => o.Volatility).ToArray());
        _output = BlackScholesBatchOutput.Allocate(N, includeSecondOrder: false);
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void GreeksScalar()
    {
        for (var i = 0; i < N; i++)
        {
            _sink[i] = BlackScholesMerton.Greeks(_options[i]).Delta;
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void BatchOneThread() => BlackScholesBatch.Evaluate(_input, _output, 1);

    [Benchmark(OperationsPerInvoke = N)]
    public void BatchAllThreads() => BlackScholesBatch.Evaluate(_input, _output, -1);

    [Benchmark(OperationsPerInvoke = N)]
    public void ImpliedVol()
    {
        for (var i = 0; i < N; i++)
        {
            _sink[i] = ImpliedVolatility.Calculate(_quotes[i]).Volatility;
        }
    }
}
