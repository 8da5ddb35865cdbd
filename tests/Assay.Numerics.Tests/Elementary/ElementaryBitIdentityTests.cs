using System.Runtime.Intrinsics;
using Xunit.Abstractions;

namespace Assay.Numerics.Tests.Elementary;

/// <summary>The scalar, Vector256, Vector512 and span forms of each DMath kernel return the same bits.</summary>
public sealed class ElementaryBitIdentityTests(ITestOutputHelper output)
{
    private const int RandomInputsPerFunction = 1 << 20;
    private const ulong Seed = 0x9E3779B97F4A7C15;

    public static TheoryData<string> Functions => new() { "exp", "expm1", "log", "log1p", "sqrt" };

    [Theory]
    [MemberData(nameof(Functions))]
    public void Scalar_Vector256_and_Vector512_give_identical_bits(string name)
    {
        var f = ElementaryFunction.ByName(name);
        var seed = Seed ^ (ulong)name.Length * 0x100000001B3UL ^ name[^1];
        output.WriteLine($"seed 0x{seed:X16}");
        var inputs = Inputs(name, seed);
        var scalar = new double[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            scalar[i] = f.Scalar(inputs[i]);
        }

        var v256 = new double[inputs.Length];
        for (var i = 0; i < inputs.Length; i += Vector256<double>.Count)
        {
            f.V256(Vector256.Create(inputs.AsSpan(i, Vector256<double>.Count))).CopyTo(v256.AsSpan(i));
        }

        var v512 = new double[inputs.Length];
        for (var i = 0; i < inputs.Length; i += Vector512<double>.Count)
        {
            f.V512(Vector512.Create(inputs.AsSpan(i, Vector512<double>.Count))).CopyTo(v512.AsSpan(i));
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            if (!Ulp.SameBits(scalar[i], v256[i]) || !Ulp.SameBits(scalar[i], v512[i]))
            {
                Assert.Fail($"seed 0x{seed:X16}, {name}({inputs[i]:R}) [0x{Ulp.Hex(inputs[i])}], index {i}: scalar 0x{Ulp.Hex(scalar[i])}, Vector256 0x{Ulp.Hex(v256[i])}, Vector512 0x{Ulp.Hex(v512[i])}");
            }
        }
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("log")]
    public void Span_forms_match_the_scalar_kernel_and_write_only_inside_the_destination(string name)
    {
        const int guard = 8;
        const long sentinelBits = 0x7FF4DEADBEEF0001;
        var sentinel = BitConverter.Int64BitsToDouble(sentinelBits);
        var f = ElementaryFunction.ByName(name);
        output.WriteLine($"seed 0x{Seed + 17:X16}");
        var rng = new XorShift(Seed + 17);
        var lengths = Enumerable.Range(0, 41).Append(1000).Append(1003);
        foreach (var n in lengths)
        {
            var x = new double[n];
            for (var i = 0; i < n; i++)
            {
                x[i] = name == "exp" ? (rng.NextUnit() * 1500.0) - 750.0 : BitConverter.Int64BitsToDouble((long)(rng.Next() >> 1));
            }

            var buffer = new double[n + (2 * guard)];
            Array.Fill(buffer, sentinel);
            var destination = buffer.AsSpan(guard, n);
            if (name == "exp")
            {
                DMath.Exp(x, destination);
            }
            else
            {
                DMath.Log(x, destination);
            }

            for (var i = 0; i < buffer.Length; i++)
            {
                var inside = i >= guard && i < guard + n;
                if (!inside)
                {
                    Assert.True(BitConverter.DoubleToInt64Bits(buffer[i]) == sentinelBits, $"seed 0x{Seed + 17:X16}, {name}, length {n}: write outside the destination at buffer index {i}");
                }
                else
                {
                    var xi = x[i - guard];
                    Assert.True(Ulp.SameBits(buffer[i], f.Scalar(xi)), $"seed 0x{Seed + 17:X16}, {name}, length {n}, index {i - guard}: x = {xi:R} [0x{Ulp.Hex(xi)}], span 0x{Ulp.Hex(buffer[i])}, scalar 0x{Ulp.Hex(f.Scalar(xi))}");
                }
            }

            // In place: the source and the destination are the same memory.
            var inPlace = (double[])x.Clone();
            if (name == "exp")
            {
                DMath.Exp(inPlace, inPlace);
            }
            else
            {
                DMath.Log(inPlace, inPlace);
            }

            for (var i = 0; i < n; i++)
            {
                Assert.True(Ulp.SameBits(inPlace[i], f.Scalar(x[i])), $"seed 0x{Seed + 17:X16}, {name} in place, length {n}, index {i}: x = {x[i]:R}");
            }
        }
    }

