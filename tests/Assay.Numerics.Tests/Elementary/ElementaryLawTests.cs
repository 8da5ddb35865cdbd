namespace Assay.Numerics.Tests.Elementary;

/// <summary>Laws the kernels must keep across their internal case boundaries: monotonicity and inverse pairs.</summary>
public sealed class ElementaryLawTests
{
    private const int Steps = 64;
    private const double MachineEpsilon = 2.220446049250313e-16;

    [Fact]
    public void Exp_and_expm1_are_monotone_across_the_reduction_boundaries()
    {
        // k = round(x / ln 2) switches at x = (j + 1/2) ln 2, the place where a kernel may step backwards.
        for (var j = -1075; j <= 1023; j += 3)
        {
            var boundary = (j + 0.5) * 0.6931471805599453;
            AssertNonDecreasing(ElementaryFunction.Exp, boundary);
            if (j >= -60)
            {
                AssertNonDecreasing(ElementaryFunction.Expm1, boundary);
            }
        }

        AssertNonDecreasing(ElementaryFunction.Expm1, 0.0);
        AssertNonDecreasing(ElementaryFunction.Exp, 0.0);
    }

    [Fact]
    public void Log_and_log1p_are_monotone_across_the_reduction_boundaries()
    {
        // The mantissa is reduced to [sqrt(1/2), sqrt(2)), so the exponent k switches at sqrt(2) * 2^j.
        for (var j = -1067; j <= 1022; j += 3)
        {
            AssertNonDecreasing(ElementaryFunction.Log, Math.ScaleB(1.4142135623730951, j));
            AssertNonDecreasing(ElementaryFunction.Log, Math.ScaleB(1.0, j));
        }

        AssertNonDecreasing(ElementaryFunction.Log, 2.2250738585072014e-308);
        AssertNonDecreasing(ElementaryFunction.Log1p, 0.0);
        AssertNonDecreasing(ElementaryFunction.Log1p, 1.4142135623730951 - 1.0);
        AssertNonDecreasing(ElementaryFunction.Log1p, 0.7071067811865476 - 1.0);
        for (var j = 1; j <= 1022; j += 3)
        {
            AssertNonDecreasing(ElementaryFunction.Log1p, Math.ScaleB(1.4142135623730951, j) - 1.0);
        }
    }

    [Fact]
    public void Log_inverts_exp_and_log1p_inverts_expm1()
    {
        const ulong seed = 0xC0FFEE;
        var rng = new XorShift(seed);
        for (var i = 0; i < 20000; i++)
        {
            // |x| < 700: exp(x) is normal and carries a relative error of about 1 ulp, which log turns into an
            // absolute error of about 2^-52, plus the rounding of log itself.
            var x = ((rng.NextUnit() * 2.0) - 1.0) * Math.ScaleB(1.0, -(int)(rng.Next() % 40)) * 700.0;
            var back = DMath.Log(DMath.Exp(x));
            var tolerance = (Math.Abs(x) + 1.0) * 4.0 * MachineEpsilon;
            Assert.True(Math.Abs(back - x) <= tolerance, $"seed 0x{seed:X}, x = {x:R}: log(exp(x)) = {back:R}");

            var y = ((rng.NextUnit() * 2.0) - 1.0) * Math.ScaleB(1.0, -(int)(rng.Next() % 60));
            var back1 = DMath.Log1p(DMath.Expm1(y));
            Assert.True(Ulp.Distance(back1, y) <= 4, $"seed 0x{seed:X}, y = {y:R}: log1p(expm1(y)) = {back1:R}");
        }
    }

    private static void AssertNonDecreasing(ElementaryFunction f, double center)
    {
        var x = center;
        for (var i = 0; i < Steps; i++)
        {
            x = Math.BitDecrement(x);
        }

        var previous = f.Scalar(x);
        for (var i = 0; i < 2 * Steps; i++)
        {
            var next = Math.BitIncrement(x);
            var value = f.Scalar(next);
            Assert.True(value >= previous, $"{f.Name} decreases between {x:R} [0x{Ulp.Hex(x)}] -> {previous:R} and {next:R} [0x{Ulp.Hex(next)}] -> {value:R}");
            previous = value;
            x = next;
        }
    }
}
