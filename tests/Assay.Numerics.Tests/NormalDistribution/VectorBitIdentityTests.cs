using System.Runtime.Intrinsics;
using Xunit.Abstractions;

namespace Assay.Numerics.Tests.NormalDistribution;

/// <summary>The Vector256 and Vector512 kernels return the scalar kernel's bits in every lane.</summary>
public sealed class VectorBitIdentityTests(ITestOutputHelper output)
{
    private const int Seed = 20240611;
    private const int RandomInputs = 300_000;
    private const int FastRunInputs = 65_536;

    public static TheoryData<string> Functions => ["Erfc", "Erfcx", "Pdf", "Cdf", "InverseCdf"];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Scalar_Vector256_and_Vector512_agree_bit_for_bit(string name)
    {
        output.WriteLine($"seed {Seed}");
        var (scalar, v256, v512) = Kernels(name);
        var inputs = name == "InverseCdf" ? Probabilities() : Arguments();
        var checkedCount = 0;
        for (var i = 0; i + 8 <= inputs.Length; i += 8)
        {
            var block = inputs.AsSpan(i, 8);
            var wide = v512(Vector512.Create(block));
            var low = v256(Vector256.Create(block[..4]));
            var high = v256(Vector256.Create(block[4..]));
            for (var lane = 0; lane < 8; lane++)
            {
                var x = block[lane];
                var expected = BitConverter.DoubleToInt64Bits(scalar(x));
                var got256 = BitConverter.DoubleToInt64Bits(lane < 4 ? low.GetElement(lane) : high.GetElement(lane - 4));
                var got512 = BitConverter.DoubleToInt64Bits(wide.GetElement(lane));
                if (got256 != expected || got512 != expected)
                {
                    Assert.Fail($"{name} seed {Seed}: x={x:R} (0x{ReferenceValues.Hex(x)}) scalar=0x{expected:x16} " +
                        $"v256=0x{got256:x16} v512=0x{got512:x16}");
                }

                checkedCount++;
            }
        }

        output.WriteLine($"{name}: {checkedCount} inputs, all three paths identical");
        Assert.True(checkedCount >= RandomInputs, $"{name} seed {Seed}: only {checkedCount} inputs checked");
    }

    private static (Func<double, double>, Func<Vector256<double>, Vector256<double>>, Func<Vector512<double>, Vector512<double>>) Kernels(string name) =>
        name switch
        {
            "Erfc" => (ErrorFunction.Erfc, ErrorFunction.Erfc, ErrorFunction.Erfc),
            "Erfcx" => (ErrorFunction.Erfcx, ErrorFunction.Erfcx, ErrorFunction.Erfcx),
            "Pdf" => (Numerics.Normal.Pdf, Numerics.Normal.Pdf, Numerics.Normal.Pdf),
            "Cdf" => (Numerics.Normal.Cdf, Numerics.Normal.Cdf, Numerics.Normal.Cdf),
            _ => (Numerics.Normal.InverseCdf, Numerics.Normal.InverseCdf, Numerics.Normal.InverseCdf),
        };

