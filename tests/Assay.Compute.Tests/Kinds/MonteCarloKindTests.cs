using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;

namespace Assay.Compute.Tests.Kinds;

public sealed class MonteCarloKindTests
{
    public static TheoryData<string> Cases => new()
    {
        "european", "european-antithetic", "asian-control", "barrier", "european-leaf-8", "antithetic-leaf-16", "asian-leaf-40", "barrier-leaf-default",
    };

    private static MonteCarloInputs InputsFor(string name) => name switch
    {
        "european" => TaskFixtures.EuropeanInputs(),
        "european-antithetic" => TaskFixtures.EuropeanInputs(paths: 9_000, antithetic: true),
        "asian-control" => new MonteCarloInputs(new GbmModel(100.0, 1.0, 0.05, 0.0, 0.3), new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Call, 100.0, FixingCount: 12), 8_500, 12, false),
        "barrier" => new MonteCarloInputs(new GbmModel(100.0, 0.5, 0.03, 0.01, 0.25), new PayoffSpec(PayoffKind.Barrier, OptionType.Put, 100.0, 0, BarrierType.DownOut, 80.0, 1.5), 6_000, 20, false),
        "european-leaf-8" => TaskFixtures.EuropeanInputs(paths: 5_003) with { PathsPerLeaf = 8 },
        "antithetic-leaf-16" => TaskFixtures.EuropeanInputs(paths: 9_000, antithetic: true) with { PathsPerLeaf = 16 },
        "asian-leaf-40" => InputsFor("asian-control") with { PathsPerLeaf = 40 },
        "barrier-leaf-default" => InputsFor("barrier") with { PathsPerLeaf = MonteCarloKind.DefaultPathsPerLeaf(InputsFor("barrier").Payoff, 20) },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Aggregate_equals_MonteCarloEngine_Run_bit_for_bit(string name)
    {
        var inputs = InputsFor(name);
        var spec = SpecOf(inputs, seed: 42);
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
        Assert.Equal(inputs.LeafCount, run.Tree.LeafCount);
        Assert.Equal((inputs.Paths + inputs.PathsPerLeaf - 1) / inputs.PathsPerLeaf, run.Tree.LeafCount);
        var mc = inputs.ToSpec(42);
        for (var i = 0L; i < run.Tree.LeafCount; i += Math.Max(1, run.Tree.LeafCount / 50))
        {
            var first = i * inputs.PathsPerLeaf;
            var count = (int)Math.Min(inputs.PathsPerLeaf, inputs.Paths - first);
            Assert.Equal(MonteCarloKind.LeafOf(MonteCarloEngine.EvaluateRange(mc, first, count)), run.Tree.GetLeaf(i));
        }

        if (inputs.PathsPerLeaf == MonteCarloEngine.BatchPaths)
        {
            for (var b = 0; b < direct.Batches.Count; b++)
            {
                Assert.Equal(MonteCarloKind.LeafOf(direct.Batches[b]), run.Tree.GetLeaf(b));
            }
        }
    }

    [Fact]
    public void Small_leaves_prove_and_verify_and_a_changed_leaf_is_caught()
    {
        const ulong seed = 7;
        var inputs = InputsFor("asian-leaf-40");
        var spec = SpecOf(inputs, seed, uniform: 12);
        var run = TaskRunner.Run(spec, TaskFixtures.Node);
        var proof = TaskRunner.Prove(spec, run.Tree, TaskFixtures.ChallengeSeed);
        var verdict = TaskVerifier.Verify(spec, run.Result, proof, TaskFixtures.ChallengeSeed);
        Assert.True(verdict.IsValid, $"seed {seed}, {inputs}: {verdict}");

        // Every leaf is opened when the uniform count covers the tree: a leaf changed and committed consistently is caught.
        var all = SpecOf(inputs, seed, uniform: (int)inputs.LeafCount);
        var leaves = Enumerable.Range(0, (int)inputs.LeafCount).Select(i => run.Tree.GetLeaf(i)).ToArray();
        var other = MonteCarloKind.LeafOf(MonteCarloEngine.EvaluateRange(inputs.ToSpec(seed + 1), 5 * 40, 40));
        leaves[5] = other;
        var forged = Assay.Proofs.MerkleSum.MerkleSumTree.Build(MonteCarloKind.Instance.Layout, leaves);
        var forgedResult = new TaskResult(all.TaskId, all.EngineVersion, all.ItemCount, forged.Root, MonteCarloKind.Instance.Prepare(all).Reduce(forged.Root.Sums), TaskFixtures.Node, []);
        var rejected = TaskVerifier.Verify(all, forgedResult, TaskRunner.Prove(all, forged, TaskFixtures.ChallengeSeed), TaskFixtures.ChallengeSeed);
        Assert.Equal(TaskRejection.SpotCheckFailed, rejected.Rejection);
    }

