using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Xunit.Abstractions;

namespace Assay.Compute.Tests.Tasks;

/// <summary>Task specs that hold their inputs by content address: golden bytes, hash checks before use, decoding limits.</summary>
public sealed class TaskSpecInputsTests(ITestOutputHelper output)
{
    private const string Address = "book.bin";

    private static TaskSpec Referenced(string address = Address)
    {
        var inline = TaskFixtures.PriceBookSpec();
        return TaskSpec.Referencing(inline.Kind, inline.EngineVersion, inline.Inputs, address, inline.ItemCount, 0, inline.Policy, 99, 1_795_000_000_000);
    }

    private static string[] Row(string name) =>
        File.ReadAllLines(TaskFixtures.DataPath("golden_specs.csv")).Skip(1).Select(l => l.Split(',')).Single(r => r[0] == name);

    [Fact]
    public void Referenced_spec_matches_the_independent_python_vector()
    {
        var row = Row("pricebook-referenced");
        var spec = Referenced();
        Assert.Equal(row[1], Convert.ToHexStringLower(CanonicalEncoding.Encode(spec)));
        Assert.Equal(row[2], spec.TaskId.ToString());
        Assert.Equal(row[4], spec.InputsHash.ToString());
        Assert.Equal(row[3], Convert.ToHexStringLower(spec.Inputs));
        Assert.False(spec.InputsInline);
        Assert.Equal(Address, spec.InputsAddress);

        // The inline spec of the same book holds the same inputs hash but is another task.
        var inline = TaskFixtures.PriceBookSpec();
        Assert.Equal(inline.InputsHash, spec.InputsHash);
        Assert.True(inline.InputsInline);
        Assert.NotEqual(inline.TaskId, spec.TaskId);
    }

