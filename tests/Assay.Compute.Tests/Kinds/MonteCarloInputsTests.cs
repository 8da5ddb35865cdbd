using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;
using Xunit.Abstractions;

namespace Assay.Compute.Tests.Kinds;

/// <summary>Heston, basket and American Monte Carlo tasks: golden bytes, decoding of untrusted bytes, validation, aggregation and verification.</summary>
public sealed class MonteCarloInputsTests(ITestOutputHelper output)
{
    public static TheoryData<string> GoldenNames => new() { "heston", "basket", "american" };

    public static TheoryData<string> Models => new() { "heston", "heston-euler-asian", "basket", "american" };

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Inputs_spec_bytes_and_task_id_match_the_independent_python_vectors(string name)
    {
        var row = MonteCarloInputsFixtures.GoldenRow(name);
        var spec = MonteCarloInputsFixtures.Spec(name);
        Assert.Equal(row[3], Convert.ToHexStringLower(MonteCarloInputsFixtures.Encode(MonteCarloInputsFixtures.For(name))));
        Assert.Equal(row[1], Convert.ToHexStringLower(CanonicalEncoding.Encode(spec)));
        Assert.Equal(row[2], spec.TaskId.ToString());
        Assert.Equal(row[4], spec.InputsHash.ToString());

        var decoded = CanonicalEncoding.Decode<MonteCarloInputs>(Convert.FromHexString(row[3]));
        Assert.Equal(row[3], Convert.ToHexStringLower(MonteCarloInputsFixtures.Encode(decoded)));
        Assert.Equal(MonteCarloInputsFixtures.For(name).Model.GetType(), decoded.Model.GetType());
    }

