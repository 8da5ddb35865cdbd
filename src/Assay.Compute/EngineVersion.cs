namespace Assay.Compute;

/// <summary>The version of the deterministic engines a result was computed with; nodes compare results bitwise only within one version (DESIGN.md §3).</summary>
public static class EngineVersion
{
    /// <summary>Bumped whenever any consensus-relevant bit of a pricing or Monte Carlo result can change (2: the Black–Scholes kernel of docs/pricing-black-scholes.md, "Eighth look"; 3 and 4: the rational pairs of its "Eleventh look").</summary>
    public const uint Current = 4;
}
