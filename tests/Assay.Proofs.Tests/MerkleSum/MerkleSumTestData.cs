using System.Globalization;
using Assay.Numerics.FixedPoint;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Proofs.Tests.MerkleSum;

/// <summary>Layouts, golden files and random leaves shared by the Merkle-sum and spot-check tests.</summary>
public static class MerkleSumTestData
{
    /// <summary>The golden layout: payoff (signed, Fine), payoff_squared (non-negative, Medium), delta (signed, Coarse).</summary>
    public static MerkleSumLayout Layout { get; } = new(
        new MerkleSumLane("payoff", FixedPointScale.Fine, false),
        new MerkleSumLane("payoff_squared", FixedPointScale.Medium, true),
        new MerkleSumLane("delta", FixedPointScale.Coarse, false));

    /// <summary>The same lanes with payoff_squared declared signed: a verifier that forgets the non-negativity rule.</summary>
    public static MerkleSumLayout NaiveLayout { get; } = new(
        new MerkleSumLane("payoff", FixedPointScale.Fine, false),
        new MerkleSumLane("payoff_squared", FixedPointScale.Medium, false),
        new MerkleSumLane("delta", FixedPointScale.Coarse, false));

    public const int MassLane = 1;

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "data", "proofs", "merkle-sum");

    public static MerkleSumLeaf[] GoldenLeaves()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "leaves.csv"));
        return [.. lines.Skip(1).Select(line =>
        {
            var f = line.Split(',');
            var lanes = new[] { Int128.Parse(f[3], CultureInfo.InvariantCulture), Int128.Parse(f[4], CultureInfo.InvariantCulture), Int128.Parse(f[5], CultureInfo.InvariantCulture) };
            return new MerkleSumLeaf(Hash256.Parse(f[1]), new LaneSums(ulong.Parse(f[2], CultureInfo.InvariantCulture), lanes));
        })];
    }

    public static IReadOnlyDictionary<string, string> Vectors()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "vectors.csv"));
        return lines.Skip(1).Select(l => l.Split(',', 2)).ToDictionary(f => f[0], f => f[1]);
    }

    /// <summary>A random leaf obeying <see cref="Layout"/>: count 1 … 1000, |payoff| and payoff² up to 2^80, delta up to 2^60.</summary>
    public static MerkleSumLeaf RandomLeaf(Random random)
    {
        Span<byte> payload = stackalloc byte[Hash256.Length];
        random.NextBytes(payload);
        var count = (ulong)random.Next(1, 1001);
        var payoff = (Int128)random.NextInt64(long.MinValue, long.MaxValue) << random.Next(0, 17);
        var squared = (Int128)random.NextInt64(0, long.MaxValue) << random.Next(0, 17);
        var delta = (Int128)random.NextInt64(-(1L << 60), 1L << 60);
        return new MerkleSumLeaf(new Hash256(payload), new LaneSums(count, [payoff, squared, delta]));
    }

    public static MerkleSumLeaf[] RandomLeaves(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => RandomLeaf(random))];

    public static LaneSums Add(LaneSums left, LaneSums right)
    {
        var lanes = new Int128[left.LaneCount];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = left[i] + right[i];
        }

        return new LaneSums(left.Count + right.Count, lanes);
    }

    public static LaneSums WithLane(LaneSums sums, int lane, Int128 value)
    {
        var lanes = sums.Lanes.ToArray();
        lanes[lane] = value;
        return new LaneSums(sums.Count, lanes);
    }

    public static LaneSums Total(IEnumerable<MerkleSumLeaf> leaves) => leaves.Select(l => l.Sums).Aggregate(Add);

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
