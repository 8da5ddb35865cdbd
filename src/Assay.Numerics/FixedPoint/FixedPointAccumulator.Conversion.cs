namespace Assay.Numerics.FixedPoint;

/// <summary>Conversion of the exact fixed-point sum back to a double.</summary>
public readonly partial struct FixedPointAccumulator
{
    /// <summary>The sum as the double nearest to <see cref="ScaledSum"/>·2^−k (correctly rounded, ties to even).</summary>
    /// <remarks>
    /// The integer is rounded once to 53 significant bits (half to even, from the discarded bits), then scaled by an
    /// exact power of two; the result is never subnormal (the smallest non-zero |sum| is 2^−64). Zero is +0.0.
    /// </remarks>
    public double ToDouble()
    {
        var sum = _scaledSum;
        if (sum == Int128.Zero)
        {
            return 0.0;
        }

        // |sum| ≤ 2^126, so the negation cannot overflow.
        var negative = sum < Int128.Zero;
        var magnitude = (UInt128)(negative ? -sum : sum);
        var bitLength = 128 - (int)UInt128.LeadingZeroCount(magnitude);
        var shift = Math.Max(0, bitLength - 53);
        var kept = magnitude >> shift;
        if (shift > 0)
        {
            var discarded = magnitude & ((UInt128.One << shift) - 1);
            var half = UInt128.One << (shift - 1);
            if (discarded > half || (discarded == half && (kept & UInt128.One) == UInt128.One))
            {
                kept++;
            }
        }

        // kept ≤ 2^53 converts exactly; the power of two 2^(shift − k) lies in [2^−64, 2^42], a normal double.
        var result = (double)(ulong)kept * PowerOfTwo(shift - Scale.FractionBits);
        return negative ? -result : result;
    }

    private static double PowerOfTwo(int exponent) => BitConverter.Int64BitsToDouble((long)(1023 + exponent) << 52);
}
