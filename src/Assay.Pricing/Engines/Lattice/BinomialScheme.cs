namespace Assay.Pricing.Engines.Lattice;

/// <summary>How a binomial tree chooses its up/down factors and probability.</summary>
public enum BinomialScheme
{
    /// <summary>Cox, Ross and Rubinstein (1979): u = e^(σ√Δt), d = 1/u, p = (e^((r−q)Δt) − d)/(u − d).</summary>
    CoxRossRubinstein,

    /// <summary>Leisen and Reimer (1996) with Peizer–Pratt inversion method 2; odd step counts only.</summary>
    LeisenReimer,
}
