using Assay.Numerics.FixedPoint;

namespace Assay.Numerics.Tests.FixedPoint;

/// <summary>Building an accumulator from a producer's own exact sum.</summary>
public class FixedPointFromScaledSumTests
{
    [Fact]
    public void Equals_the_accumulator_built_item_by_item()
    {
        double[] items = [1.5, -0.25, 1e-9, 123456.789];
        var expected = new FixedPointAccumulator(FixedPointScale.Medium).AddRange(items);
        Int128 sum = 0;
        foreach (var item in items)
        {
            sum += FixedPointAccumulator.ToScaled(item, FixedPointScale.Medium);
        }

        Assert.Equal(expected, FixedPointAccumulator.FromScaledSum(FixedPointScale.Medium, sum, (ulong)items.Length));
    }

    [Fact]
    public void Rejects_a_sum_no_items_could_reach_an_undefined_scale_and_a_count_above_the_limit()
    {
        var reachable = (Int128)3 << (46 + 48);
        Assert.Equal(reachable, FixedPointAccumulator.FromScaledSum(FixedPointScale.Medium, reachable, 3).ScaledSum);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FixedPointAccumulator.FromScaledSum(FixedPointScale.Medium, reachable + 1, 3));
        Assert.Equal("scaledSum", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPointAccumulator.FromScaledSum(default, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPointAccumulator.FromScaledSum(FixedPointScale.Fine, 0, FixedPointAccumulator.MaxCount + 1));
    }
}
