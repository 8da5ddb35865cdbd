using Assay.Pricing.Batch;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.BlackScholes;

/// <summary>The batch API against the scalar kernel, bit for bit, with sentinel-guarded buffers.</summary>
public sealed class BlackScholesBatchTests
{
    private const int Seed = 5201;

    // Three chunks, the last partial, and a length that is not a multiple of 4 or 8.
    private const int Count = (2 * BlackScholesBatch.ChunkLength) + 37;

    private const int Guard = 9;

    private static readonly double Sentinel = BitConverter.Int64BitsToDouble(0x7FF4_DEAD_BEEF_0001); // a signalling-NaN pattern

    public static TheoryData<int, BatchVectorWidth> Configurations => new()
    {
        { 1, BatchVectorWidth.Auto },
        { 2, BatchVectorWidth.Auto },
        { -1, BatchVectorWidth.Auto },
        { 1, BatchVectorWidth.Scalar },
        { 2, BatchVectorWidth.Vector256 },
        { 1, BatchVectorWidth.Vector512 },
        { -1, BatchVectorWidth.Vector512 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Batch_equals_scalar_greeks_bit_for_bit(int threads, BatchVectorWidth width)
    {
        var input = RandomInput(Count);
        var buffers = new GuardedBuffers(Count, includeSecondOrder: true);
        BlackScholesBatch.Evaluate(input, buffers.Output, threads, width);

        buffers.AssertGuardsIntact($"seed {Seed}, threads {threads}, width {width}");
        for (var i = 0; i < Count; i++)
        {
            var expected = BlackScholesMerton.Greeks(input[i]);
            var actual = buffers.Item(i);
            Assert.True(
                Bits(expected) == Bits(actual),
                $"seed {Seed}, threads {threads}, width {width}, item {i}: {input[i]}\n batch  {actual}\n scalar {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Without_optional_greeks_the_six_outputs_keep_their_bits(
        int threads, BatchVectorWidth width)
    {
        // Without the optional outputs the batch runs a kernel instantiation that does not form them at all.
        var input = RandomInput(Count);
        var buffers = new GuardedBuffers(Count, includeSecondOrder: false);
        BlackScholesBatch.Evaluate(input, buffers.Output, threads, width);
        buffers.AssertGuardsIntact($"seed {Seed}, threads {threads}, width {width}");
        for (var i = 0; i < Count; i++)
        {
            var expected = BlackScholesMerton.Greeks(input[i]);
            var o = buffers.Output;
            var actual = (o.Price.Span[i], o.Delta.Span[i], o.Gamma.Span[i], o.Vega.Span[i], o.Theta.Span[i], o.Rho.Span[i]);
            Assert.True(
                SixBits(expected.Price, expected.Delta, expected.Gamma, expected.Vega, expected.Theta, expected.Rho) ==
                    SixBits(actual.Item1, actual.Item2, actual.Item3, actual.Item4, actual.Item5, actual.Item6),
                $"seed {Seed}, threads {threads}, width {width}, item {i}: {input[i]}\n batch  {actual}\n scalar {expected}");
        }
    }

    [Theory]
    [InlineData(BatchVectorWidth.Auto)]
    [InlineData(BatchVectorWidth.Vector256)]
    public void A_typical_book_with_scattered_tail_options_keeps_the_scalar_bits(BatchVectorWidth width)
    {
        // A book like the benchmark's (near the money, σ√T < 0.84), so most vectors lie entirely in the series region;
        // a third of the blocks of eight get one deep out-of-the-money or long-dated option at a random place, so that
        // vectors that need the other regions sit next to ones that skip them.
        const int seed = 20261122;
        const int count = BlackScholesBatch.ChunkLength + 61;
        var rng = new Random(seed);
        var (types, spot, strike, expiry, rate, dividend, vol) = NewColumns(count);
        for (var i = 0; i < count; i++)
        {
            types[i] = rng.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            spot[i] = 100;
            strike[i] = 70 + (60 * rng.NextDouble());
            expiry[i] = 0.05 + (1.95 * rng.NextDouble());
            rate[i] = 0.08 * rng.NextDouble();
            dividend[i] = 0.04 * rng.NextDouble();
            vol[i] = 0.1 + (0.5 * rng.NextDouble());
            if (i % 8 == 0 && rng.Next(3) == 0)
            {
                var j = Math.Min(count - 1, i + rng.Next(8));
                (strike[j], expiry[j], vol[j]) = rng.Next(2) == 0 ? (400.0, 0.1, 0.15) : (100.0, 4.0, 0.9);
            }
        }

        var input = new BlackScholesBatchInput(types, spot, strike, expiry, rate, dividend, vol);
        var buffers = new GuardedBuffers(count, includeSecondOrder: false);
        BlackScholesBatch.Evaluate(input, buffers.Output, 1, width);
        buffers.AssertGuardsIntact($"seed {seed}, width {width}");
        var o = buffers.Output;
        for (var i = 0; i < count; i++)
        {
            var expected = BlackScholesMerton.Greeks(input[i]);
            Assert.True(
                SixBits(expected.Price, expected.Delta, expected.Gamma, expected.Vega, expected.Theta, expected.Rho) ==
                    SixBits(o.Price.Span[i], o.Delta.Span[i], o.Gamma.Span[i], o.Vega.Span[i], o.Theta.Span[i], o.Rho.Span[i]),
                $"seed {seed}, width {width}, item {i}: {input[i]}");
        }
    }

    private static (long, long, long, long, long, long) SixBits(double a, double b, double c, double d, double e, double f) => (
        BitConverter.DoubleToInt64Bits(a),
        BitConverter.DoubleToInt64Bits(b),
        BitConverter.DoubleToInt64Bits(c),
        BitConverter.DoubleToInt64Bits(d),
        BitConverter.DoubleToInt64Bits(e),
        BitConverter.DoubleToInt64Bits(f));

    [Fact]
    public void Invalid_item_is_reported_with_index_and_field_and_nothing_is_written()
    {
        var input = RandomInput(Count);
        var vol = input.Volatility.ToArray();
        var spot = input.Spot.ToArray();
        vol[1500] = -0.2;
        spot[1800] = double.NaN; // a later bad item must not be the one reported
        var bad = new BlackScholesBatchInput(input.Types, spot, input.Strike, input.ExpiryYears, input.Rate, input.DividendYield, vol);
        var buffers = new GuardedBuffers(Count, includeSecondOrder: true);
        var e = Assert.Throws<PricingInputException>(() => BlackScholesBatch.Evaluate(bad, buffers.Output, -1));
        Assert.Equal("sigma", e.Field);
        Assert.Contains("item 1500", e.Message, StringComparison.Ordinal);
        Assert.Contains("-0.2", e.Message, StringComparison.Ordinal);
        buffers.AssertAllSentinel();
    }

    [Fact]
    public void Invalid_option_type_is_reported()
    {
        var input = RandomInput(10);
        var types = input.Types.ToArray();
        types[3] = (OptionType)7;
        var bad = new BlackScholesBatchInput(types, input.Spot, input.Strike, input.ExpiryYears, input.Rate, input.DividendYield, input.Volatility);
        var e = Assert.Throws<PricingInputException>(() => BlackScholesBatch.Evaluate(bad, BlackScholesBatchOutput.Allocate(10, false), 1));
        Assert.Equal("type", e.Field);
        Assert.Contains("item 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_lengths_and_thread_counts_are_rejected()
    {
        var input = RandomInput(10);
        Assert.Throws<ArgumentException>(() => new BlackScholesBatchInput(
            input.Types, input.Spot, input.Strike[..9], input.ExpiryYears, input.Rate, input.DividendYield, input.Volatility));
        Assert.Throws<ArgumentException>(() => BlackScholesBatch.Evaluate(input, BlackScholesBatchOutput.Allocate(9, false), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlackScholesBatch.Evaluate(input, BlackScholesBatchOutput.Allocate(10, false), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlackScholesBatch.Evaluate(input, BlackScholesBatchOutput.Allocate(10, false), -2));
        var output = new BlackScholesBatchOutput(new double[10], new double[10], new double[10], new double[10], new double[10], new double[10])
        {
            Vanna = new double[3],
        };
        Assert.Throws<ArgumentException>(() => BlackScholesBatch.Evaluate(input, output, 1));
    }

    [Fact]
    public void Empty_batch_is_a_no_op()
    {
        var input = RandomInput(0);
        BlackScholesBatch.Evaluate(input, BlackScholesBatchOutput.Allocate(0, true), -1);
    }

    private static (OptionType[] Types, double[] Spot, double[] Strike, double[] Expiry, double[] Rate, double[] Dividend, double[] Vol)
        NewColumns(int count) =>
        (new OptionType[count], new double[count], new double[count], new double[count], new double[count], new double[count], new double[count]);

    /// <summary>Options spread over all kernel regions, so that vectors mix lanes taking different formulas.</summary>
    private static BlackScholesBatchInput RandomInput(int count)
    {
        var rng = new Random(Seed);
        var (types, spot, strike, expiry, rate, dividend, vol) = NewColumns(count);
        for (var i = 0; i < count; i++)
        {
            types[i] = rng.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            spot[i] = 10 + (190 * rng.NextDouble());
            expiry[i] = Math.Pow(10, -3 + (4 * rng.NextDouble()));
            vol[i] = Math.Pow(10, -3 + (3.5 * rng.NextDouble()));
            var stdDevs = rng.Next(4) switch
            {
                0 => rng.NextDouble() - 0.5,
                1 => 6 * (rng.NextDouble() - 0.5),
                2 => 60 * (rng.NextDouble() - 0.5),
                _ => 4000 * (rng.NextDouble() - 0.5),
            };
            strike[i] = spot[i] * Math.Exp(Math.Clamp(stdDevs * vol[i] * Math.Sqrt(expiry[i]), -600.0, 600.0));
            rate[i] = -0.02 + (0.15 * rng.NextDouble());
            dividend[i] = rng.Next(3) == 0 ? 0.0 : 0.08 * rng.NextDouble();
        }

        return new BlackScholesBatchInput(types, spot, strike, expiry, rate, dividend, vol);
    }

    private static (long, long, long, long, long, long, long, long, long, long) Bits(OptionGreeks g) => (
        BitConverter.DoubleToInt64Bits(g.Price),
        BitConverter.DoubleToInt64Bits(g.Delta),
        BitConverter.DoubleToInt64Bits(g.Gamma),
        BitConverter.DoubleToInt64Bits(g.Vega),
        BitConverter.DoubleToInt64Bits(g.Theta),
        BitConverter.DoubleToInt64Bits(g.Rho),
        BitConverter.DoubleToInt64Bits(g.DividendRho),
        BitConverter.DoubleToInt64Bits(g.Vanna),
        BitConverter.DoubleToInt64Bits(g.Volga),
        BitConverter.DoubleToInt64Bits(g.Charm));

    /// <summary>Ten output arrays with <see cref="Guard"/> sentinel cells before and after the window handed to the batch.</summary>
    private sealed class GuardedBuffers
    {
        private readonly double[][] _arrays;
        private readonly int _count;

        public GuardedBuffers(int count, bool includeSecondOrder)
        {
            _count = count;
            _arrays = Enumerable.Range(0, 10).Select(_ => Enumerable.Repeat(Sentinel, count + (2 * Guard)).ToArray()).ToArray();
            Memory<double> Window(int k) => _arrays[k].AsMemory(Guard, count);
            Output = new BlackScholesBatchOutput(Window(0), Window(1), Window(2), Window(3), Window(4), Window(5))
            {
                DividendRho = includeSecondOrder ? Window(6) : Memory<double>.Empty,
                Vanna = includeSecondOrder ? Window(7) : Memory<double>.Empty,
                Volga = includeSecondOrder ? Window(8) : Memory<double>.Empty,
                Charm = includeSecondOrder ? Window(9) : Memory<double>.Empty,
            };
            IncludeSecondOrder = includeSecondOrder;
        }

        public BlackScholesBatchOutput Output { get; }

        private bool IncludeSecondOrder { get; }

        public OptionGreeks Item(int i)
        {
            double At(int k) => _arrays[k][Guard + i];
            return new OptionGreeks(At(0), At(1), At(2), At(3), At(4), At(5), At(6), At(7), At(8), At(9));
        }

        public void AssertGuardsIntact(string why)
        {
            for (var k = 0; k < _arrays.Length; k++)
            {
                var array = _arrays[k];
                for (var j = 0; j < Guard; j++)
                {
                    Assert.True(IsSentinel(array[j]) && IsSentinel(array[Guard + _count + j]), $"array {k}: write outside the window; {why}");
                }

                if (k >= 6 && !IncludeSecondOrder)
                {
                    Assert.True(array.All(IsSentinel), $"optional array {k} was written although not requested; {why}");
                }
            }
        }

        public void AssertAllSentinel() =>
            Assert.True(_arrays.All(a => a.All(IsSentinel)), "output was written although validation failed");

        private static bool IsSentinel(double value) =>
            BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(Sentinel);
    }
}