    [Fact]
    public void Span_forms_reject_a_short_destination()
    {
        var x = new double[5];
        var result = new double[4];
        Assert.Throws<ArgumentException>(() => DMath.Exp(x, result));
        Assert.Throws<ArgumentException>(() => DMath.Log(x, result));
    }

    /// <summary>The edge list, each value with its three neighbours on either side, then seeded random inputs.</summary>
    private static double[] Inputs(string name, ulong seed)
    {
        var list = new List<double>();
        foreach (var e in EdgeValues())
        {
            var lo = e;
            var hi = e;
            list.Add(e);
            for (var j = 0; j < 3; j++)
            {
                lo = Math.BitDecrement(lo);
                hi = Math.BitIncrement(hi);
                list.Add(lo);
                list.Add(hi);
            }
        }

        var rng = new XorShift(seed);
        for (var i = 0; i < RandomInputsPerFunction; i++)
        {
            list.Add(RandomInput(name, rng));
        }

        // Pad to a whole number of Vector512s; the scalar path sees the padding too.
        while (list.Count % Vector512<double>.Count != 0)
        {
            list.Add(1.0);
        }

        return [.. list];
    }

    private static IEnumerable<double> EdgeValues()
    {
        double[] magnitudes =
        [
            0.0, double.Epsilon, 2 * double.Epsilon, 2.2250738585072009e-308, 2.2250738585072014e-308, double.MaxValue,
            double.PositiveInfinity, 1e-300, 1e-20, 1.1102230246251565e-16, 5.551115123125783e-17, 1e-10, 1e-5,
            0.5, 1.0, 2.0, Math.Sqrt(0.5), Math.Sqrt(2.0), Math.Sqrt(0.5) - 1.0, Math.Sqrt(2.0) - 1.0,
            0.34657359027997264, 0.6931471805599453, 1.0397207708399179,
            709.782712893384, 709.79, 710.0, 745.1332191019411, 745.2, 746.0, 744.4400719213812, 708.3964185322641,
            37.42994775023705, 36.7368005696771, 40.0, 1000.0, 1e300,
        ];
        foreach (var m in magnitudes)
        {
            yield return m;
            yield return -m;
        }

        for (var i = -1100; i <= 1100; i += 7)
        {
            yield return i;
        }

        yield return double.NaN;
        yield return BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000001));
        yield return BitConverter.Int64BitsToDouble(0x7FF0000000000001);
    }

    private static double RandomInput(string name, XorShift rng)
    {
        var pick = rng.Next() % 8;
        if (pick == 0)
        {
            return BitConverter.Int64BitsToDouble((long)rng.Next());
        }

        var u = rng.NextUnit();
        var tiny = Math.ScaleB(1.0 + u, -(int)(rng.Next() % 70));
        var sign = (rng.Next() & 1) == 0 ? 1.0 : -1.0;
        return name switch
        {
            "exp" or "expm1" => pick switch
            {
                1 or 2 or 3 => (u * 1500.0) - 750.0,
                4 or 5 => (u * 90.0) - 60.0,
                _ => sign * tiny,
            },
            "log" or "sqrt" => pick switch
            {
                1 or 2 or 3 => BitConverter.Int64BitsToDouble((long)(rng.Next() >> 1)),
                4 or 5 => 0.5 + (1.5 * u),
                _ => 1.0 + (sign * tiny),
            },
            _ => pick switch
            {
                1 or 2 => (u * 3.0) - 1.0,
                3 => -1.0 + tiny,
                4 => BitConverter.Int64BitsToDouble((long)(rng.Next() >> 1)),
                _ => sign * tiny,
            },
        };
    }
}
