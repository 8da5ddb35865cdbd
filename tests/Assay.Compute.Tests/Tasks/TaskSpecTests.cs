using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.SpotCheck;

namespace Assay.Compute.Tests.Tasks;

public sealed class TaskSpecTests
{
    public static TheoryData<string> GoldenNames => new() { "montecarlo", "pricebook" };

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Encoding_and_task_id_match_the_independent_python_vectors(string name)
    {
        var row = File.ReadAllLines(TaskFixtures.DataPath("golden_specs.csv")).Skip(1).Select(l => l.Split(',')).Single(r => r[0] == name);
        var spec = name == "montecarlo" ? TaskFixtures.MonteCarloSpec() : TaskFixtures.PriceBookSpec();
        Assert.Equal(row[1], Convert.ToHexStringLower(CanonicalEncoding.Encode(spec)));
        Assert.Equal(Hash256.Parse(row[2]), spec.TaskId);
    }

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Golden_bytes_decode_to_a_spec_that_reencodes_identically(string name)
    {
        var row = File.ReadAllLines(TaskFixtures.DataPath("golden_specs.csv")).Skip(1).Select(l => l.Split(',')).Single(r => r[0] == name);
        var bytes = Convert.FromHexString(row[1]);
        var spec = CanonicalEncoding.Decode<TaskSpec>(bytes);
        Assert.Equal(bytes, CanonicalEncoding.Encode(spec));
        Assert.Equal(row[2], spec.TaskId.ToString());
        var computation = TaskKindRegistry.Default.Get(spec.Kind).Prepare(spec);
        Assert.Equal(spec.ItemCount, computation.ItemCount);
    }

    [Fact]
    public void Every_field_changes_the_task_id()
    {
        var baseline = TaskFixtures.MonteCarloSpec();
        var ids = new HashSet<Hash256>
        {
            baseline.TaskId,
            TaskFixtures.MonteCarloSpec(seed: 1).TaskId,
            TaskFixtures.MonteCarloSpec(engineVersion: EngineVersion.Current + 1).TaskId,
            TaskFixtures.MonteCarloSpec(uniform: 9).TaskId,
            TaskFixtures.MonteCarloSpec(TaskFixtures.EuropeanInputs(antithetic: true)).TaskId,
            TaskFixtures.MonteCarloSpec(TaskFixtures.EuropeanInputs(paths: 10_002)).TaskId,
            new TaskSpec(baseline.Kind, baseline.EngineVersion, baseline.Inputs, baseline.ItemCount, baseline.Seed, baseline.Policy, baseline.FeeMinorUnits + 1, baseline.DeadlineUnixMs).TaskId,
            new TaskSpec(baseline.Kind, baseline.EngineVersion, baseline.Inputs, baseline.ItemCount, baseline.Seed, baseline.Policy, baseline.FeeMinorUnits, baseline.DeadlineUnixMs + 1).TaskId,
            new TaskSpec(baseline.Kind, baseline.EngineVersion, baseline.Inputs, baseline.ItemCount, baseline.Seed, baseline.Policy with { ToleranceZ = 2.0 }, baseline.FeeMinorUnits, baseline.DeadlineUnixMs).TaskId,
            new TaskSpec(baseline.Kind, baseline.EngineVersion, baseline.Inputs, baseline.ItemCount, baseline.Seed, baseline.Policy with { BondMinorUnits = 1 }, baseline.FeeMinorUnits, baseline.DeadlineUnixMs).TaskId,
        };
        Assert.Equal(10, ids.Count);
    }

    public static TheoryData<string, Func<TaskSpec>> InvalidSpecs => new()
    {
        { "kind", () => new TaskSpec(0, 1, [1], 1, 0, Policy(), 0, 0) },
        { "engine_version", () => new TaskSpec(1, 0, [1], 1, 0, Policy(), 0, 0) },
        { "inputs", () => new TaskSpec(1, 1, [], 1, 0, Policy(), 0, 0) },
        { "item_count", () => new TaskSpec(1, 1, [1], 0, 0, Policy(), 0, 0) },
        { "replication", () => new TaskSpec(1, 1, [1], 1, 0, Policy() with { Replication = 0 }, 0, 0) },
        { "quorum", () => new TaskSpec(1, 1, [1], 1, 0, Policy() with { Quorum = 4 }, 0, 0) },
        { "spot_checks", () => new TaskSpec(1, 1, [1], 1, 0, Policy() with { SpotChecks = new SpotCheckPolicy(-1, 0, 0) }, 0, 0) },
        { "tolerance_z", () => new TaskSpec(1, 1, [1], 1, 0, Policy() with { ToleranceZ = double.NaN }, 0, 0) },
        { "deadline", () => new TaskSpec(1, 1, [1], 1, 0, Policy(), 0, -1) },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public void Validation_names_the_field(string field, Func<TaskSpec> create)
    {
        var e = Assert.Throws<TaskSpecException>(create);
        Assert.Equal(field, e.Field);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_count_that_does_not_match_the_inputs_is_refused_by_the_kind()
    {
        var good = TaskFixtures.MonteCarloSpec();
        var bad = new TaskSpec(good.Kind, good.EngineVersion, good.Inputs, good.ItemCount + 1, good.Seed, good.Policy, 0, 0);
        Assert.Equal("item_count", Assert.Throws<TaskSpecException>(() => MonteCarloKind.Instance.Prepare(bad)).Field);
        var book = TaskFixtures.PriceBookSpec();
        var wrongKind = new TaskSpec(TaskKindIds.MonteCarlo, book.EngineVersion, book.Inputs, book.ItemCount, 0, book.Policy, 0, 0);
        Assert.Equal("inputs", Assert.Throws<TaskSpecException>(() => MonteCarloKind.Instance.Prepare(wrongKind)).Field);
        Assert.Equal("kind", Assert.Throws<TaskSpecException>(() => TaskKindRegistry.Default.Get(77)).Field);
    }

    [Fact]
    public void Decoding_refuses_invalid_or_truncated_bytes_with_the_format_exception_only()
    {
        var bytes = CanonicalEncoding.Encode(TaskFixtures.MonteCarloSpec());
        for (var length = 0; length < bytes.Length; length++)
        {
            var cut = bytes[..length];
            Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<TaskSpec>(cut));
        }

        Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<TaskSpec>([.. bytes, 0]));

        // Every single-byte flip either fails with the typed exception or decodes to a spec that re-encodes to the flipped bytes.
        var random = new Random(20261121);
        for (var trial = 0; trial < 2000; trial++)
        {
            var flipped = (byte[])bytes.Clone();
            var at = random.Next(flipped.Length);
            flipped[at] ^= (byte)(1 << random.Next(8));
            try
            {
                var spec = CanonicalEncoding.Decode<TaskSpec>(flipped);
                Assert.True(flipped.AsSpan().SequenceEqual(CanonicalEncoding.Encode(spec)), $"seed 20261121 trial {trial} byte {at}");
            }
            catch (CanonicalFormatException)
            {
            }
        }
    }

    private static VerificationPolicy Policy() => new(3, 2, new SpotCheckPolicy(4, 4, 1), 3.0, 10, 10);
}
