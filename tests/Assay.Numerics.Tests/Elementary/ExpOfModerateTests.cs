using System.Runtime.Intrinsics;
using Xunit.Abstractions;

namespace Assay.Numerics.Tests.Elementary;

/// <summary><see cref="DMath.ExpOfModerate(Vector256{double})"/> gives the bits of <see cref="DMath.Exp(Vector256{double})"/> on every exponent in [−700, 700].</summary>
public sealed class ExpOfModerateTests(ITestOutputHelper output)
{
    private const ulong Seed = 0x5EED_2026_1121_0008;
    private const int RandomInputs = 1 << 18;

    [Fact]
    public void Matches_Exp_bit_for_bit_on_random_exponents_in_range()
    {
        // Half the draws uniform in [−700, 700], half with a random binary exponent (|x| from 2^−60 to 700), both signs.
        output.WriteLine($"seed 0x{Seed:X16}");
        var rng = new XorShift(Seed);
        var lanes = new double[Vector256<double>.Count];
        for (var i = 0; i < RandomInputs; i += lanes.Length)
        {
            for (var j = 0; j < lanes.Length; j++)
            {
                var x = (i & 4) == 0
                    ? (rng.NextUnit() * 1400.0) - 700.0
                    : Math.Min(700.0, Math.ScaleB(1.0 + rng.NextUnit(), (int)(rng.Next() % 70) - 60));
                lanes[j] = (i & 4) != 0 && (rng.Next() & 1) != 0 ? -x : x;
            }

            AssertSameBits(lanes, $"seed 0x{Seed:X16}, draw {i}");
        }
    }

    [Fact]
    public void Matches_Exp_bit_for_bit_at_the_range_ends_and_at_reduction_boundaries()
    {
        var ln2 = 0.6931471805599453;
        double[] edges =
        [
            700.0, -700.0, 0.0, -0.0,
            BitConverter.Int64BitsToDouble(0x4085DFFFFFFFFFFF), -BitConverter.Int64BitsToDouble(0x4085DFFFFFFFFFFF), 1e-300, -1e-300,
            0.5 * ln2, -0.5 * ln2, 1009.5 * ln2, -1009.5 * ln2,
            1.0, -1.0, 699.9, -699.9,
        ];
        for (var i = 0; i < edges.Length; i += Vector256<double>.Count)
        {
            AssertSameBits(edges.AsSpan(i, Vector256<double>.Count).ToArray(), $"edges from index {i}");
        }
    }

    private static void AssertSameBits(double[] lanes, string context)
    {
        var x = Vector256.Create(lanes);
        var expected = DMath.Exp(x);
        var actual = DMath.ExpOfModerate(x);
        for (var j = 0; j < lanes.Length; j++)
        {
            if (!Ulp.SameBits(expected[j], actual[j]))
            {
                Assert.Fail($"{context}, lane {j}: x = {lanes[j]:R} [0x{Ulp.Hex(lanes[j])}]: Exp 0x{Ulp.Hex(expected[j])}, ExpOfModerate 0x{Ulp.Hex(actual[j])}");
            }
        }
    }
}
