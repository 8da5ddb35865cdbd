using Assay.Numerics.FixedPoint;

namespace Assay.Pricing.MonteCarlo;

/// <summary>The fixed-point sums of one batch of paths (or of several merged): the leaf of a Monte Carlo task.</summary>
/// <remarks>
/// <para>Each sample (one path, or one antithetic pair's average) contributes its discounted payoff Y, its delta and
/// vega estimators, and its control variate C (0 when the payoff has none). Every sum is a
/// <see cref="FixedPointAccumulator"/> at <see cref="Scale"/>, so merging batches in any order or partition gives the
/// same bits. Item bounds at that scale: |Y|, |C|, |Greek| ≤ 8.4e6 (so that the squares fit 2^46 ≈ 7.0e13).</para>
/// <para>Canonical encoding (<see cref="WriteTo"/>): the nine accumulators in the order of the properties below, each
/// in its own 26-byte encoding, 234 bytes in all.</para>
/// </remarks>
public readonly record struct BatchSums(
    FixedPointAccumulator Payoff,
    FixedPointAccumulator PayoffSquared,
    FixedPointAccumulator Delta,
    FixedPointAccumulator DeltaSquared,
    FixedPointAccumulator Vega,
    FixedPointAccumulator VegaSquared,
    FixedPointAccumulator Control,
    FixedPointAccumulator ControlSquared,
    FixedPointAccumulator PayoffControl)
{
    /// <summary>Number of accumulators.</summary>
    public const int FieldCount = 9;

    /// <summary>Length of the canonical encoding in bytes.</summary>
    public const int EncodedLength = FieldCount * FixedPointAccumulator.EncodedLength;

    /// <summary>Fixed-point scale of every sum: resolution 2^−48, items up to 2^46.</summary>
    public static FixedPointScale Scale => FixedPointScale.Medium;

    /// <summary>Sums of no samples.</summary>
    public static BatchSums Empty
    {
        get
        {
            var zero = new FixedPointAccumulator(Scale);
            return new BatchSums(zero, zero, zero, zero, zero, zero, zero, zero, zero);
        }
    }

    /// <summary>Number of samples summed (paths, or pairs with antithetic variates).</summary>
    public ulong Samples => Payoff.Count;

    /// <summary>The sums of both operands: exactly the sums of their samples together, whatever the order.</summary>
    public static BatchSums Merge(in BatchSums left, in BatchSums right) => new(
        FixedPointAccumulator.Merge(left.Payoff, right.Payoff),
        FixedPointAccumulator.Merge(left.PayoffSquared, right.PayoffSquared),
        FixedPointAccumulator.Merge(left.Delta, right.Delta),
        FixedPointAccumulator.Merge(left.DeltaSquared, right.DeltaSquared),
        FixedPointAccumulator.Merge(left.Vega, right.Vega),
        FixedPointAccumulator.Merge(left.VegaSquared, right.VegaSquared),
        FixedPointAccumulator.Merge(left.Control, right.Control),
        FixedPointAccumulator.Merge(left.ControlSquared, right.ControlSquared),
        FixedPointAccumulator.Merge(left.PayoffControl, right.PayoffControl));

    /// <summary>Writes the canonical encoding (see remarks) to the first <see cref="EncodedLength"/> bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="EncodedLength"/>.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < EncodedLength)
        {
            throw new ArgumentException($"BatchSums needs {EncodedLength} bytes; the destination has {destination.Length}.", nameof(destination));
        }

        var size = FixedPointAccumulator.EncodedLength;
        Payoff.WriteTo(destination[..size]);
        PayoffSquared.WriteTo(destination.Slice(size, size));
        Delta.WriteTo(destination.Slice(2 * size, size));
        DeltaSquared.WriteTo(destination.Slice(3 * size, size));
        Vega.WriteTo(destination.Slice(4 * size, size));
        VegaSquared.WriteTo(destination.Slice(5 * size, size));
        Control.WriteTo(destination.Slice(6 * size, size));
        ControlSquared.WriteTo(destination.Slice(7 * size, size));
        PayoffControl.WriteTo(destination.Slice(8 * size, size));
    }

    /// <summary>Decodes and validates a canonical encoding.</summary>
    /// <exception cref="FormatException">The bytes are not <see cref="EncodedLength"/> long, a field is invalid, the scales
    /// are not <see cref="Scale"/>, or the fields disagree on the sample count.</exception>
    public static BatchSums ReadFrom(ReadOnlySpan<byte> source)
    {
        if (source.Length != EncodedLength)
        {
            throw new FormatException($"A BatchSums encoding is {EncodedLength} bytes; got {source.Length}.");
        }

        var fields = new FixedPointAccumulator[FieldCount];
        for (var i = 0; i < FieldCount; i++)
        {
            fields[i] = FixedPointAccumulator.ReadFrom(source.Slice(i * FixedPointAccumulator.EncodedLength, FixedPointAccumulator.EncodedLength));
            if (fields[i].Scale != Scale || fields[i].Count != fields[0].Count)
            {
                throw new FormatException($"BatchSums field {i} has scale {fields[i].Scale} and count {fields[i].Count}; every field must have scale {Scale} and count {fields[0].Count}.");
            }
        }

        return new BatchSums(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8]);
    }
}
