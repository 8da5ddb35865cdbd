using Assay.Pricing.Instruments;

namespace Assay.Pricing.MonteCarlo;

/// <summary>A contract for the Monte Carlo engine: its kind and terms.</summary>
/// <param name="Kind">Which payoff.</param>
/// <param name="Type">Call or put.</param>
/// <param name="Strike">Strike K, finite and &gt; 0.</param>
public sealed record PayoffSpec(PayoffKind Kind, OptionType Type, double Strike)
{
    /// <summary>Throws <see cref="PricingInputException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            InputGuard.Fail("payoff", $"payoff must be one of {string.Join(", ", Enum.GetNames<PayoffKind>())} (got {(int)Kind})");
        }

        if (Type is not (OptionType.Call or OptionType.Put))
        {
            InputGuard.Fail("type", $"type must be Call or Put (got {(int)Type})");
        }

        InputGuard.Positive(Strike, "K");
    }
}