    /// <summary>Edge arguments: zeros, subnormals, infinities, NaNs, every piece boundary and clamp, ±1 ulp.</summary>
    private static List<double> EdgeArguments()
    {
        var centres = new List<double> { 0.0, double.Epsilon, 2.2250738585072014e-308, 1e-300, 0.5, 1.0, 8.3, 8.5, 12.0 };
        centres.AddRange([26.6, 27.2, 27.5, 28.0, 37.5, 38.5, 40.0, 3.273390607896142e150, 1e300, double.MaxValue]);
        for (var j = 1; j <= 48; j++)
        {
            centres.Add(j / 4.0);
        }

        // Where the fast Φ table switches rows (x = (2j + 1)/64), and where erfc's argument x√2 does.
        for (var j = 0; j < 272; j++)
        {
            centres.Add((2 * j + 1) / 64.0);
            centres.Add((2 * j + 1) / 64.0 / Math.Sqrt(2.0));
        }

        // Where the fast erfcx table switches rows ((2j + 1)/64 on the fine grid, (2j + 1)/32 on the coarse one), its
        // grid switch 127/64, and the hand-over points of erfcx's fast table, exponential path and wide kernel.
        for (var j = -32; j < 63; j++)
        {
            centres.Add((2 * j + 1) / 64.0);
        }

        for (var j = 32; j < 136; j++)
        {
            centres.Add((2 * j + 1) / 32.0);
        }

        centres.AddRange([127.0 / 64.0, 2.0, 26.0]);

        var edges = new List<double> { double.PositiveInfinity, double.NegativeInfinity, double.NaN, -double.NaN };
        edges.Add(BitConverter.Int64BitsToDouble(0x7ff0000000000001));
        edges.Add(BitConverter.Int64BitsToDouble(unchecked((long)0xfff8000000000123)));
        foreach (var c in centres)
        {
            foreach (var v in new[] { Math.BitDecrement(c), c, Math.BitIncrement(c) })
            {
                edges.Add(v);
                edges.Add(-v);
            }
        }

        return edges;
    }

    private static double[] Arguments()
    {
        var rng = new Random(Seed);
        var list = EdgeArguments();
        for (var i = 0; i < RandomInputs; i++)
        {
            list.Add((i % 4) switch
            {
                0 => (rng.NextDouble() * 80.0) - 40.0,
                1 => (rng.NextDouble() * 16.0) - 8.0,
                2 => BitConverter.Int64BitsToDouble(rng.NextInt64(long.MinValue, long.MaxValue)),
                _ => Math.ScaleB(1.0 + rng.NextDouble(), rng.Next(-60, 8)) * (rng.Next(2) == 0 ? -1 : 1),
            });
        }

        // A contiguous run inside every fast range, so whole vectors take the fast path without the wide one.
        while (list.Count % 8 != 0)
        {
            list.Add(0.5);
        }

        for (var i = 0; i < FastRunInputs; i++)
        {
            list.Add((rng.NextDouble() * 12.0) - 6.0);
        }

        // erfcx's fast table covers [−1, 8.5): a run there, and one on its exponential path [−26, −1).
        for (var i = 0; i < FastRunInputs / 2; i++)
        {
            list.Add((rng.NextDouble() * 9.5) - 1.0);
        }

        for (var i = 0; i < FastRunInputs / 4; i++)
        {
            list.Add(-1.0 - (rng.NextDouble() * 25.0));
        }

        return Pad(list);
    }

    private static double[] Probabilities()
    {
        var rng = new Random(Seed);
        var list = new List<double> { 0.0, 1.0, -0.0, double.Epsilon, 2.2250738585072014e-308, double.NaN, -1.0, 2.0 };
        list.AddRange([double.PositiveInfinity, double.NegativeInfinity, -double.Epsilon, Math.BitIncrement(1.0)]);
        foreach (var c in new[] { 0.075, 0.925, 0.3125, 0.6875, 0.5, 0.25, 0.75, 1e-300, Math.ScaleB(1, -1022), 1.0 - Math.ScaleB(1, -53) })
        {
            list.AddRange([Math.BitDecrement(c), c, Math.BitIncrement(c)]);
        }

        for (var i = 0; i < RandomInputs; i++)
        {
            list.Add((i % 4) switch
            {
                0 => rng.NextDouble(),
                1 => Math.ScaleB(1.0 + rng.NextDouble(), -rng.Next(2, 1075)),
                2 => 1.0 - Math.ScaleB(1.0 + rng.NextDouble(), -rng.Next(2, 54)),
                _ => BitConverter.Int64BitsToDouble(rng.NextInt64(0, 0x3ff0000000000001)),
            });
        }

        return Pad(list);
    }

    private static double[] Pad(List<double> list)
    {
        while (list.Count % 8 != 0)
        {
            list.Add(0.5);
        }

        return [.. list];
    }
}
