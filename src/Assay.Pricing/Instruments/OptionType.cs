namespace Assay.Pricing.Instruments;

/// <summary>The right an option holder has: to buy (call) or to sell (put).</summary>
public enum OptionType
{
    /// <summary>The right to buy the underlying at the strike.</summary>
    Call,

    /// <summary>The right to sell the underlying at the strike.</summary>
    Put,
}
