using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using static Assay.Pricing.Tests.MonteCarlo.PathDependentSpecs;

namespace Assay.Pricing.Tests.MonteCarlo;

/// <summary>The path-dependent payoffs keep the engine's verification structure: same bits for any thread count and lane width, any batch alone.</summary>
public class PathDependentDeterminismTests
{
    // 1 full batch and a ragged one whose length (1,003) is not a multiple of any lane width.
    private const long RaggedPaths = MonteCarloEngine.BatchPaths + 1003;

    public static TheoryData<string, bool> Payoffs => new()
    {
        { "arithmetic-asian", false },
        { "geometric-asian", true },
        { "barrier-continuous", false },
        { "barrier-discrete", true },
        { "barrier-up-in-continuous", true },
        { "fixed-lookback-continuous", false },
        { "floating-lookback-continuous", true },
        { "floating-lookback-discrete", false },
    };

    [Theory]
    [MemberData(nameof(Payoffs))]
    public void Totals_and_batches_are_identical_for_one_two_and_all_threads_and_every_lane_width(string name, bool antithetic)
    {
        const ulong seed = 0x5EED_2026;
        const int steps = 6;
        var paths = antithetic ? RaggedPaths + 1 : RaggedPaths;
        var payoff = Payoff(name);
        var reference = MonteCarloEngine.Run(Spec(payoff, 100, 1, 0.03, 0.01, 0.3, paths, steps, seed, antithetic, 1, BatchVectorWidth.Scalar));
        foreach (var threads in new[] { 1, 2, -1 })
        {
            foreach (var width in new[] { BatchVectorWidth.Scalar, BatchVectorWidth.Vector256, BatchVectorWidth.Vector512, BatchVectorWidth.Auto })
            {
                var spec = Spec(payoff, 100, 1, 0.03, 0.01, 0.3, paths, steps, seed, antithetic, threads, width);
                var run = MonteCarloEngine.Run(spec);
                var context = $"seed {seed}, {name}, antithetic {antithetic}, steps {steps}, threads {threads}, width {width}";
                Assert.True(reference.Totals == run.Totals, context);
                Assert.Equal(reference.Batches, run.Batches);
                Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Price), BitConverter.DoubleToInt64Bits(run.Price));
                Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Vega), BitConverter.DoubleToInt64Bits(run.Vega));
                Assert.True(run.Batches[1] == MonteCarloEngine.EvaluateBatch(spec, 1, width), "batch alone: " + context);
            }
        }

        Assert.True(reference.Price > 0 && reference.Totals.Vega.ScaledSum != 0, $"seed {seed}, {name}: degenerate sums");
    }

    private static PayoffSpec Payoff(string name) => name switch
    {
        "arithmetic-asian" => new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Call, 100, FixingCount: 3),
        "geometric-asian" => new PayoffSpec(PayoffKind.GeometricAsian, OptionType.Put, 100, FixingCount: 6),
        "barrier-continuous" => Barrier(OptionType.Call, BarrierType.DownOut, 100, 90, 2.0, PathMonitoring.Continuous),
        "barrier-discrete" => Barrier(OptionType.Put, BarrierType.DownIn, 100, 90, 1.0, PathMonitoring.Discrete),
        "barrier-up-in-continuous" => Barrier(OptionType.Call, BarrierType.UpIn, 100, 115, 1.0, PathMonitoring.Continuous),
        "fixed-lookback-continuous" => new PayoffSpec(PayoffKind.FixedLookback, OptionType.Call, 105),
        "floating-lookback-continuous" => new PayoffSpec(PayoffKind.FloatingLookback, OptionType.Put, 1),
        "floating-lookback-discrete" => new PayoffSpec(PayoffKind.FloatingLookback, OptionType.Call, 1, Monitoring: PathMonitoring.Discrete),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown payoff"),
    };
}
