using System.Globalization;

namespace Assay.Numerics.Tests.Trig;

/// <summary>DMath.Sin/Cos/SinCos/Atan/Atan2 against mpmath (tests/data/numerics/trig/trig_reference.csv).</summary>
public sealed class TrigReferenceTests
{
    private const long MaxUlp = 2;

    private static readonly string CsvPath =
        Path.Combine(AppContext.BaseDirectory, "data", "numerics", "trig", "trig_reference.csv");

    private static IEnumerable<(string Function, double X, double Y, double Expected)> Rows()
    {
        foreach (var line in File.ReadLines(CsvPath).Skip(1))
        {
            var f = line.Split(',');
            yield return (f[0], FromBits(f[1]), FromBits(f[2]), FromBits(f[3]));
        }
    }

    internal static double FromBits(string hex) =>
        BitConverter.Int64BitsToDouble(long.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>Distance in units in the last place, counting across zero (so −0 and +0 are 0 apart).</summary>
    internal static long UlpDistance(double a, double b)
    {
        static long Ordered(double v)
        {
            var bits = BitConverter.DoubleToInt64Bits(v);
            return bits < 0 ? long.MinValue - bits : bits;
        }

        return Math.Abs(Ordered(a) - Ordered(b));
    }

    [Theory]
    [InlineData("sin")]
    [InlineData("cos")]
    [InlineData("atan")]
    [InlineData("atan2")]
    public void Matches_mpmath_within_two_ulp(string function)
    {
        var count = 0;
        long worst = 0;
        foreach (var (fn, x, y, expected) in Rows())
        {
            if (fn != function)
            {
                continue;
            }

            var actual = fn switch
            {
                "sin" => DMath.Sin(x),
                "cos" => DMath.Cos(x),
                "atan" => DMath.Atan(x),
                _ => DMath.Atan2(y, x),
            };
            var ulps = UlpDistance(actual, expected);
            worst = Math.Max(worst, ulps);
            Assert.True(
                ulps <= MaxUlp,
                $"{fn}(x={x:R} [0x{BitConverter.DoubleToInt64Bits(x):X16}], y={y:R}) = {actual:R}, mpmath {expected:R}: {ulps} ulp");
            count++;
        }

        Assert.True(count > 1000, $"only {count} rows for {function}");
    }

    [Fact]
    public void SinCos_is_bit_identical_to_Sin_and_Cos()
    {
        foreach (var (fn, x, _, _) in Rows())
        {
            if (fn != "sin")
            {
                continue;
            }

            var (s, c) = DMath.SinCos(x);
            Assert.True(
                BitConverter.DoubleToInt64Bits(s) == BitConverter.DoubleToInt64Bits(DMath.Sin(x))
                && BitConverter.DoubleToInt64Bits(c) == BitConverter.DoubleToInt64Bits(DMath.Cos(x)),
                $"x={x:R}: SinCos=({s:R}, {c:R}), Sin={DMath.Sin(x):R}, Cos={DMath.Cos(x):R}");
        }
    }
}
