using Assay.Proofs.Canonical;
using Assay.Proofs.Merkle;
using Xunit.Abstractions;

namespace Assay.Proofs.Tests.Canonical;

/// <summary>
/// Fuzz target run as a unit test: random bytes and random mutations (bit flips, truncations, insertions, deletions,
/// overwrites) of valid encodings either decode to a value that re-encodes to exactly the same bytes, or throw
/// <see cref="CanonicalFormatException"/>; never anything else. Bounded iterations; the seed is printed and in every message.
/// </summary>
public class CanonicalFuzzTests(ITestOutputHelper output)
{
    private const int Iterations = 4000;

    [Fact]
    public void Fuzz_record_decoder_round_trips_or_throws_the_format_exception()
    {
        const int Seed = 20240611;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        var seeds = Enumerable.Range(0, 32).Select(_ => CanonicalEncoding.Encode(FuzzRecord.Random(random, 3))).ToArray();
        Run<FuzzRecord>(random, Seed, seeds);
    }

    [Fact]
    public void Inclusion_proof_decoder_round_trips_or_throws_the_format_exception()
    {
        const int Seed = 6962;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        var tree = MerkleTree.Build([.. Enumerable.Range(0, 37).Select(i => MerkleTree.HashLeaf(BitConverter.GetBytes(i)))]);
        var seeds = Enumerable.Range(0, 37).Select(i => CanonicalEncoding.Encode(tree.ProveInclusion(i))).ToArray();
        Run<InclusionProof>(random, Seed, seeds);
    }

    [Fact]
    public void Consistency_proof_decoder_round_trips_or_throws_the_format_exception()
    {
        const int Seed = 9162;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        var tree = MerkleTree.Build([.. Enumerable.Range(0, 37).Select(i => MerkleTree.HashLeaf(BitConverter.GetBytes(i)))]);
        var seeds = Enumerable.Range(0, 38).Select(m => CanonicalEncoding.Encode(tree.ProveConsistency(m))).ToArray();
        Run<ConsistencyProof>(random, Seed, seeds);
    }

    private void Run<T>(Random random, int seed, byte[][] valid)
        where T : ICanonicalEncodable<T>
    {
        // Every seed input decodes and re-encodes exactly.
        foreach (var bytes in valid)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(CanonicalEncoding.Encode(CanonicalEncoding.Decode<T>(bytes))), $"seed {seed}: {Convert.ToHexStringLower(bytes)}");
        }

        var decoded = 0;
        var refused = 0;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var input = iteration % 8 == 0 ? RandomBytes(random) : Mutate(random, valid[random.Next(valid.Length)]);
            try
            {
                var value = CanonicalEncoding.Decode<T>(input);
                var again = CanonicalEncoding.Encode(value);
                Assert.True(input.AsSpan().SequenceEqual(again), $"seed {seed} iteration {iteration}: {Convert.ToHexStringLower(input)} decoded but re-encodes to {Convert.ToHexStringLower(again)}");
                decoded++;
            }
            catch (CanonicalFormatException)
            {
                refused++;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {seed} iteration {iteration}: {Convert.ToHexStringLower(input)} threw {e.GetType().Name}: {e.Message}");
            }
        }

        output.WriteLine($"{typeof(T).Name}: {decoded} mutants decoded and re-encoded exactly, {refused} refused");

        // Both outcomes occur, so the mutations reach past the header.
        Assert.True(decoded > 0 && refused > 0, $"seed {seed}: decoded {decoded}, refused {refused}");
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 200)];
        random.NextBytes(bytes);
        if (bytes.Length >= 3 && random.Next(2) == 0)
        {
            // Half the random inputs get a plausible header so that the body parser is reached.
            bytes[0] = 0x01;
            bytes[1] = (byte)random.Next(0xFF, 0x103);
            bytes[2] = 1;
        }

        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = new List<byte>(valid);
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits; e++)
        {
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    var i = random.Next(bytes.Count);
                    bytes[i] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    var keep = random.Next(bytes.Count);
                    bytes.RemoveRange(keep, bytes.Count - keep);
                    break;
                case 2:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveAt(random.Next(bytes.Count));
                    break;
                case 4 when bytes.Count > 0:
                    // Overwrite a byte with a boundary value: 0, 1, 2, 0x7F, 0x80 or 0xFF.
                    bytes[random.Next(bytes.Count)] = new byte[] { 0, 1, 2, 0x7F, 0x80, 0xFF }[random.Next(6)];
                    break;
                default:
                    bytes.Add((byte)random.Next(256));
                    break;
            }
        }

        return [.. bytes];
    }
}
