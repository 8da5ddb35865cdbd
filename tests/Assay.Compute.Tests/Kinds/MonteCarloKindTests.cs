using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;

namespace Assay.Compute.Tests.Kinds;

public sealed class MonteCarloKindTests
{
    public static TheoryData<string> Cases => new() { "european", "european-antithetic", "asian-control", "barrier" };

    private static MonteCarloInputs InputsFor(string name) => name switch
    {
        "european" => TaskFixtures.EuropeanInputs(),
        "european-antithetic" => TaskFixtures.EuropeanInputs(paths: 9_000, antithetic: true),
        "asian-control" => new MonteCarloInputs(new GbmModel(100.0, 1.0, 0.05, 0.0, 0.3), new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Call, 100.0, FixingCount: 12), 8_500, 12, false),
        "barrier" => new MonteCarloInputs(new GbmModel(100.0, 0.5, 0.03, 0.01, 0.25), new PayoffSpec(PayoffKind.Barrier, OptionType.Put, 100.0, 0, BarrierType.DownOut, 80.0, 1.5), 6_000, 20, false),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Aggregate_equals_MonteCarloEngine_Run_bit_for_bit(string name)
    {
        var inputs = InputsFor(name);
        var spec = TaskFixtures.MonteCarloSpec(inputs, seed: 42);
        var run = TaskRunner.Run(spec, TaskFixtures.Node);
        var direct = MonteCarloEngine.Run(inputs.ToSpec(42));
        var a = run.Result.Aggregate;
        var context = $"{name}: {inputs}, seed 42";
        Assert.True(Bits(direct.Price) == Bits(a["price"]), $"{context}: price {direct.Price:R} vs {a["price"]:R}");
        Assert.True(Bits(direct.StandardError) == Bits(a["stderr"]), context);
        Assert.True(Bits(direct.UncontrolledPrice) == Bits(a["uncontrolled_price"]), context);
        Assert.True(Bits(direct.UncontrolledStandardError) == Bits(a["uncontrolled_stderr"]), context);
        Assert.True(Bits(direct.Delta) == Bits(a["delta"]), context);
        Assert.True(Bits(direct.DeltaStandardError) == Bits(a["delta_stderr"]), context);
        Assert.True(Bits(direct.Vega) == Bits(a["vega"]), context);
        Assert.True(Bits(direct.VegaStandardError) == Bits(a["vega_stderr"]), context);
        Assert.Equal(direct.PathsUsed, (long)a["paths"]);
        Assert.Equal(direct.Samples, (long)a["samples"]);
        Assert.Equal(direct.Totals, MonteCarloKind.BatchSumsOf(run.Result.Root.Sums));
        Assert.Equal(direct.Batches.Count, run.Tree.LeafCount);
        for (var b = 0; b < direct.Batches.Count; b++)
        {
            Assert.Equal(MonteCarloKind.LeafOf(direct.Batches[b]), run.Tree.GetLeaf(b));
        }
    }

    [Fact]
    public void Result_does_not_depend_on_the_thread_count()
    {
        var spec = TaskFixtures.MonteCarloSpec(InputsFor("asian-control"));
        var one = TaskRunner.Run(spec, TaskFixtures.Node, maxDegreeOfParallelism: 1).Result;
        var all = TaskRunner.Run(spec, TaskFixtures.Node, maxDegreeOfParallelism: -1).Result;
        Assert.Equal(CanonicalEncoding.Encode(one), CanonicalEncoding.Encode(all));
    }

    [Fact]
    public void Layout_marks_exactly_the_squares_non_negative_at_the_batch_scale()
    {
        var lanes = MonteCarloKind.Instance.Layout.Lanes;
        Assert.Equal(BatchSums.FieldCount, lanes.Count);
        Assert.Equal([false, true, false, true, false, true, false, true, false], lanes.Select(l => l.IsNonNegative));
        Assert.All(lanes, l => Assert.Equal(BatchSums.Scale, l.Scale));
    }

    [Fact]
    public void Unsupported_payloads_and_out_of_range_inputs_are_refused_with_field_names()
    {
        var hestonAmerican = new MonteCarloInputs(
            new HestonModel(100.0, 1.0, 0.05, 0.0, 0.04, 1.5, 0.04, 0.5, -0.7), new PayoffSpec(PayoffKind.American, OptionType.Put, 100.0), 10_000, 50, false);
        Assert.Equal("payoff", Assert.Throws<TaskSpecException>(hestonAmerican.Validate).Field);
        var badSigma = new MonteCarloInputs(new GbmModel(100.0, 1.0, 0.05, 0.0, -0.2), new PayoffSpec(PayoffKind.European, OptionType.Put, 100.0), 10_000, 1, false);
        Assert.Equal("sigma", Assert.Throws<TaskSpecException>(badSigma.Validate).Field);
        Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<MonteCarloInputs>(CanonicalEncoding.Encode(badSigma)));
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