    [Fact]
    public void A_gbm_body_is_the_first_layout_plus_the_leaf_size()
    {
        // The format-1 Monte Carlo vector of golden_specs_v1.csv embeds the same GBM inputs as TaskFixtures.EuropeanInputs;
        // format 2 writes the same body (after the 3-byte header) followed by u32 paths_per_leaf.
        var v1 = File.ReadAllLines(TaskFixtures.DataPath("golden_specs_v1.csv")).Skip(1).Select(l => l.Split(',')).Single(r => r[0] == "montecarlo");
        var encoded = MonteCarloInputsFixtures.Encode(TaskFixtures.EuropeanInputs());
        Assert.Equal(MonteCarloEngine.BatchPaths, BitConverter.ToInt32(encoded, encoded.Length - 4));
        var body = Convert.ToHexStringLower(encoded[3..^4]);
        Assert.Contains(body, v1[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Aggregate_equals_MonteCarloEngine_Run_bit_for_bit(string name)
    {
        var inputs = MonteCarloInputsFixtures.For(name);
        var spec = MonteCarloInputsFixtures.Spec(name);
        var run = TaskRunner.Run(spec, TaskFixtures.Node);
        var direct = MonteCarloEngine.Run(inputs.ToSpec(MonteCarloInputsFixtures.Seed));
        var a = run.Result.Aggregate;
        var context = $"{name}: {Convert.ToHexStringLower(MonteCarloInputsFixtures.Encode(inputs))}, seed {MonteCarloInputsFixtures.Seed}";
        (string Field, double Direct)[] fields =
        [
            ("price", direct.Price), ("stderr", direct.StandardError), ("uncontrolled_price", direct.UncontrolledPrice),
            ("uncontrolled_stderr", direct.UncontrolledStandardError), ("delta", direct.Delta), ("delta_stderr", direct.DeltaStandardError),
            ("vega", direct.Vega), ("vega_stderr", direct.VegaStandardError), ("paths", direct.PathsUsed), ("samples", direct.Samples),
        ];
        foreach (var (field, value) in fields)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(a[field]), $"{context}: {field} {value:R} vs {a[field]:R}");
        }

        Assert.Equal(direct.Totals, MonteCarloKind.BatchSumsOf(run.Result.Root.Sums));
        Assert.Equal(direct.Batches.Count, run.Tree.LeafCount);
        for (var b = 0; b < direct.Batches.Count; b++)
        {
            Assert.Equal(MonteCarloKind.LeafOf(direct.Batches[b]), run.Tree.GetLeaf(b));
        }

        Assert.True(direct.Price > 0.0, context);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Verifier_accepts_an_honest_result_and_rejects_a_tampered_leaf(string name)
    {
        var spec = MonteCarloInputsFixtures.Spec(name);
        var run = TaskRunner.Run(spec, TaskFixtures.Node);
        var proof = TaskRunner.Prove(spec, run.Tree, TaskFixtures.ChallengeSeed);
        var honest = TaskVerifier.Verify(spec, run.Result, proof, TaskFixtures.ChallengeSeed);
        Assert.True(honest.IsValid, $"{name}: {honest}");

        // A node that shifts the payoff sum of one leaf and commits to it consistently (root, aggregate, openings).
        var kind = TaskKindRegistry.Default.Get(spec.Kind);
        var leaves = Enumerable.Range(0, (int)spec.ItemCount).Select(i => run.Tree.GetLeaf(i)).ToArray();
        var victim = leaves.Length - 1;
        var lanes = leaves[victim].Sums.Lanes.ToArray();
        lanes[0] += 1;
        leaves[victim] = leaves[victim] with { Sums = new LaneSums(leaves[victim].Sums.Count, lanes) };
        var tree = MerkleSumTree.Build(kind.Layout, leaves);
        var forged = new TaskResult(spec.TaskId, spec.EngineVersion, spec.ItemCount, tree.Root, kind.Prepare(spec).Reduce(tree.Root.Sums), TaskFixtures.Node, []);
        var verdict = TaskVerifier.Verify(spec, forged, TaskRunner.Prove(spec, tree, TaskFixtures.ChallengeSeed), TaskFixtures.ChallengeSeed);
        Assert.Equal(TaskRejection.SpotCheckFailed, verdict.Rejection);
        Assert.Equal(SpotCheckRejection.LeafMismatch, verdict.SpotCheck!.Value.Rejection);
        Assert.Equal(victim, verdict.SpotCheck!.Value.LeafIndex);
    }

    public static TheoryData<string, Func<MonteCarloInputs>> InvalidInputs => new()
    {
        { "kappa", () => MonteCarloInputsFixtures.Heston() with { Model = new HestonModel(100.0, 1.0, 0.03, 0.01, 0.04, 0.0, 0.05, 0.5, -0.7) } },
        { "sigma_v", () => MonteCarloInputsFixtures.Heston() with { Model = new HestonModel(100.0, 1.0, 0.03, 0.01, 0.04, 1.5, 0.05, 9.0, -0.7) } },
        { "rho", () => MonteCarloInputsFixtures.Heston() with { Model = new HestonModel(100.0, 1.0, 0.03, 0.01, 0.04, 1.5, 0.05, 0.5, -1.5) } },
        { "v0", () => MonteCarloInputsFixtures.Heston() with { Model = new HestonModel(100.0, 1.0, 0.03, 0.01, -0.04, 1.5, 0.05, 0.5, -0.7) } },
        { "payoff", () => MonteCarloInputsFixtures.Heston(payoff: new PayoffSpec(PayoffKind.American, OptionType.Put, 95.0)) },
        { "payoff", () => MonteCarloInputsFixtures.Basket() with { Payoff = new PayoffSpec(PayoffKind.European, OptionType.Call, 140.0) } },
        { "payoff", () => TaskFixtures.EuropeanInputs() with { Payoff = new PayoffSpec(PayoffKind.Basket, OptionType.Call, 100.0) } },
        { "correlation", () => MonteCarloInputsFixtures.Basket(MonteCarloInputsFixtures.BasketModel([1.0, 0.9, 0.9, 0.9, 1.0, -0.9, 0.9, -0.9, 1.0])) },
        { "correlation", () => MonteCarloInputsFixtures.Basket(MonteCarloInputsFixtures.BasketModel([1.0, 0.5, 0.5, 1.0])) },
        { "weight", () => MonteCarloInputsFixtures.Basket(MonteCarloInputsFixtures.BasketModel(weights: [-1.0, 0.0, 0.0])) },
        { "S", () => MonteCarloInputsFixtures.Basket(new BasketModel([], [], [], [], [], 1.0, 0.0)) },
        { "steps", () => MonteCarloInputsFixtures.American(steps: 6_000) },
        { "K", () => MonteCarloInputsFixtures.American() with { Payoff = new PayoffSpec(PayoffKind.American, OptionType.Put, -40.0) } },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Validation_names_the_field_as_the_cli_spells_it(string field, Func<MonteCarloInputs> create)
    {
        var inputs = create();
        var e = Assert.Throws<TaskSpecException>(inputs.Validate);
        Assert.True(e.Field == field || e.Field.StartsWith(field + "[", StringComparison.Ordinal), $"expected field {field}, got {e.Field}: {e.Message}");
    }

    [Fact]
    public void American_settings_other_than_the_engines_are_refused_when_decoding()
    {
        var bytes = MonteCarloInputsFixtures.Encode(MonteCarloInputsFixtures.American());

        // Header (3) + model (1 + 40) + payoff (1 + 1 + 8 + 4 + 1 + 8 + 8 + 1) = byte 76: basis size, then pilot paths.
        const int BasisAt = 3 + 41 + 32;
        Assert.Equal(4u, BitConverter.ToUInt32(bytes, BasisAt));
        Assert.Equal(8192u, BitConverter.ToUInt32(bytes, BasisAt + 4));
        foreach (var (offset, value) in new[] { (BasisAt, 5u), (BasisAt, 3u), (BasisAt + 4, 8200u), (BasisAt + 4, 65536u) })
        {
            var bad = (byte[])bytes.Clone();
            BitConverter.TryWriteBytes(bad.AsSpan(offset), value);
            var e = Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<MonteCarloInputs>(bad));
            Assert.Equal(BasisAt, e.Offset);
        }
    }

    [Fact]
    public void Decoding_untrusted_bytes_throws_only_the_format_exception()
    {
        const int Seed = 40213;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        byte[][] valid =
        [
            .. new[] { "heston", "heston-euler-asian", "basket", "american" }.Select(n => MonteCarloInputsFixtures.Encode(MonteCarloInputsFixtures.For(n))),
            MonteCarloInputsFixtures.Encode(TaskFixtures.EuropeanInputs()),
        ];
        var decoded = 0;
        var refused = 0;
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var input = Mutate(random, valid[random.Next(valid.Length)]);
            try
            {
                var again = MonteCarloInputsFixtures.Encode(CanonicalEncoding.Decode<MonteCarloInputs>(input));
                Assert.True(input.AsSpan().SequenceEqual(again), $"seed {Seed} iteration {iteration}: {Convert.ToHexStringLower(input)} decoded but re-encodes to {Convert.ToHexStringLower(again)}");
                decoded++;
            }
            catch (CanonicalFormatException)
            {
                refused++;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {Seed} iteration {iteration}: {Convert.ToHexStringLower(input)} threw {e.GetType().Name}: {e.Message}");
            }
        }

        output.WriteLine($"{decoded} mutants decoded and re-encoded exactly, {refused} refused");
        Assert.True(decoded > 0 && refused > 0, $"seed {Seed}: {decoded} decoded, {refused} refused");
    }

    [Fact]
    public void Basket_asset_count_is_bounded_before_allocating()
    {
        var bytes = MonteCarloInputsFixtures.Encode(MonteCarloInputsFixtures.Basket());

        // The asset count sits after the header (3), the model tag (1), T and r (16).
        const int CountAt = 3 + 1 + 16;
        Assert.Equal(3u, BitConverter.ToUInt32(bytes, CountAt));
        foreach (var count in new[] { 0u, 65u, 1_000_000u, uint.MaxValue })
        {
            var bad = (byte[])bytes.Clone();
            BitConverter.TryWriteBytes(bad.AsSpan(CountAt), count);
            Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<MonteCarloInputs>(bad));
        }
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        switch (random.Next(5))
        {
            case 0:
            case 1:
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 2:
                return bytes[..random.Next(bytes.Length)];
            case 3:
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            default:
                var at = random.Next(bytes.Length);
                return [.. bytes[..at], (byte)random.Next(256), .. bytes[at..]];
        }
    }
}
