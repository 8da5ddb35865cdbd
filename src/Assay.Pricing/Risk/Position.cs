using System.Globalization;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Risk;

/// <summary>One line of a portfolio: an option, a future or a spot holding on a named underlying.</summary>
/// <remarks>
/// <para>Option: a European <see cref="Type"/> with <see cref="Strike"/> K and <see cref="ExpiryYears"/> T (ACT/365);
/// value per unit is the Black–Scholes–Merton price with the underlying's flat volatility, rate and yield.</para>
/// <para>Future: a contract with <see cref="ExpiryYears"/> T on the underlying; its forward price is
/// F = S·e^((r − q)·T) and a position is worth its variation margin quantity·(F − F0), where F0 is the futures price
/// in the base market; so its base value is 0 and its P&amp;L is the change in F, undiscounted (daily settlement).</para>
/// <para>Spot: worth quantity·S. <see cref="Type"/>, <see cref="Strike"/> and <see cref="ExpiryYears"/> are ignored
/// where the kind has no use for them. <see cref="Quantity"/> is signed (negative = short) in units of the
/// underlying (one option or future is on one unit).</para>
/// </remarks>
/// <param name="Kind">Option, future or spot.</param>
/// <param name="Underlying">The underlying's name as the market data spells it.</param>
/// <param name="Type">Call or put (options only).</param>
/// <param name="Strike">Strike K (options only), finite and &gt; 0.</param>
/// <param name="ExpiryYears">Time to expiry T in years (options and futures), finite and &gt; 0.</param>
/// <param name="Quantity">Signed number of units, finite.</param>
public readonly record struct Position(
    PositionKind Kind,
    string Underlying,
    OptionType Type,
    double Strike,
    double ExpiryYears,
    double Quantity)
{
    /// <summary>A European option position.</summary>
    public static Position Option(string underlying, OptionType type, double strike, double expiryYears, double quantity) =>
        new(PositionKind.Option, underlying, type, strike, expiryYears, quantity);

    /// <summary>A futures position expiring in <paramref name="expiryYears"/>.</summary>
    public static Position Future(string underlying, double expiryYears, double quantity) =>
        new(PositionKind.Future, underlying, OptionType.Call, 0, expiryYears, quantity);

    /// <summary>A holding of <paramref name="quantity"/> units of the underlying.</summary>
    public static Position Spot(string underlying, double quantity) =>
        new(PositionKind.Spot, underlying, OptionType.Call, 0, 0, quantity);

    /// <summary>Largest |quantity| of one position, 1e12 units: beyond it sums of P&amp;L lose every digit that matters (or overflow).</summary>
    public const double MaxQuantity = 1e12;

    /// <summary>Throws <see cref="PricingInputException"/> naming the field of position <paramref name="number"/> (1-based) that is out of range.</summary>
    public void Validate(int number)
    {
        if (string.IsNullOrWhiteSpace(Underlying))
        {
            Fail(number, "underlying", "underlying must be a non-empty name");
        }

        CheckFinite(number, Quantity, "quantity", "a finite number");
        if (Math.Abs(Quantity) > MaxQuantity)
        {
            Fail(number, "quantity", string.Create(CultureInfo.InvariantCulture, $"quantity must be in [-{MaxQuantity:G}, {MaxQuantity:G}] (got {Quantity:R})"));
        }

        switch (Kind)
        {
            case PositionKind.Option:
                if (Type is not (OptionType.Call or OptionType.Put))
                {
                    Fail(number, "type", $"type must be call or put (got {(int)Type})");
                }

                CheckPositive(number, Strike, "K");
                CheckPositive(number, ExpiryYears, "T");
                break;
            case PositionKind.Future:
                CheckPositive(number, ExpiryYears, "T");
                break;
            case PositionKind.Spot:
                break;
            default:
                Fail(number, "kind", $"kind must be option, future or spot (got {(int)Kind})");
                break;
        }
    }

    private static void CheckPositive(int number, double value, string field)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
        {
            Fail(number, field, string.Create(CultureInfo.InvariantCulture, $"{field} must be a finite number > 0 (got {value:R})"));
        }
    }

    private static void CheckFinite(int number, double value, string field, string allowed)
    {
        if (!double.IsFinite(value))
        {
            Fail(number, field, string.Create(CultureInfo.InvariantCulture, $"{field} must be {allowed} (got {value:R})"));
        }
    }

    private static void Fail(int number, string field, string message) =>
        InputGuard.Fail(field, string.Create(CultureInfo.InvariantCulture, $"position {number}: {message}"));
}
