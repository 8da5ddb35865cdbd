using Assay.Numerics.FixedPoint;

namespace Assay.Numerics.Tests.FixedPoint;

/// <summary>The named scales, their stable ids and the no-overflow budget.</summary>
public sealed class FixedPointScaleTests
{
    public static TheoryData<byte, int, int, double, double> Scales() => new()
    {
        // id, fraction bits, magnitude bits, resolution, largest item
        { 1, 64, 30, 5.421010862427522e-20, 1073741824.0 },
        { 2, 48, 46, 3.552713678800501e-15, 70368744177664.0 },
        { 3, 32, 62, 2.3283064365386963e-10, 4611686018427387904.0 },
    };

    [Theory]
    [MemberData(nameof(Scales))]
    public void Named_scales_have_their_documented_parameters(byte id, int fractionBits, int magnitudeBits, double resolution, double maxItem)
    {
        var scale = FixedPointScale.FromId(id);
        Assert.True(scale.IsDefined);
        Assert.Equal(id, scale.Id);
        Assert.Equal(fractionBits, scale.FractionBits);
        Assert.Equal(magnitudeBits, scale.MagnitudeBits);
        Assert.Equal(resolution, scale.Resolution);
        Assert.Equal(maxItem, scale.MaxItemMagnitude);
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Budget_leaves_no_room_for_overflow(byte id, int fractionBits, int magnitudeBits, double resolution, double maxItem)
    {
        _ = (fractionBits, magnitudeBits, resolution, maxItem);
        var scale = FixedPointScale.FromId(id);

        // MaxCount items of magnitude 2^MagnitudeBits, each 2^(MagnitudeBits + FractionBits) units, stay ≤ 2^126 < Int128.MaxValue.
        var bound = (UInt128)FixedPointAccumulator.MaxCount << (scale.MagnitudeBits + scale.FractionBits);
        Assert.Equal(UInt128.One << 126, bound);
        Assert.True(bound < (UInt128)Int128.MaxValue);
    }

    [Fact]
    public void Named_properties_are_the_scales_with_ids_1_2_3()
    {
        Assert.Equal(FixedPointScale.Fine, FixedPointScale.FromId(1));
        Assert.Equal(FixedPointScale.Medium, FixedPointScale.FromId(2));
        Assert.Equal(FixedPointScale.Coarse, FixedPointScale.FromId(3));
        Assert.NotEqual(FixedPointScale.Fine, FixedPointScale.Medium);
        Assert.False(default(FixedPointScale).IsDefined);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(255)]
    public void Unknown_ids_are_rejected(byte id)
    {
        Assert.False(FixedPointScale.TryFromId(id, out _));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FixedPointScale.FromId(id));
        Assert.Equal("id", error.ParamName);
    }
}
