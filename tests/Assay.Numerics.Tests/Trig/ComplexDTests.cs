using System.Globalization;

namespace Assay.Numerics.Tests.Trig;

/// <summary>ComplexD arithmetic and functions against mpmath (tests/data/numerics/trig/complex_reference.csv) and laws.</summary>
public sealed class ComplexDTests
{
    private static readonly string CsvPath =
        Path.Combine(AppContext.BaseDirectory, "data", "numerics", "trig", "complex_reference.csv");

    private static double P(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Norm-wise relative error bound: a few ulps of the result's modulus.</summary>
    private const double RelativeTolerance = 1e-15;

    [Theory]
    [InlineData("mul")]
    [InlineData("div")]
    [InlineData("sqrt")]
    [InlineData("log")]
    [InlineData("log1p")]
    [InlineData("exp")]
    [InlineData("abs")]
    public void Matches_mpmath(string function)
    {
        var count = 0;
        foreach (var line in File.ReadLines(CsvPath).Skip(1))
        {
            var f = line.Split(',');
            if (f[0] != function)
            {
                continue;
            }

            var a = new ComplexD(P(f[1]), P(f[2]));
            var b = new ComplexD(P(f[3]), P(f[4]));
            var expected = new ComplexD(P(f[5]), P(f[6]));
            var actual = function switch
            {
                "mul" => a * b,
                "div" => a / b,
                "sqrt" => ComplexD.Sqrt(a),
                "log" => ComplexD.Log(a),
                "log1p" => ComplexD.Log1p(a),
                "exp" => ComplexD.Exp(a),
                _ => new ComplexD(ComplexD.Abs(a), 0.0),
            };
            var error = ComplexD.Abs(actual - expected);
            var scale = ComplexD.Abs(expected);
            Assert.True(
                error <= RelativeTolerance * scale,
                $"{function}(a={a}, b={b}) = {actual}, mpmath {expected}: relative error {error / scale:E3}");
            count++;
        }

        Assert.True(count >= 300, $"only {count} rows for {function}");
    }

    [Fact]
    public void Sqrt_is_the_principal_branch_on_the_cut()
    {
        Assert.Equal(new ComplexD(0.0, 2.0), ComplexD.Sqrt(new ComplexD(-4.0, 0.0)));
        var below = ComplexD.Sqrt(new ComplexD(-4.0, -0.0));
        Assert.True(below.Real == 0.0 && below.Imaginary == -2.0, $"sqrt(-4 - 0i) = {below}");
        Assert.Equal(new ComplexD(0.0, 0.0), ComplexD.Sqrt(ComplexD.Zero));
        Assert.Equal(new ComplexD(3.0, 0.0), ComplexD.Sqrt(new ComplexD(9.0, 0.0)));
    }

    [Fact]
    public void Log_is_the_principal_branch_on_the_cut()
    {
        var above = ComplexD.Log(new ComplexD(-1.0, 0.0));
        var below = ComplexD.Log(new ComplexD(-1.0, -0.0));
        Assert.True(above.Real == 0.0 && above.Imaginary == Math.PI, $"log(-1 + 0i) = {above}");
        Assert.True(below.Real == 0.0 && below.Imaginary == -Math.PI, $"log(-1 - 0i) = {below}");
        Assert.True(double.IsNegativeInfinity(ComplexD.Log(ComplexD.Zero).Real), "log(0)");
    }

    [Fact]
    public void Division_by_Smith_avoids_overflow_and_underflow()
    {
        var q = new ComplexD(1e300, 1e300) / new ComplexD(1e300, 1e300);
        Assert.True(q == ComplexD.One, $"(1e300+1e300i)/(1e300+1e300i) = {q}");
        var r = new ComplexD(1e-300, 2e-300) / new ComplexD(1e-300, 0.0);
        Assert.True(r == new ComplexD(1.0, 2.0), $"(1e-300+2e-300i)/1e-300 = {r}");
        Assert.Equal(1e300 * Math.Sqrt(2.0), ComplexD.Abs(new ComplexD(1e300, 1e300)), 1e285);
        Assert.True(ComplexD.Abs(new ComplexD(3e-310, 4e-310)) > 4.9e-310, "abs of subnormals");
    }

    [Fact]
    public void Exp_and_Log_are_inverse_and_Sqrt_squares_back()
    {
        // Seed printed for reproduction.
        const int Seed = 17;
        var rng = new Random(Seed);
        for (var i = 0; i < 1000; i++)
        {
            var z = new ComplexD((rng.NextDouble() - 0.5) * 20, (rng.NextDouble() - 0.5) * 6);
            var roundTrip = ComplexD.Log(ComplexD.Exp(z));
            Assert.True(ComplexD.Abs(roundTrip - z) <= 1e-14 * Math.Max(1.0, ComplexD.Abs(z)), $"seed {Seed}: log(exp({z})) = {roundTrip}");
            var root = ComplexD.Sqrt(z);
            Assert.True(root.Real >= 0.0, $"seed {Seed}: sqrt({z}) = {root} has a negative real part");
            var square = root * root;
            Assert.True(ComplexD.Abs(square - z) <= 1e-15 * ComplexD.Abs(z), $"seed {Seed}: sqrt({z})^2 = {square}");
            var w = new ComplexD(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
            var back = z / w * w;
            Assert.True(ComplexD.Abs(back - z) <= 1e-15 * ComplexD.Abs(z), $"seed {Seed}: ({z}/{w})*{w} = {back}");
        }
    }
}
