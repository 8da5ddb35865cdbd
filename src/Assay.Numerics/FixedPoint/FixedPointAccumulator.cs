using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Assay.Numerics.FixedPoint;

/// <summary>An order- and partition-independent sum of doubles: an <see cref="Int128"/> count of 2^−k units at a <see cref="FixedPointScale"/>.</summary>
/// <remarks>
/// <para>Each item x is stored as round(x·2^k) (k = <see cref="FixedPointScale.FractionBits"/>): the product by a power
/// of two is exact, the rounding is IEEE round-half-to-even (exact), and the integral result converts exactly. The sum of
/// these integers is exact, so the total does not depend on the order of <see cref="Add(double)"/> calls or on how the
/// items were split among partial accumulators later joined by <see cref="Merge"/>.</para>
/// <para>Limits: |x| ≤ 2^<see cref="FixedPointScale.MagnitudeBits"/>, x finite, and at most <see cref="MaxCount"/> items
/// in total, which bounds |sum| by 2^126 units; anything outside them throws rather than wraps.</para>
/// <para>The value is immutable: <c>acc = acc.Add(x)</c>. <c>default(FixedPointAccumulator)</c> has no scale and rejects items.</para>
/// </remarks>
public readonly partial struct FixedPointAccumulator : IEquatable<FixedPointAccumulator>
{
    /// <summary>Largest number of items one accumulator (including everything merged into it) may hold: 2^32.</summary>
    public const ulong MaxCount = 1UL << 32;

    private readonly Int128 _scaledSum;
    private readonly ulong _count;
    private readonly byte _scaleId;

    /// <summary>Creates an empty accumulator at a scale.</summary>
    /// <param name="scale">One of the named scales.</param>
    public FixedPointAccumulator(FixedPointScale scale)
    {
        if (!scale.IsDefined)
        {
            throw new ArgumentException("scale must be FixedPointScale.Fine, Medium or Coarse, not default.", nameof(scale));
        }

        _scaleId = scale.Id;
    }

    private FixedPointAccumulator(byte scaleId, Int128 scaledSum, ulong count)
    {
        _scaleId = scaleId;
        _scaledSum = scaledSum;
        _count = count;
    }

    /// <summary>The scale of this accumulator (<c>default</c> for a default-constructed value).</summary>
    public FixedPointScale Scale => FixedPointScale.TryFromId(_scaleId, out var scale) ? scale : default;

    /// <summary>The exact sum in units of 2^−k: Σ round(xᵢ·2^k).</summary>
    public Int128 ScaledSum => _scaledSum;

    /// <summary>The number of items added (directly or through merges).</summary>
    public ulong Count => _count;

    // Indexed by scale id; id 0 (default) has a negative bound so every item takes the diagnostic path.
    private static ReadOnlySpan<double> Factors => [0.0, 18446744073709551616.0, 281474976710656.0, 4294967296.0];

    private static ReadOnlySpan<double> MaxMagnitudes => [-1.0, 1073741824.0, 70368744177664.0, 4611686018427387904.0];

    /// <summary>Equality of scale, sum and count.</summary>
    public static bool operator ==(FixedPointAccumulator left, FixedPointAccumulator right) => left.Equals(right);

    /// <summary>Inequality of scale, sum or count.</summary>
    public static bool operator !=(FixedPointAccumulator left, FixedPointAccumulator right) => !left.Equals(right);

    /// <summary>Returns this accumulator with one more item.</summary>
    /// <param name="value">The item; finite, |value| ≤ <see cref="FixedPointScale.MaxItemMagnitude"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">|<paramref name="value"/>| exceeds the scale's item bound.</exception>
    /// <exception cref="InvalidOperationException">The count would exceed <see cref="MaxCount"/>, or the accumulator has no scale.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FixedPointAccumulator Add(double value)
    {
        var id = _scaleId;
        if (!(Math.Abs(value) <= MaxMagnitudes[id]) || _count >= MaxCount)
        {
            ThrowAddRejected(id, value, _count, nameof(value));
        }

        return new FixedPointAccumulator(id, _scaledSum + ToScaledUnchecked(value * Factors[id]), _count + 1);
    }

    /// <summary>Returns this accumulator with all of <paramref name="values"/> added, in any order (the result is the same).</summary>
    /// <param name="values">Items; each finite with |value| ≤ <see cref="FixedPointScale.MaxItemMagnitude"/>.</param>
    /// <exception cref="ArgumentException">An item is NaN or infinite (the message gives its index).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An item exceeds the scale's bound (the message gives its index).</exception>
    /// <exception cref="InvalidOperationException">The count would exceed <see cref="MaxCount"/>, or the accumulator has no scale.</exception>
    public FixedPointAccumulator AddRange(ReadOnlySpan<double> values)
    {
        var id = _scaleId;
        var factor = Factors[id];
        var max = MaxMagnitudes[id];
        var sum = _scaledSum;
        var count = _count;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (!(Math.Abs(value) <= max) || count >= MaxCount)
            {
                ThrowAddRejected(id, value, count, $"values[{i}]");
            }

            sum += ToScaledUnchecked(value * factor);
            count++;
        }

        return new FixedPointAccumulator(id, sum, count);
    }

    /// <summary>The accumulator holding the items of both: exactly the accumulator of their concatenation, in any order.</summary>
    /// <exception cref="ArgumentException">The scales differ or an operand has no scale.</exception>
    /// <exception cref="InvalidOperationException">The combined count exceeds <see cref="MaxCount"/>.</exception>
    public static FixedPointAccumulator Merge(FixedPointAccumulator left, FixedPointAccumulator right)
    {
        if (left._scaleId != right._scaleId || left._scaleId == 0)
        {
            throw new ArgumentException(
                $"Cannot merge accumulators at different or undefined scales: left is {left.Scale}, right is {right.Scale}.",
                nameof(right));
        }

        // Both counts are at most MaxCount = 2^32, so the sum cannot wrap a ulong.
        var count = left._count + right._count;
        if (count > MaxCount)
        {
            throw new InvalidOperationException(
                $"Merged count {count} would exceed FixedPointAccumulator.MaxCount = 2^32 = {MaxCount}.");
        }

        // |sum| ≤ count·2^(MagnitudeBits + FractionBits) ≤ 2^126 by the invariant, so Int128 addition cannot wrap.
        return new FixedPointAccumulator(left._scaleId, left._scaledSum + right._scaledSum, count);
    }

    /// <summary>The exact fixed-point image of one item, round(value·2^k), with the same checks as <see cref="Add(double)"/>.</summary>
    /// <param name="value">The item; finite, |value| ≤ <see cref="FixedPointScale.MaxItemMagnitude"/>.</param>
    /// <param name="scale">One of the named scales.</param>
    public static Int128 ToScaled(double value, FixedPointScale scale)
    {
        var id = scale.Id;
        if (!(Math.Abs(value) <= MaxMagnitudes[id]))
        {
            ThrowAddRejected(id, value, 0, nameof(value));
        }

        return ToScaledUnchecked(value * Factors[id]);
    }

    /// <inheritdoc/>
    public bool Equals(FixedPointAccumulator other) =>
        _scaleId == other._scaleId && _scaledSum == other._scaledSum && _count == other._count;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FixedPointAccumulator other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_scaleId, _scaledSum, _count);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{ToDouble():R} ({_scaledSum} × 2^-{Scale.FractionBits}, {_count} items, {Scale})";

    /// <summary>round-half-even(scaled) as an exact integer; |scaled| ≤ 2^94 and finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Int128 ToScaledUnchecked(double scaled)
    {
        var integral = Math.Round(scaled, MidpointRounding.ToEven);
        if (Math.Abs(integral) < 9223372036854775808.0)
        {
            return (long)integral;
        }

        // |integral| ≥ 2^63: the value is mantissa·2^e with e ≥ 11, so a left shift of the 53-bit mantissa is exact.
        var bits = BitConverter.DoubleToInt64Bits(integral);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1075;
        var magnitude = (Int128)((bits & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000) << exponent;
        return bits < 0 ? -magnitude : magnitude;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowAddRejected(byte scaleId, double value, ulong count, string argument)
    {
        if (scaleId == 0)
        {
            throw new InvalidOperationException(
                "This FixedPointAccumulator has no scale (default value); create it with new FixedPointAccumulator(scale).");
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{argument} must be finite; got {value}.", argument);
        }

        var scale = FixedPointScale.FromId(scaleId);
        if (!(Math.Abs(value) <= scale.MaxItemMagnitude))
        {
            throw new ArgumentOutOfRangeException(
                argument,
                value,
                $"|{argument}| must be at most MaxItemMagnitude = 2^{scale.MagnitudeBits} = {scale.MaxItemMagnitude:R} at scale {scale}.");
        }

        throw new InvalidOperationException(
            $"Adding {argument} would make the count {count + 1}, above FixedPointAccumulator.MaxCount = 2^32 = {MaxCount}.");
    }
}
