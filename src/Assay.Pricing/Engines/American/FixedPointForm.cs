namespace Assay.Pricing.Engines.American;

/// <summary>Which of Andersen, Lake and Offengelds' two fixed-point equations for the exercise boundary is iterated.</summary>
internal enum FixedPointForm
{
    /// <summary>FP-B, from smooth pasting: fast on the common grid, oscillates when 2r/σ² and (2r/σ²)·T are large.</summary>
    SmoothPasting,

    /// <summary>FP-A, from value matching: N = Φ(d₋) + r∫e^(ru)Φ(d₋)du, D = Φ(d₊) + q∫e^(qu)Φ(d₊)du; slower to converge but stable.</summary>
    ValueMatching,
}