    [Fact]
    public void Decoded_referenced_spec_has_no_inputs_until_matching_content_is_attached()
    {
        var row = Row("pricebook-referenced");
        var bytes = Convert.FromHexString(row[1]);
        var spec = CanonicalEncoding.Decode<TaskSpec>(bytes);
        Assert.Equal(bytes, CanonicalEncoding.Encode(spec));
        Assert.False(spec.HasInputs);
        Assert.Equal("inputs", Assert.Throws<TaskSpecException>(() => spec.Inputs.Length).Field);
        Assert.Equal("inputs", Assert.Throws<TaskSpecException>(() => TaskRunner.Run(spec, TaskFixtures.Node)).Field);

        var content = Convert.FromHexString(row[3]);
        var resolved = spec.WithInputs(content);
        Assert.True(resolved.HasInputs);
        Assert.Equal(spec.TaskId, resolved.TaskId);
        Assert.Equal(bytes, CanonicalEncoding.Encode(resolved));

        // Runs and verifies like the inline spec; the result names the referenced spec's id.
        var run = TaskRunner.Run(resolved, TaskFixtures.Node);
        var inlineRun = TaskRunner.Run(TaskFixtures.PriceBookSpec(), TaskFixtures.Node);
        Assert.Equal(spec.TaskId, run.Result.TaskId);
        Assert.Equal(inlineRun.Result.Root, run.Result.Root);
        var proof = TaskRunner.Prove(resolved, run.Tree, TaskFixtures.ChallengeSeed);
        Assert.True(TaskVerifier.Verify(resolved, run.Result, proof, TaskFixtures.ChallengeSeed).IsValid);

        // A verifier without the content cannot check anything: the spec is unusable, not the result wrong.
        var verdict = TaskVerifier.Verify(spec, run.Result, proof, TaskFixtures.ChallengeSeed);
        Assert.Equal(TaskRejection.SpecInvalid, verdict.Rejection);
        Assert.Contains("inputs", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_that_does_not_match_the_hash_is_refused_naming_inputs()
    {
        var spec = CanonicalEncoding.Decode<TaskSpec>(CanonicalEncoding.Encode(Referenced()));
        var content = Convert.FromHexString(Row("pricebook-referenced")[3]);
        var flipped = (byte[])content.Clone();
        flipped[^1] ^= 1;
        var cases = new (string Name, byte[] Bytes)[]
        {
            ("one bit flipped", flipped),
            ("truncated", content[..^1]),
            ("extended", [.. content, 0]),
            ("empty", []),
            ("another book", CanonicalEncoding.Encode(new PriceBookInputs(TaskFixtures.GoldenBook().Positions[0]))),
        };
        foreach (var (name, bytes) in cases)
        {
            var e = Assert.Throws<TaskSpecException>(() => spec.WithInputs(bytes));
            Assert.True(e.Field == "inputs", $"{name}: field {e.Field}");
            Assert.Contains(spec.InputsHash.ToString(), e.Message, StringComparison.Ordinal);
        }

        // An inline spec accepts only its own bytes too.
        var inline = TaskFixtures.PriceBookSpec();
        Assert.Same(inline, inline.WithInputs(inline.Inputs));
        Assert.Equal("inputs", Assert.Throws<TaskSpecException>(() => inline.WithInputs(flipped)).Field);
    }

    public static TheoryData<string> BadAddresses => new() { string.Empty, "a\nb", "tab\there", new string('x', TaskSpec.MaxAddressBytes + 1), "\u0000", "\u0085next-line" };

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public void Addresses_are_bounded_utf8_without_control_characters(string address)
    {
        Assert.Equal("inputs", Assert.Throws<TaskSpecException>(() => Referenced(address)).Field);
    }

    [Fact]
    public void An_address_with_a_lone_surrogate_has_no_utf8_form_and_is_refused()
    {
        Assert.Equal("inputs", Assert.Throws<TaskSpecException>(() => Referenced("\ud800lone")).Field);
        Assert.Equal("inputs", Assert.Throws<TaskSpecException>(() => Referenced("end\udc00")).Field);
    }

    [Fact]
    public void Unicode_and_url_addresses_round_trip()
    {
        foreach (var address in new[] { "https://example.org/books/q3.bin", "bücher/β.bin", new string('y', TaskSpec.MaxAddressBytes) })
        {
            var spec = Referenced(address);
            var again = CanonicalEncoding.Decode<TaskSpec>(CanonicalEncoding.Encode(spec));
            Assert.Equal(address, again.InputsAddress);
            Assert.Equal(spec.TaskId, again.TaskId);
        }
    }

    [Fact]
    public void Format_1_specs_are_refused()
    {
        foreach (var line in File.ReadAllLines(TaskFixtures.DataPath("golden_specs_v1.csv")).Skip(1))
        {
            var bytes = Convert.FromHexString(line.Split(',')[1]);
            var e = Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<TaskSpec>(bytes));
            Assert.Equal(2, e.Offset);
        }
    }

    [Fact]
    public void Decoding_mutated_referenced_specs_throws_only_the_format_exception()
    {
        const int Seed = 770211;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        var valid = CanonicalEncoding.Encode(Referenced());
        var refused = 0;
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var input = (byte[])valid.Clone();
            switch (random.Next(3))
            {
                case 0:
                    input[random.Next(input.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    input = input[..random.Next(input.Length)];
                    break;
                default:
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                    break;
            }

            try
            {
                var spec = CanonicalEncoding.Decode<TaskSpec>(input);
                Assert.True(input.AsSpan().SequenceEqual(CanonicalEncoding.Encode(spec)), $"seed {Seed} iteration {iteration}: {Convert.ToHexStringLower(input)}");
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

        Assert.True(refused > 0, $"seed {Seed}");
    }

    [Fact]
    public void Inputs_hash_is_the_domain_separated_hash_of_the_bytes()
    {
        var spec = TaskFixtures.MonteCarloSpec();
        Assert.Equal(DomainHash.Compute(TaskSpec.InputsHashTag, spec.Inputs), spec.InputsHash);
        Assert.Equal(CanonicalEncoding.Encode(TaskFixtures.EuropeanInputs()), spec.Inputs.ToArray());
        Assert.Equal(spec.InputsHash, TaskSpec.HashInputs(CanonicalEncoding.Encode(MonteCarloKind.DecodeInputs(spec))));
    }
}
