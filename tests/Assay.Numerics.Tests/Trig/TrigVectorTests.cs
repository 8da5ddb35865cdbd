using System.Runtime.Intrinsics;

namespace Assay.Numerics.Tests.Trig;

/// <summary>The Vector256 overloads of SinCos and Atan2 return, lane by lane, the bits of the scalar kernels.</summary>
public sealed class TrigVectorTests
{
    private const int Seed = 20250917;

    private static readonly double[] Specials =
    [
        0.0, -0.0, 1e-300, -1e-300, double.Epsilon, 3.7e-9, 3.8e-9, 0.7853981633974483, -0.7853981633974483, 0.7853981633974484,
        1.5707963267948966, 3.141592653589793, -3.141592653589793, 4.71238898038469, 6.283185307179586, 1e5, -123456.789,
        1048575.9999, 1048576.0, -1048577.0, 1e10, 1e300, double.MaxValue, double.PositiveInfinity, double.NegativeInfinity,
        double.NaN, 1.0, -1.0, 0.0625, 0.06250000000000001, 0.5, 2.0, 16.0, 17.0,
    ];

    private static double RandomArgument(Random rng) => rng.Next(4) switch
    {
        0 => (rng.NextDouble() - 0.5) * 2.0,
        1 => (rng.NextDouble() - 0.5) * 200.0,
        2 => (rng.NextDouble() - 0.5) * 2e6,
        _ => Math.ScaleB(rng.NextDouble() - 0.5, rng.Next(-40, 40)),
    };

    private static void AssertSameBits(double expected, double actual, string what) =>
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual)),
            $"seed {Seed}: {what}: scalar {expected:R} (0x{BitConverter.DoubleToInt64Bits(expected):X16}), vector {actual:R} (0x{BitConverter.DoubleToInt64Bits(actual):X16})");

    private static void CheckSinCos(Vector256<double> x)
    {
        var (sin, cos) = DMath.SinCos(x);
        for (var lane = 0; lane < 4; lane++)
        {
            var (s, c) = DMath.SinCos(x[lane]);
            AssertSameBits(s, sin[lane], $"sin({x[lane]:R}) lane {lane} of {x}");
            AssertSameBits(c, cos[lane], $"cos({x[lane]:R}) lane {lane} of {x}");
        }
    }

    private static void CheckAtan2(Vector256<double> y, Vector256<double> x)
    {
        var angle = DMath.Atan2(y, x);
        for (var lane = 0; lane < 4; lane++)
        {
            AssertSameBits(DMath.Atan2(y[lane], x[lane]), angle[lane], $"atan2({y[lane]:R}, {x[lane]:R}) lane {lane}");
        }
    }

    [Fact]
    public void SinCos_vector_matches_scalar_bit_for_bit()
    {
        var rng = new Random(Seed);
        for (var i = 0; i < 20000; i++)
        {
            CheckSinCos(Vector256.Create(RandomArgument(rng), RandomArgument(rng), RandomArgument(rng), RandomArgument(rng)));
        }

        // Every special value in every lane, next to ordinary and to other special values (the lane-by-lane fallback).
        for (var i = 0; i < Specials.Length; i++)
        {
            CheckSinCos(Vector256.Create(Specials[i], 0.3, -2.0, 700.0));
            CheckSinCos(Vector256.Create(1.2, Specials[i], Specials[(i + 1) % Specials.Length], Specials[(i + 7) % Specials.Length]));
        }
    }

    [Fact]
    public void Atan2_vector_matches_scalar_bit_for_bit()
    {
        var rng = new Random(Seed);
        for (var i = 0; i < 20000; i++)
        {
            CheckAtan2(
                Vector256.Create(RandomArgument(rng), RandomArgument(rng), RandomArgument(rng), RandomArgument(rng)),
                Vector256.Create(RandomArgument(rng), RandomArgument(rng), RandomArgument(rng), RandomArgument(rng)));
        }

        for (var i = 0; i < Specials.Length; i++)
        {
            for (var j = 0; j < Specials.Length; j++)
            {
                CheckAtan2(Vector256.Create(Specials[i], 1.0, -Specials[j], 0.5), Vector256.Create(Specials[j], -3.0, Specials[i], -0.25));
                CheckAtan2(Vector256.Create(0.1, Specials[i], 2.0, -Specials[i]), Vector256.Create(-0.2, Specials[j], -Specials[j], Specials[j]));
            }
        }
    }
}
