namespace Assay.Pricing.Risk;

/// <summary>What a portfolio position holds.</summary>
public enum PositionKind
{
    /// <summary>A European call or put, valued by Black–Scholes–Merton.</summary>
    Option,

    /// <summary>A futures contract, valued as its variation margin quantity·(F − F0).</summary>
    Future,

    /// <summary>Units of the underlying itself, valued quantity·S.</summary>
    Spot,
}
