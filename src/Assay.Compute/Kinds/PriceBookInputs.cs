using Assay.Compute.Tasks;
using Assay.Pricing;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Proofs.Canonical;

namespace Assay.Compute.Kinds;

/// <summary>The inputs of a price-book task: the positions, in leaf order.</summary>
/// <remarks>Canonical body (format 1, tag <see cref="ComputeTypeTags.PriceBookInputs"/>): u32 position count ‖ per
/// position: u8 type (0 call, 1 put) ‖ f64 S ‖ f64 K ‖ f64 T ‖ f64 r ‖ f64 q ‖ f64 sigma ‖ f64 quantity (57 bytes).</remarks>
public sealed class PriceBookInputs : ICanonicalEncodable<PriceBookInputs>
{
    /// <summary>Largest number of positions.</summary>
    public const int MaxPositions = 1 << 20;

    /// <summary>Largest |quantity|.</summary>
    public const double MaxQuantity = 1e9;

    private const int PositionBytes = 57;

    private readonly PriceBookPosition[] _positions;

    /// <summary>Creates and validates the inputs.</summary>
    /// <exception cref="TaskSpecException">No positions, too many, or a position field out of range (named as S, K, T, r, q, sigma, quantity).</exception>
    public PriceBookInputs(params ReadOnlySpan<PriceBookPosition> positions)
    {
        if (positions.Length is 0 or > MaxPositions)
        {
            throw new TaskSpecException("positions", $"a price book has 1 … {MaxPositions} positions; got {positions.Length}.");
        }

        for (var i = 0; i < positions.Length; i++)
        {
            try
            {
                positions[i].Option.Validate();
            }
            catch (PricingInputException e)
            {
                throw new TaskSpecException(e.ParamName ?? "position", $"position {i}: {e.Message}");
            }

            var quantity = positions[i].Quantity;
            if (!(Math.Abs(quantity) <= MaxQuantity))
            {
                throw new TaskSpecException("quantity", $"position {i}: quantity must be finite with |quantity| ≤ {MaxQuantity}; got {quantity}.");
            }
        }

        _positions = positions.ToArray();
    }

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => ComputeTypeTags.PriceBookInputs;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the inputs' hash.</summary>
    public static string HashTag => "assay/pricebook-inputs/v1";

    /// <summary>The positions in leaf order.</summary>
    public IReadOnlyList<PriceBookPosition> Positions => _positions;

    /// <summary>Reads and validates a body.</summary>
    public static PriceBookInputs ReadBody(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var count = reader.ReadCount(MaxPositions, PositionBytes);
        var positions = new PriceBookPosition[count];
        for (var i = 0; i < count; i++)
        {
            var at = reader.Position;
            var type = reader.ReadByte();
            if (type > 1)
            {
                CanonicalReader.Fail(at, "an option type 0 (call) or 1 (put)");
            }

            var option = new BlackScholesParameters(
                type == 0 ? OptionType.Call : OptionType.Put,
                reader.ReadDouble(),
                reader.ReadDouble(),
                reader.ReadDouble(),
                reader.ReadDouble(),
                reader.ReadDouble(),
                reader.ReadDouble());
            positions[i] = new PriceBookPosition(option, reader.ReadDouble());
        }

        try
        {
            return new PriceBookInputs(positions);
        }
        catch (TaskSpecException e)
        {
            CanonicalReader.Fail(start, $"valid price-book inputs ({e.Field}: {e.Message})");
            throw;
        }
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCount(_positions.Length, MaxPositions);
        foreach (var (o, quantity) in _positions)
        {
            writer.WriteByte(o.Type == OptionType.Call ? (byte)0 : (byte)1);
            writer.WriteDouble(o.Spot);
            writer.WriteDouble(o.Strike);
            writer.WriteDouble(o.ExpiryYears);
            writer.WriteDouble(o.Rate);
            writer.WriteDouble(o.DividendYield);
            writer.WriteDouble(o.Volatility);
            writer.WriteDouble(quantity);
        }
    }
}
