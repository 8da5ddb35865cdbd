namespace Assay.Numerics.Tests;

public sealed class NormalSmokeTests
{
    [Fact]
    public void Cdf_is_not_zero_deep_in_the_left_tail()
    {
        // mpmath: ncdf(-38) = 2.8849796337...e-316 (a subnormal double).
        var v = Normal.Cdf(-38);
        Assert.True(v > 2.8e-316 && v < 2.9e-316, $"Cdf(-38) = {v:R}");
    }

    [Fact]
    public void InverseCdf_inverts_Cdf()
    {
        foreach (var x in new[] { -30.0, -5.0, -1.0, 0.0, 0.5, 3.0 })
        {
            var p = Normal.Cdf(x);
            Assert.True(Math.Abs(Normal.InverseCdf(p) - x) < 1e-12 * Math.Max(1, Math.Abs(x)), $"x={x:R} p={p:R}");
        }
    }
}
