using System.Runtime.Intrinsics;
using Assay.Numerics.RandomNumbers;

namespace Assay.Numerics.Tests.RandomNumbers;

/// <summary>The lane (Vector256) and span paths of Philox4x32 against the scalar reference, bit for bit.</summary>
public sealed class Philox4x32VectorTests
{
    private const int Seed = 20240611;

    [Fact]
    public void Lanes_equal_scalar_for_random_counters_and_keys()
    {
        var rng = new System.Random(Seed);
        for (var trial = 0; trial < 2000; trial++)
        {
            var key = new Philox4x32Key(NextUInt(rng), NextUInt(rng));
            var blocks = Enumerable.Range(0, 4).Select(_ => RandomBlock(rng)).ToArray();
            var lanes = Philox4x32.Generate(Philox4x32Lanes.FromBlocks(blocks[0], blocks[1], blocks[2], blocks[3]), key);
            for (var lane = 0; lane < 4; lane++)
            {
                var expected = Philox4x32.Generate(blocks[lane], key);
                if (expected != lanes.GetBlock(lane))
                {
                    Assert.Fail($"seed {Seed}, trial {trial}, lane {lane}, counter {Philox4x32KnownAnswerTests.Format(blocks[lane])}, key {key}");
                }
            }
        }
    }

    [Fact]
    public void Lane_generator_ignores_high_halves_and_returns_them_zero()
    {
        var rng = new System.Random(Seed + 1);
        var key = new Philox4x32Key(NextUInt(rng), NextUInt(rng));
        var blocks = Enumerable.Range(0, 4).Select(_ => RandomBlock(rng)).ToArray();
        var clean = Philox4x32Lanes.FromBlocks(blocks[0], blocks[1], blocks[2], blocks[3]);
        var dirt = Vector256.Create(0xFFFF_FFFF_0000_0000UL, 0x1234_5678_0000_0000UL, 0x8000_0000_0000_0000UL, 0x0000_0001_0000_0000UL);
        var dirty = new Philox4x32Lanes(clean.W0 | dirt, clean.W1 | dirt, clean.W2 | dirt, clean.W3 | dirt);
        var a = Philox4x32.Generate(clean, key);
        var b = Philox4x32.Generate(dirty, key);
        Assert.Equal(a.W0, b.W0);
        Assert.Equal(a.W1, b.W1);
        Assert.Equal(a.W2, b.W2);
        Assert.Equal(a.W3, b.W3);
        var high = Vector256.Create(0xFFFF_FFFF_0000_0000UL);
        Assert.True(((b.W0 | b.W1 | b.W2 | b.W3) & high) == Vector256<ulong>.Zero, $"seed {Seed + 1}: high halves not zero");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(64)]
    public void Span_generator_equals_scalar_and_writes_only_its_range(int count)
    {
        var rng = new System.Random(Seed + count);
        var key = new Philox4x32Key(NextUInt(rng), NextUInt(rng));
        var counters = Enumerable.Range(0, count).Select(_ => RandomBlock(rng)).ToArray();
        var sentinel = new Philox4x32Block(0xA5A5A5A5, 0x5A5A5A5A, 0xC3C3C3C3, 0x3C3C3C3C);
        const int Guard = 5;
        var buffer = Enumerable.Repeat(sentinel, count + (2 * Guard)).ToArray();
        Philox4x32.Generate(counters, key, buffer.AsSpan(Guard, count));
        for (var i = 0; i < buffer.Length; i++)
        {
            var expected = i < Guard || i >= Guard + count ? sentinel : Philox4x32.Generate(counters[i - Guard], key);
            Assert.True(expected == buffer[i], $"seed {Seed + count}, count {count}, buffer index {i}");
        }
    }

    [Fact]
    public void Span_generator_may_run_in_place()
    {
        var rng = new System.Random(Seed + 99);
        var key = new Philox4x32Key(NextUInt(rng), NextUInt(rng));
        var counters = Enumerable.Range(0, 11).Select(_ => RandomBlock(rng)).ToArray();
        var expected = counters.Select(c => Philox4x32.Generate(c, key)).ToArray();
        Philox4x32.Generate(counters, key, counters);
        Assert.Equal(expected, counters);
    }

    [Fact]
    public void Span_generator_rejects_a_short_destination()
    {
        var counters = new Philox4x32Block[5];
        var error = Assert.Throws<ArgumentException>(() => Philox4x32.Generate(counters, default, new Philox4x32Block[4]));
        Assert.Equal("destination", error.ParamName);
    }

    internal static uint NextUInt(System.Random rng) => (uint)rng.NextInt64(0, 1L << 32);

    private static Philox4x32Block RandomBlock(System.Random rng) =>
        new(NextUInt(rng), NextUInt(rng), NextUInt(rng), NextUInt(rng));
}
