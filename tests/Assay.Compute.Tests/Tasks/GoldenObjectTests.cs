using System.Globalization;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Numerics.FixedPoint;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Compute.Tests.Tasks;

/// <summary>Frozen preimages from tests/data/compute/generate_golden_objects.py (Python hashlib, synthetic inputs).</summary>
public sealed class GoldenObjectTests
{
    private static readonly Int128[] Sums = Enumerable.Range(0, 9)
        .Select(i => (Int128)(i - 4) * 123456789012345)
        .Select((s, i) => i % 2 == 1 ? Int128.Abs(s) : s)
        .ToArray();

    private static string[] Row(string name) =>
        File.ReadAllLines(TaskFixtures.DataPath("golden_objects.csv")).Skip(1).Select(l => l.Split(',')).Single(r => r[0] == name);

    [Fact]
    public void Monte_Carlo_leaf_hash_covers_the_batch_sums_and_has_no_separate_payload_hash()
    {
        var row = Row("mc_leaf");
        FixedPointAccumulator F(int i) => FixedPointAccumulator.FromScaledSum(FixedPointScale.Medium, Sums[i], 4096);
        var batch = new BatchSums(F(0), F(1), F(2), F(3), F(4), F(5), F(6), F(7), F(8));
        var bytes = new byte[BatchSums.EncodedLength];
        batch.WriteTo(bytes);
        Assert.Equal(row[1], Convert.ToHexStringLower(bytes));
        var leaf = MonteCarloKind.LeafOf(batch);
        Assert.Equal(Hash256.Zero, leaf.PayloadHash);
        Assert.Equal(Hash256.Parse(row[2]), MerkleSumHash.Leaf(5, leaf));
        Assert.Equal(new LaneSums(4096, Sums), leaf.Sums);
    }

    [Fact]
    public void Task_result_encoding_and_hash_are_frozen()
    {
        var row = Row("task_result");

        // Engine version 1 is a synthetic field value like the others, not EngineVersion.Current: the vector freezes the
        // encoding, which is the same for every version, and must not change when the engine version moves.
        var root = new MerkleSumRoot(new Hash256(Enumerable.Range(32, 32).Select(i => (byte)i).ToArray()), 3, new LaneSums(12288, Sums));
        var result = new TaskResult(
            new Hash256(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()), 1, 3, root, new TaskAggregate(("price", 10.5), ("stderr", 0.125)), TaskFixtures.Node, []);
        Assert.Equal(row[1], Convert.ToHexStringLower(CanonicalEncoding.Encode(result)));
        Assert.Equal(Hash256.Parse(row[2]), CanonicalEncoding.Hash(result));
        Assert.Equal(CanonicalEncoding.Encode(result), CanonicalEncoding.Encode(CanonicalEncoding.Decode<TaskResult>(Convert.FromHexString(row[1]))));
    }

    [Fact]
    public void Compute_type_tags_are_distinct_in_the_reserved_range_and_hash_tags_follow_the_pattern()
    {
        (ushort Tag, string HashTag, byte Version)[] types =
        [
            (TaskSpec.TypeTag, TaskSpec.HashTag, TaskSpec.FormatVersion),
            (TaskResult.TypeTag, TaskResult.HashTag, TaskResult.FormatVersion),
            (MonteCarloInputs.TypeTag, MonteCarloInputs.HashTag, MonteCarloInputs.FormatVersion),
            (PriceBookInputs.TypeTag, PriceBookInputs.HashTag, PriceBookInputs.FormatVersion),
        ];
        Assert.Equal(types.Length, types.Select(t => t.Tag).Distinct().Count());
        Assert.Equal(types.Length, types.Select(t => t.HashTag).Distinct().Count());
        Assert.All(types, t => Assert.InRange(t.Tag, 0x0200, 0x02FF));
        Assert.All(types, t => Assert.Matches($"^assay/[a-z-]+/v{t.Version.ToString(CultureInfo.InvariantCulture)}$", t.HashTag));
    }
}
