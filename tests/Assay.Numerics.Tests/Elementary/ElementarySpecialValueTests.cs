using System.Runtime.Intrinsics;

namespace Assay.Numerics.Tests.Elementary;

/// <summary>Special and threshold values, in the scalar and both vector forms.</summary>
/// <remarks>
/// Expected values follow IEEE 754-2019 §9.2 and C11 Annex F.10 (exp, expm1, log, log1p, sqrt of ±0, ±∞, NaN);
/// the thresholds are where e^x crosses the largest double and half the smallest subnormal.
/// </remarks>
public sealed class ElementarySpecialValueTests
{
    private const double Inf = double.PositiveInfinity;

    [Theory]
    [InlineData("exp", Inf, Inf)]
    [InlineData("exp", -Inf, 0.0)]
    [InlineData("exp", 0.0, 1.0)]
    [InlineData("exp", 1e-300, 1.0)]
    [InlineData("exp", 709.8, Inf)]
    [InlineData("exp", 1e308, Inf)]
    [InlineData("exp", -745.2, 0.0)]
    [InlineData("exp", -1e308, 0.0)]
    [InlineData("expm1", 0.0, 0.0)]
    [InlineData("expm1", Inf, Inf)]
    [InlineData("expm1", -Inf, -1.0)]
    [InlineData("expm1", -40.0, -1.0)]
    [InlineData("expm1", -1e308, -1.0)]
    [InlineData("expm1", 709.8, Inf)]
    [InlineData("expm1", 4.9406564584124654e-324, 4.9406564584124654e-324)]
    [InlineData("expm1", -4.9406564584124654e-324, -4.9406564584124654e-324)]
    [InlineData("expm1", 1e-300, 1e-300)]
    [InlineData("log", 0.0, -Inf)]
    [InlineData("log", 1.0, 0.0)]
    [InlineData("log", Inf, Inf)]
    [InlineData("log", -1.0, double.NaN)]
    [InlineData("log", -4.9406564584124654e-324, double.NaN)]
    [InlineData("log", -Inf, double.NaN)]
    [InlineData("log1p", 0.0, 0.0)]
    [InlineData("log1p", -1.0, -Inf)]
    [InlineData("log1p", Inf, Inf)]
    [InlineData("log1p", -1.0000000000000002, double.NaN)]
    [InlineData("log1p", -Inf, double.NaN)]
    [InlineData("log1p", 4.9406564584124654e-324, 4.9406564584124654e-324)]
    [InlineData("log1p", -1e-300, -1e-300)]
    [InlineData("sqrt", Inf, Inf)]
    [InlineData("sqrt", -1.0, double.NaN)]
    [InlineData("sqrt", 4.0, 2.0)]
    public void Special_value(string name, double x, double expected)
    {
        var f = ElementaryFunction.ByName(name);
        AssertAllForms(f, x, expected);
    }

    [Fact]
    public void Negative_zero_keeps_its_sign_where_the_standard_says_so()
    {
        // (xUnit's InlineData treats -0.0 and 0.0 as duplicates, hence this separate test.)
        AssertAllForms(ElementaryFunction.Exp, -0.0, 1.0);
        AssertAllForms(ElementaryFunction.Expm1, -0.0, -0.0);
        AssertAllForms(ElementaryFunction.Log, -0.0, -Inf);
        AssertAllForms(ElementaryFunction.Log1p, -0.0, -0.0);
        AssertAllForms(ElementaryFunction.Sqrt, -0.0, -0.0);
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("expm1")]
    [InlineData("log")]
    [InlineData("log1p")]
    [InlineData("sqrt")]
    public void NaN_gives_NaN(string name)
    {
        var f = ElementaryFunction.ByName(name);
        foreach (var bits in new[] { 0x7FF8000000000000UL, 0xFFF8000000000000UL, 0x7FF0000000000001UL, 0x7FFFFFFFFFFFFFFFUL })
        {
            AssertAllForms(f, BitConverter.Int64BitsToDouble((long)bits), double.NaN);
        }
    }

    [Fact]
    public void Exp_overflows_exactly_above_ln_of_the_largest_double()
    {
        // ln(DBL_MAX) = 709.78271289338399678...; 709.782712893384 is the largest double below it.
        var last = 709.782712893384;
        Assert.True(double.IsFinite(DMath.Exp(last)), $"exp({last:R}) = {DMath.Exp(last):R}");
        Assert.True(DMath.Exp(last) > 1.79e308, $"exp({last:R}) = {DMath.Exp(last):R}");
        Assert.Equal(Inf, DMath.Exp(Math.BitIncrement(last)));
        Assert.Equal(Inf, DMath.Expm1(Math.BitIncrement(last)));
        Assert.True(double.IsFinite(DMath.Expm1(last)), $"expm1({last:R}) = {DMath.Expm1(last):R}");
    }

    [Fact]
    public void Exp_reaches_the_smallest_subnormal_and_then_zero()
    {
        // e^x = 2^-1075 (half the smallest subnormal) at x = -745.13321910194110842...; above it the result
        // rounds up to 2^-1074, below it to +0.
        var x = -745.1332191019411;
        var above = Math.BitIncrement(x);
        var below = Math.BitDecrement(x);
        Assert.Equal(double.Epsilon, DMath.Exp(above));
        Assert.Equal(0.0, DMath.Exp(below));
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(DMath.Exp(below)));
    }

    [Fact]
    public void Log_of_subnormals_and_extremes()
    {
        // ln(2^-1074) = -744.44007192138126231..., ln(2^-1022) = -708.39641853226410622...,
        // ln(DBL_MAX) = 709.78271289338399678... (each rounded to nearest).
        Assert.Equal(-744.4400719213812, DMath.Log(double.Epsilon));
        Assert.Equal(-708.3964185322641, DMath.Log(2.2250738585072014e-308));
        Assert.Equal(709.782712893384, DMath.Log(double.MaxValue));
    }

    private static void AssertAllForms(ElementaryFunction f, double x, double expected)
    {
        var scalar = f.Scalar(x);
        var v256 = f.V256(Vector256.Create(x)).GetElement(3);
        var v512 = f.V512(Vector512.Create(x)).GetElement(7);
        foreach (var (form, y) in new[] { ("scalar", scalar), ("Vector256", v256), ("Vector512", v512) })
        {
            Assert.True(Ulp.SameBits(y, expected), $"{f.Name}({x:R}) [0x{Ulp.Hex(x)}] {form} = {y:R} [0x{Ulp.Hex(y)}], expected {expected:R} [0x{Ulp.Hex(expected)}]");
        }
    }
}
