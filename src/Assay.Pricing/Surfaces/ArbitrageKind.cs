namespace Assay.Pricing.Surfaces;

/// <summary>The kind of static arbitrage a surface check found.</summary>
public enum ArbitrageKind
{
    /// <summary>A negative risk-neutral density in one slice: Gatheral–Jacquier's g(k) &lt; 0.</summary>
    Butterfly,

    /// <summary>Total variance decreasing from one slice to the next at fixed k.</summary>
    Calendar,
}
