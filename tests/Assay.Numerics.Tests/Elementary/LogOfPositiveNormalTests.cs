using System.Runtime.Intrinsics;
using Xunit.Abstractions;

namespace Assay.Numerics.Tests.Elementary;

/// <summary><see cref="DMath.LogOfPositiveNormal(Vector256{double})"/> gives the bits of <see cref="DMath.Log(Vector256{double})"/> on every positive normal finite argument.</summary>
public sealed class LogOfPositiveNormalTests(ITestOutputHelper output)
{
    private const ulong Seed = 0x5EED_2026_1121_0007;
    private const int RandomInputs = 1 << 18;

    [Fact]
    public void Matches_Log_bit_for_bit_on_random_positive_normal_bit_patterns()
    {
        // Bit patterns drawn uniformly from [bits(2^-1022), bits(+inf)): every exponent of the normal range equally often.
        output.WriteLine($"seed 0x{Seed:X16}");
        var rng = new XorShift(Seed);
        const long lowest = 0x0010000000000000;
        const long infinity = 0x7FF0000000000000;
        var lanes = new double[Vector256<double>.Count];
        for (var i = 0; i < RandomInputs; i += lanes.Length)
        {
            for (var j = 0; j < lanes.Length; j++)
            {
                lanes[j] = BitConverter.Int64BitsToDouble(lowest + (long)(rng.Next() % (ulong)(infinity - lowest)));
            }

            AssertSameBits(lanes, $"seed 0x{Seed:X16}, draw {i}");
        }
    }

    [Fact]
    public void Matches_Log_bit_for_bit_at_the_range_ends_and_near_one()
    {
        double[] edges =
        [
            2.2250738585072014e-308, BitConverter.Int64BitsToDouble(0x0010000000000001), double.MaxValue, BitConverter.Int64BitsToDouble(0x7FEFFFFFFFFFFFFE),
            1.0, BitConverter.Int64BitsToDouble(0x3FEFFFFFFFFFFFFF), BitConverter.Int64BitsToDouble(0x3FF0000000000001), 0.5,
            2.0, Math.Sqrt(0.5), Math.Sqrt(2.0), 0.2,
            BitConverter.Int64BitsToDouble(0x3FE6A09E667F3BCC), BitConverter.Int64BitsToDouble(0x3FE6A09E667F3BCD), 1e-300, 1e300,
        ];
        for (var i = 0; i < edges.Length; i += Vector256<double>.Count)
        {
            AssertSameBits(edges.AsSpan(i, Vector256<double>.Count).ToArray(), $"edges from index {i}");
        }
    }

    private static void AssertSameBits(double[] lanes, string context)
    {
        var x = Vector256.Create(lanes);
        var expected = DMath.Log(x);
        var actual = DMath.LogOfPositiveNormal(x);
        for (var j = 0; j < lanes.Length; j++)
        {
            if (!Ulp.SameBits(expected[j], actual[j]))
            {
                Assert.Fail($"{context}, lane {j}: x = {lanes[j]:R} [0x{Ulp.Hex(lanes[j])}]: Log 0x{Ulp.Hex(expected[j])}, LogOfPositiveNormal 0x{Ulp.Hex(actual[j])}");
            }
        }
    }
}
