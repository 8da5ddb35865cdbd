using System.Buffers.Binary;
using Assay.Compute.Tasks;
using Assay.Numerics.FixedPoint;
using Assay.Pricing.Engines.Analytic;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Compute.Kinds;

/// <summary>A portfolio of European options priced analytically (Black–Scholes–Merton) as a task: one leaf per position.</summary>
/// <remarks>
/// <para>Lanes (all at <see cref="Scale"/>, Medium: resolution 2^−48, items up to 2^46): quantity × price, delta, gamma,
/// vega, theta, rho (Greeks in the units of <see cref="OptionGreeks"/>), then |quantity × price| — the only non-negative
/// lane and the mass lane of spot checks (<see cref="GrossValueLane"/>). Each position's values are rounded half-even to
/// the scale (<see cref="FixedPointAccumulator.ToScaled"/>), so a portfolio sum is within n·2^−49 of the exact sum of the
/// doubles.</para>
/// <para>Payload hash = DomainHash(<see cref="LeafTag"/>, u64 position index ‖ f64 price ‖ delta ‖ gamma ‖ vega ‖ theta
/// ‖ rho per unit, little-endian IEEE bits): the full-precision per-position Greeks.</para>
/// </remarks>
public sealed class PriceBookKind : ITaskKind
{
    /// <summary>Domain tag of a leaf's payload hash.</summary>
    public const string LeafTag = "assay/pricebook-position/v1";

    /// <summary>Index of the |quantity × price| lane.</summary>
    public const int GrossValueLane = 6;

    /// <summary>Names of the aggregate fields, in lane order.</summary>
    public static readonly string[] FieldNames = ["price", "delta", "gamma", "vega", "theta", "rho", "gross_value"];

    private PriceBookKind()
    {
        var lanes = new MerkleSumLane[FieldNames.Length];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = new MerkleSumLane(FieldNames[i], Scale, i == GrossValueLane);
        }

        Layout = new MerkleSumLayout(lanes);
    }

    /// <summary>The kind.</summary>
    public static PriceBookKind Instance { get; } = new();

    /// <summary>The fixed-point scale of every lane.</summary>
    public static FixedPointScale Scale => FixedPointScale.Medium;

    /// <inheritdoc/>
    public ushort Id => TaskKindIds.PriceBook;

    /// <inheritdoc/>
    public string Name => "pricebook";

    /// <inheritdoc/>
    public MerkleSumLayout Layout { get; }

    /// <summary>The spec's inputs as price-book inputs.</summary>
    /// <exception cref="TaskSpecException">The inputs are not canonical price-book inputs.</exception>
    public static PriceBookInputs DecodeInputs(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        try
        {
            return CanonicalEncoding.Decode<PriceBookInputs>(spec.Inputs);
        }
        catch (CanonicalFormatException e)
        {
            throw new TaskSpecException("inputs", $"inputs are not canonical price-book inputs: {e.Message}");
        }
    }

    /// <summary>The leaf of position <paramref name="index"/>.</summary>
    /// <exception cref="TaskSpecException">A scaled value exceeds the lane's item bound 2^46.</exception>
    public static MerkleSumLeaf LeafOf(long index, in PriceBookPosition position)
    {
        var g = BlackScholesMerton.Greeks(position.Option);
        Span<double> units = [g.Price, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho];
        Span<byte> payload = stackalloc byte[8 + (8 * 6)];
        BinaryPrimitives.WriteInt64LittleEndian(payload, index);
        Span<Int128> lanes = stackalloc Int128[FieldNames.Length];
        var quantity = position.Quantity;
        for (var i = 0; i < units.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(payload[(8 + (8 * i))..], units[i]);
            lanes[i] = Scaled(units[i] * quantity, index, i);
        }

        lanes[GrossValueLane] = Scaled(Math.Abs(g.Price * quantity), index, GrossValueLane);
        return new MerkleSumLeaf(DomainHash.Compute(LeafTag, payload), new LaneSums(1, lanes));
    }

    /// <inheritdoc/>
    public ITaskComputation Prepare(TaskSpec spec)
    {
        var inputs = DecodeInputs(spec);
        if (spec.ItemCount != inputs.Positions.Count)
        {
            throw new TaskSpecException("item_count", $"item_count must be the number of positions {inputs.Positions.Count}; got {spec.ItemCount}.");
        }

        return new Computation(inputs);
    }

    private static Int128 Scaled(double value, long index, int lane)
    {
        if (!(Math.Abs(value) <= Scale.MaxItemMagnitude))
        {
            throw new TaskSpecException("quantity", $"position {index}: {FieldNames[lane]} × quantity = {value} exceeds the fixed-point item bound 2^46.");
        }

        return FixedPointAccumulator.ToScaled(value, Scale);
    }

    private sealed class Computation(PriceBookInputs inputs) : ITaskComputation
    {
        public long ItemCount => inputs.Positions.Count;

        public MerkleSumLeaf ComputeLeaf(long index) => LeafOf(index, inputs.Positions[checked((int)index)]);

        public TaskAggregate Reduce(LaneSums rootSums)
        {
            var fields = new (string, double)[FieldNames.Length + 1];
            for (var i = 0; i < FieldNames.Length; i++)
            {
                fields[i] = (FieldNames[i], FixedPointAccumulator.FromScaledSum(Scale, rootSums[i], rootSums.Count).ToDouble());
            }

            fields[^1] = ("positions", rootSums.Count);
            return new TaskAggregate(fields);
        }
    }
}
