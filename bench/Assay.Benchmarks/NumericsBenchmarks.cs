using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;
using BenchmarkDotNet.Attributes;

namespace Assay.Benchmarks;

/// <summary>Deterministic kernels against the platform's libm, per element over 4,096 inputs.</summary>
[MemoryDiagnoser]
public class NumericsBenchmarks
{
    private const int N = 4096;
    private readonly double[] _x = new double[N];
    private readonly double[] _positive = new double[N];
    private readonly double[] _result = new double[N];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261121);
        for (var i = 0; i < N; i++)
        {
            _x[i] = (rng.NextDouble() * 12) - 6;
            _positive[i] = Math.Exp((rng.NextDouble() * 40) - 20);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public void LibmExp()
    {
        for (var i = 0; i < N; i++)
        {
            _result[i] = Math.Exp(_x[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void ExpScalar()
    {
        for (var i = 0; i < N; i++)
        {
            _result[i] = DMath.Exp(_x[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void ExpSpan() => DMath.Exp(_x, _result);

    [Benchmark(OperationsPerInvoke = N)]
    public void LibmLog()
    {
        for (var i = 0; i < N; i++)
        {
            _result[i] = Math.Log(_positive[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void LogSpan() => DMath.Log(_positive, _result);

    [Benchmark(OperationsPerInvoke = N)]
    public void NormalCdfScalar()
    {
        for (var i = 0; i < N; i++)
        {
            _result[i] = Normal.Cdf(_x[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void NormalCdfVector256()
    {
        var x = MemoryMarshal.Cast<double, Vector256<double>>(_x.AsSpan());
        var r = MemoryMarshal.Cast<double, Vector256<double>>(_result.AsSpan());
        for (var i = 0; i < x.Length; i++)
        {
            r[i] = Normal.Cdf(x[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void NormalPdfVector256()
    {
        var x = MemoryMarshal.Cast<double, Vector256<double>>(_x.AsSpan());
        var r = MemoryMarshal.Cast<double, Vector256<double>>(_result.AsSpan());
        for (var i = 0; i < x.Length; i++)
        {
            r[i] = Normal.Pdf(x[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void InverseCdfScalar()
    {
        for (var i = 0; i < N; i++)
        {
            _result[i] = Normal.InverseCdf((_x[i] + 6.5) / 13);
        }
    }
}