    [Fact]
    public void Item_count_must_be_the_leaf_count()
    {
        var inputs = TaskFixtures.EuropeanInputs(paths: 10_000) with { PathsPerLeaf = 64 };
        Assert.Equal(157L, inputs.LeafCount);
        var good = SpecOf(inputs, 1);
        Assert.Equal(157L, MonteCarloKind.Instance.Prepare(good).ItemCount);
        var wrong = new TaskSpec(good.Kind, good.EngineVersion, good.Inputs, 3, good.Seed, good.Policy, good.FeeMinorUnits, good.DeadlineUnixMs);
        Assert.Equal("item_count", Assert.Throws<TaskSpecException>(() => MonteCarloKind.Instance.Prepare(wrong)).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(12)]
    [InlineData(100)]
    [InlineData(4104)]
    [InlineData(-8)]
    public void Paths_per_leaf_outside_the_multiples_of_8_in_8_to_4096_is_refused_by_name(int pathsPerLeaf)
    {
        var inputs = TaskFixtures.EuropeanInputs() with { PathsPerLeaf = pathsPerLeaf };
        var e = Assert.Throws<TaskSpecException>(inputs.Validate);
        Assert.Equal("paths_per_leaf", e.Field);
        Assert.Contains("[8, 4096]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_per_leaf_is_the_trailing_u32_of_format_2_and_round_trips()
    {
        var a = TaskFixtures.EuropeanInputs() with { PathsPerLeaf = 16 };
        var b = TaskFixtures.EuropeanInputs() with { PathsPerLeaf = 4096 };
        var bytesA = CanonicalEncoding.Encode(a);
        var bytesB = CanonicalEncoding.Encode(b);
        Assert.Equal(2, bytesA[2]);
        Assert.Equal(bytesA.Length, bytesB.Length);
        Assert.Equal(16u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytesA.AsSpan(bytesA.Length - 4)));
        Assert.Equal(bytesA[..^4], bytesB[..^4]);
        Assert.Equal(a, CanonicalEncoding.Decode<MonteCarloInputs>(bytesA));
        bytesA[^4] = 12;
        Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<MonteCarloInputs>(bytesA));
        bytesA[^4] = 16;
        bytesA[^1] = 1;
        Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<MonteCarloInputs>(bytesA));
        Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<MonteCarloInputs>(bytesB[..^4]));
    }

    [Theory]
    [InlineData(PayoffKind.European, 1, 2048)]
    [InlineData(PayoffKind.European, 12, 512)]
    [InlineData(PayoffKind.ArithmeticAsian, 52, 128)]
    [InlineData(PayoffKind.ArithmeticAsian, 252, 16)]
    [InlineData(PayoffKind.Barrier, 252, 16)]
    [InlineData(PayoffKind.FloatingLookback, 50, 64)]
    [InlineData(PayoffKind.GeometricAsian, 100_000, 16)]
    public void Default_leaf_size_is_the_smallest_power_of_two_from_16_meeting_the_work_floor(PayoffKind kind, int steps, int expected)
    {
        var leaf = MonteCarloKind.DefaultPathsPerLeaf(new PayoffSpec(kind, OptionType.Call, 100.0), steps);
        var weight = kind is PayoffKind.Barrier or PayoffKind.FloatingLookback ? 2L : 1L;
        var context = $"{kind}, {steps} steps: leaf {leaf}";
        Assert.Equal(expected, leaf);
        Assert.True(leaf == 4096 || leaf * (steps + 2L) * weight >= MonteCarloKind.LeafWorkFloor, context);
        Assert.True(leaf == 16 || (leaf / 2) * (steps + 2L) * weight < MonteCarloKind.LeafWorkFloor, context);
    }

    [Fact]
    public void Result_does_not_depend_on_the_thread_count()
    {
        var spec = SpecOf(InputsFor("asian-leaf-40"), 0x0123456789ABCDEF);
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

    [Fact]
    public void American_options_get_one_leaf_per_engine_batch()
    {
        foreach (var steps in new[] { 1, 50, 252, 10_000 })
        {
            Assert.Equal(MonteCarloEngine.BatchPaths, MonteCarloKind.DefaultPathsPerLeaf(new PayoffSpec(PayoffKind.American, OptionType.Put, 100.0), steps));
        }
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    private static TaskSpec SpecOf(MonteCarloInputs inputs, ulong seed, int uniform = 8)
    {
        var policy = new VerificationPolicy(3, 2, new Assay.Proofs.SpotCheck.SpotCheckPolicy(uniform, 4, MonteCarloKind.PayoffSquaredLane), 3.0, 100, 5_000_000);
        return new TaskSpec(TaskKindIds.MonteCarlo, EngineVersion.Current, CanonicalEncoding.Encode(inputs), inputs.LeafCount, seed, policy, 250_000, 1_795_000_000_000);
    }
}
