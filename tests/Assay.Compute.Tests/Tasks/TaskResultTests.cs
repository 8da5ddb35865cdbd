using System.Text.Json;
using Assay.Compute.Tasks;
using Assay.Proofs.Canonical;

namespace Assay.Compute.Tests.Tasks;

public sealed class TaskResultTests
{
    [Fact]
    public void Canonical_encoding_round_trips_and_refuses_truncation()
    {
        var result = TaskRunner.Run(TaskFixtures.PriceBookSpec(), TaskFixtures.Node).Result;
        var bytes = CanonicalEncoding.Encode(result);
        var decoded = CanonicalEncoding.Decode<TaskResult>(bytes);
        Assert.Equal(bytes, CanonicalEncoding.Encode(decoded));
        Assert.Equal(result.Root, decoded.Root);
        Assert.Equal(result.Aggregate, decoded.Aggregate);
        Assert.True(decoded.Signature.IsEmpty);
        for (var length = 0; length < bytes.Length; length += 7)
        {
            var cut = bytes[..length];
            Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<TaskResult>(cut));
        }
    }

    [Fact]
    public void Json_has_lowercase_hex_hashes_and_named_aggregate_fields()
    {
        var spec = TaskFixtures.MonteCarloSpec();
        var result = TaskRunner.Run(spec, TaskFixtures.Node).Result;
        using var json = JsonDocument.Parse(TaskResultJson.Write(result));
        var root = json.RootElement;
        Assert.Equal(spec.TaskId.ToString(), root.GetProperty("task_id").GetString());
        var hash = root.GetProperty("root").GetProperty("hash").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(result.Root.Digest().ToString(), root.GetProperty("root").GetProperty("digest").GetString());
        Assert.Equal("0102030405060708090a0b0c0d0e0f1011121314", root.GetProperty("node").GetString());
        Assert.Equal(string.Empty, root.GetProperty("signature").GetString());
        var aggregate = root.GetProperty("aggregate");
        Assert.Equal(result.Aggregate["price"], aggregate.GetProperty("price").GetDouble());
        Assert.Equal(result.Aggregate["stderr"], aggregate.GetProperty("stderr").GetDouble());
        Assert.Equal(result.Aggregate["delta"], aggregate.GetProperty("delta").GetDouble());
        Assert.Equal(result.Aggregate["vega"], aggregate.GetProperty("vega").GetDouble());
        Assert.Equal(result.Root.Sums[1].ToString(System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("root").GetProperty("lanes")[1].GetString());
    }

    [Fact]
    public void Node_address_must_be_20_bytes()
    {
        var result = TaskRunner.Run(TaskFixtures.PriceBookSpec(), TaskFixtures.Node).Result;
        var e = Assert.Throws<TaskSpecException>(() => new TaskResult(result.TaskId, result.EngineVersion, result.ItemCount, result.Root, result.Aggregate, new byte[19], []));
        Assert.Equal("node", e.Field);
    }
}
