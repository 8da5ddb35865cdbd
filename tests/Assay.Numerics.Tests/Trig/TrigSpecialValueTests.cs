namespace Assay.Numerics.Tests.Trig;

/// <summary>IEEE/C99 special values of DMath trigonometric functions, signs of zeros included.</summary>
public sealed class TrigSpecialValueTests
{
    private const double Pi = 3.141592653589793;
    private const double PiOver2 = 1.5707963267948966;
    private const double PiOver4 = 0.7853981633974483;
    private const double ThreePiOver4 = 2.356194490192345;

    private static void AssertBits(double expected, double actual, string what) =>
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{what}: expected {expected:R} (0x{BitConverter.DoubleToInt64Bits(expected):X16}), got {actual:R} (0x{BitConverter.DoubleToInt64Bits(actual):X16})");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Sin_and_Cos_of_NaN_and_infinities_are_NaN(double x)
    {
        Assert.True(double.IsNaN(DMath.Sin(x)), $"sin({x})");
        Assert.True(double.IsNaN(DMath.Cos(x)), $"cos({x})");
        var (s, c) = DMath.SinCos(x);
        Assert.True(double.IsNaN(s) && double.IsNaN(c), $"sincos({x})");
    }

    [Fact]
    public void Sin_keeps_the_sign_of_zero_and_Cos_of_zero_is_one()
    {
        AssertBits(0.0, DMath.Sin(0.0), "sin(+0)");
        AssertBits(-0.0, DMath.Sin(-0.0), "sin(-0)");
        AssertBits(1.0, DMath.Cos(0.0), "cos(+0)");
        AssertBits(1.0, DMath.Cos(-0.0), "cos(-0)");
        AssertBits(double.Epsilon, DMath.Sin(double.Epsilon), "sin(min subnormal)");
    }

    [Fact]
    public void Sin_is_odd_and_Cos_is_even_bit_for_bit()
    {
        foreach (var x in new[] { 0.1, 0.7853981633974483, 1.0, 2.5, 3.141592653589793, 10.0, 12345.678, 1e5, 1048575.0 })
        {
            AssertBits(-DMath.Sin(x), DMath.Sin(-x), $"sin(-{x:R})");
            AssertBits(DMath.Cos(x), DMath.Cos(-x), $"cos(-{x:R})");
        }
    }

    [Fact]
    public void Sin_and_Cos_stay_in_unit_interval_beyond_the_accurate_range()
    {
        foreach (var x in new[] { 2e6, 1e10, 1e15, 1e20, 1e300, double.MaxValue, -double.MaxValue })
        {
            var s = DMath.Sin(x);
            var c = DMath.Cos(x);
            Assert.True(s is >= -1.0 and <= 1.0 && c is >= -1.0 and <= 1.0, $"x={x:R}: sin={s:R}, cos={c:R}");
        }
    }

    [Fact]
    public void Atan_special_values()
    {
        AssertBits(0.0, DMath.Atan(0.0), "atan(+0)");
        AssertBits(-0.0, DMath.Atan(-0.0), "atan(-0)");
        AssertBits(PiOver2, DMath.Atan(double.PositiveInfinity), "atan(+inf)");
        AssertBits(-PiOver2, DMath.Atan(double.NegativeInfinity), "atan(-inf)");
        AssertBits(PiOver4, DMath.Atan(1.0), "atan(1)");
        Assert.True(double.IsNaN(DMath.Atan(double.NaN)), "atan(NaN)");
    }

    [Theory]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, PiOver4)]
    [InlineData(double.NegativeInfinity, double.PositiveInfinity, -PiOver4)]
    [InlineData(double.PositiveInfinity, double.NegativeInfinity, ThreePiOver4)]
    [InlineData(double.NegativeInfinity, double.NegativeInfinity, -ThreePiOver4)]
    [InlineData(double.PositiveInfinity, 5.0, PiOver2)]
    [InlineData(double.NegativeInfinity, -5.0, -PiOver2)]
    [InlineData(5.0, double.NegativeInfinity, Pi)]
    [InlineData(-5.0, double.NegativeInfinity, -Pi)]
    [InlineData(1.0, 1.0, PiOver4)]
    [InlineData(-1.0, -1.0, -ThreePiOver4)]
    [InlineData(1.0, -1.0, ThreePiOver4)]
    public void Atan2_special_values_and_quadrants(double y, double x, double expected) =>
        AssertBits(expected, DMath.Atan2(y, x), $"atan2({y:R}, {x:R})");

    [Fact]
    public void Atan2_signed_zero_cases()
    {
        // xUnit treats 0.0 and -0.0 as duplicate InlineData, so these cases are listed here.
        (double Y, double X, double Expected)[] cases =
        [
            (0.0, 1.0, 0.0), (-0.0, 1.0, -0.0), (0.0, 0.0, 0.0), (-0.0, 0.0, -0.0), (0.0, -0.0, Pi), (-0.0, -0.0, -Pi),
            (0.0, -1.0, Pi), (-0.0, -1.0, -Pi), (1.0, 0.0, PiOver2), (1.0, -0.0, PiOver2), (-1.0, 0.0, -PiOver2),
            (-1.0, -0.0, -PiOver2), (5.0, double.PositiveInfinity, 0.0), (-5.0, double.PositiveInfinity, -0.0),
        ];
        foreach (var (y, x, expected) in cases)
        {
            AssertBits(expected, DMath.Atan2(y, x), $"atan2({y:R}, {x:R})");
        }
    }

    [Fact]
    public void Atan2_of_NaN_is_NaN()
    {
        Assert.True(double.IsNaN(DMath.Atan2(double.NaN, 1.0)), "atan2(NaN, 1)");
        Assert.True(double.IsNaN(DMath.Atan2(1.0, double.NaN)), "atan2(1, NaN)");
        Assert.True(double.IsNaN(DMath.Atan2(0.0, double.NaN)), "atan2(0, NaN)");
    }

    [Fact]
    public void Atan2_sign_symmetry_holds_bit_for_bit()
    {
        // Seed printed for reproduction of the random angles.
        const int Seed = 424242;
        var rng = new Random(Seed);
        for (var i = 0; i < 500; i++)
        {
            var x = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-5, 6));
            var y = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-5, 6));
            AssertBits(-DMath.Atan2(y, x), DMath.Atan2(-y, x), $"seed {Seed}, atan2(-{y:R}, {x:R})");
            var t = DMath.Atan2(y, x);
            Assert.True(t >= -Pi && t <= Pi, $"seed {Seed}, atan2({y:R}, {x:R}) = {t:R}");
        }
    }
}
